import type { TicketSnapshot } from '@helpdesk/contracts';
import { uuidv7 } from '@helpdesk/messaging';
import type { EntityManager } from 'typeorm';
import { DirectoryRepository } from '../directory/directory.repository';
import { ClocksRepository } from './clocks.repository';
import type { RulesRegistry } from './rules-registry';
import { SlaTicketsRepository } from './sla-tickets.repository';
import { decideTicketClocks, newSlaTicket, type TicketChange } from './ticket-clocks';
import type { AddEvents, SlaWriter } from './sla-writer';

/**
 * Applies ticket events to the ticket's clocks: lock the ticket's read model, decide, write the
 * clocks and events. Every writer of a ticket's clocks locks its `sla_tickets` row first, so
 * handlers, the timer and recomputes never interleave on one ticket.
 */
export class TicketClocksService {
  private readonly tickets = new SlaTicketsRepository();
  private readonly clocks = new ClocksRepository();
  private readonly directory = new DirectoryRepository();

  constructor(
    private readonly registry: RulesRegistry,
    private readonly writer: SlaWriter,
    /** Policy for tickets without a contract naming one (`SLA_DEFAULT_POLICY_ID`); null for none. */
    private readonly defaultPolicyId: string | null,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async apply(manager: EntityManager, addEvents: AddEvents, snapshot: TicketSnapshot, change: TicketChange): Promise<void> {
    const policyId = await this.policyFor(manager, snapshot);
    let ticket = await this.tickets.lock(manager, snapshot.ticketId);
    let fresh = false;
    if (!ticket) {
      const candidate = newSlaTicket(snapshot, policyId);
      fresh = await this.tickets.insert(manager, candidate);
      ticket = fresh ? candidate : await this.tickets.lock(manager, snapshot.ticketId);
      if (!ticket) throw new Error(`ticket ${snapshot.ticketId} vanished while being created`);
    }
    const clocks = await this.clocks.ofTicket(manager, ticket.ticketId);
    const rules = await this.registry.load(
      manager,
      [policyId, ticket.policyId, ...clocks.map((c) => c.policyId)],
      clocks.map((c) => c.calendarId),
    );
    const decision = decideTicketClocks({ ticket, clocks, fresh }, snapshot, change, { rules, policyId, now: this.clock(), newId: uuidv7 });
    const ticketChanged = decision.ticket.ticketVersion !== ticket.ticketVersion || decision.ticket.policyId !== ticket.policyId;
    await this.writer.write(manager, addEvents, [{ ...decision, ticketChanged }], rules, this.clock());
  }

  /** The contract's policy, else the default; a contract naming none also gets the default. */
  private async policyFor(manager: EntityManager, snapshot: TicketSnapshot): Promise<string | null> {
    if (snapshot.contractId) {
      const policyId = await this.directory.policyOfContract(manager, snapshot.contractId);
      if (policyId) return policyId;
    }
    return this.defaultPolicyId;
  }
}
