import type { EntityManager } from 'typeorm';
import { DirectoryRepository } from '../directory/directory.repository';
import type { RecipientSpec } from '../policies/policy';
import type { Recipient } from './sla-events';
import type { SlaTicket } from './sla-ticket';

/**
 * Resolves an escalation level's recipients for one ticket: roles to the ticket's assignee, its
 * queue's lead or its customer's account manager, agents to their mail address. A role nobody
 * fills (unassigned ticket, unknown agent) is left out rather than failing the escalation.
 */
export class RecipientsResolver {
  private readonly directory = new DirectoryRepository();

  async resolve(manager: EntityManager, specs: readonly RecipientSpec[], ticket: SlaTicket): Promise<Recipient[]> {
    const recipients: Recipient[] = [];
    for (const spec of specs) {
      if (spec.role === 'address') {
        if (spec.email) recipients.push({ role: 'address', agentId: null, displayName: spec.displayName ?? spec.email, email: spec.email });
        continue;
      }
      const agentId = await this.agentIdOf(manager, spec, ticket);
      const agent = agentId ? await this.directory.agent(manager, agentId) : undefined;
      if (agentId && agent) recipients.push({ role: spec.role, agentId, displayName: agent.displayName, email: agent.email });
    }
    return recipients;
  }

  private async agentIdOf(manager: EntityManager, spec: RecipientSpec, ticket: SlaTicket): Promise<string | null> {
    switch (spec.role) {
      case 'agent':
        return spec.agentId;
      case 'assignee':
        return ticket.assigneeId;
      case 'queue_lead':
        return ticket.queueId ? this.directory.queueLead(manager, ticket.queueId) : null;
      case 'account_manager':
        return ticket.customerId ? this.directory.accountManager(manager, ticket.customerId) : null;
      default:
        return null;
    }
  }
}
