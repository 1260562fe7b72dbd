import type { OutboxPublisher } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { warningPointMs, type PolicyTarget } from '../policies/policy';
import { cancelClock, retargetClock, type Clock, type ClockMoment } from './clock';
import { ClocksRepository } from './clocks.repository';
import type { RulesRegistry, RulesSnapshot } from './rules-registry';
import { TICKET_COLUMNS, slaTicketOf } from './sla-tickets.repository';
import type { SlaTicket } from './sla-ticket';
import type { SlaWriter, TicketWrite } from './sla-writer';
import { targetOf } from './ticket-clocks';

/** Which running and paused clocks a change affects. */
export type RecomputeScope = { readonly calendarId: string } | { readonly policyId: string };

/**
 * After a policy or calendar change, gives every affected running or paused clock its new
 * targets and due times, in batches of tickets (each batch one transaction, tickets locked in
 * id order). The calendar as it is now counts for the whole running stretch: a holiday added for
 * today takes today's hours out of the elapsed time, too.
 */
export class RecomputeService {
  private readonly clocks = new ClocksRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: OutboxPublisher,
    private readonly registry: RulesRegistry,
    private readonly writer: SlaWriter,
    private readonly batchSize: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Recomputes every affected clock; returns how many clocks got new due times. */
  async recompute(scope: RecomputeScope): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let total = 0;
    for (;;) {
      const batch = await withTransaction(this.dataSource, (manager) => this.batch(manager, scope, after));
      total += batch.clocks;
      if (batch.lastTicketId === null) return total;
      after = batch.lastTicketId;
    }
  }

  private async batch(manager: EntityManager, scope: RecomputeScope, after: string): Promise<{ clocks: number; lastTicketId: string | null }> {
    const [column, id] = 'calendarId' in scope ? ['calendar_id', scope.calendarId] : ['policy_id', scope.policyId];
    const ids = (
      (await manager.query(
        `SELECT DISTINCT ticket_id FROM sla_clocks WHERE ${column} = $1 AND state IN ('running', 'paused') AND ticket_id > $2 ORDER BY ticket_id LIMIT $3`,
        [id, after, this.batchSize],
      )) as { ticket_id: string }[]
    ).map((r) => r.ticket_id);
    if (ids.length === 0) return { clocks: 0, lastTicketId: null };
    const rows = (await manager.query(`SELECT ${TICKET_COLUMNS} FROM sla_tickets WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id FOR UPDATE`, [ids])) as Parameters<typeof slaTicketOf>[0][];
    const clocks = await this.clocks.ofTickets(manager, ids);
    const rules = await this.registry.load(manager, clocks.map((c) => c.policyId), clocks.map((c) => c.calendarId));
    const now = this.clock();
    let count = 0;
    const byTicket = new Map<string, Clock[]>();
    for (const c of clocks) byTicket.set(c.ticketId, [...(byTicket.get(c.ticketId) ?? []), c]);
    const writes: TicketWrite[] = rows.map(slaTicketOf).map((ticket) => {
      const write = this.recomputeTicket(ticket, byTicket.get(ticket.ticketId) ?? [], scope, rules, now);
      count += write.changedClockIds.size;
      return write;
    });
    await this.writer.write(manager, (events) => this.publisher.add(manager, events), writes, rules, now);
    return { clocks: count, lastTicketId: ids[ids.length - 1] ?? null };
  }

  private recomputeTicket(ticket: SlaTicket, clocks: readonly Clock[], scope: RecomputeScope, rules: RulesSnapshot, now: Date): TicketWrite {
    const changed = new Set<string>();
    const moments: { clockId: string; moment: ClockMoment }[] = [];
    const result = clocks.map((clock) => {
      const affected = 'calendarId' in scope ? clock.calendarId === scope.calendarId : clock.policyId === scope.policyId;
      if (!affected || (clock.state !== 'running' && clock.state !== 'paused')) return clock;
      const policy = rules.policy(clock.policyId);
      const targetMs = policy ? targetOf(policy, ticket.priority, clock.target as PolicyTarget) : clock.targetMs;
      const current = rules.clockRules(clock.policyId, clock.calendarId);
      const outcome =
        targetMs === undefined
          ? cancelClock(clock, now, current)
          : retargetClock(
              clock,
              { targetMs, warningMs: policy ? warningPointMs(policy.settings.warningLead, targetMs) : clock.warningMs, calendarId: policy ? policy.settings.calendarId : clock.calendarId },
              now,
              // The calendar as it is now counts for the running stretch (see the class comment).
              rules.clockRules(clock.policyId, policy ? policy.settings.calendarId : clock.calendarId),
              rules.clockRules(clock.policyId, policy ? policy.settings.calendarId : clock.calendarId),
            );
      changed.add(clock.id);
      for (const moment of outcome.moments) moments.push({ clockId: clock.id, moment });
      return outcome.clock;
    });
    const kinds = new Set(moments.map((m) => m.moment.kind));
    const reason = changed.size === 0 ? null : kinds.has('escalation') ? 'escalated' : kinds.has('breach') ? 'breached' : kinds.has('warning') ? 'warning' : 'recomputed';
    return { ticket, ticketChanged: false, clocks: result, changedClockIds: changed, moments, reason };
  }
}
