import type { OutboxPublisher } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { Logger } from '@helpdesk/telemetry';
import type { DataSource, EntityManager } from 'typeorm';
import { catchUp, schedule, type Clock } from '../clocks/clock';
import { ClocksRepository } from '../clocks/clocks.repository';
import type { RulesRegistry } from '../clocks/rules-registry';
import { TICKET_COLUMNS, slaTicketOf } from '../clocks/sla-tickets.repository';
import type { SlaWriter, TicketWrite } from '../clocks/sla-writer';
import { DueClocksRepository } from './due-clocks.repository';
import { timerMetrics } from './timer-metrics';

/** How the timer polls. */
export interface TimerSettings {
  /** Pause between polls when nothing was due (`SLA_TIMER_POLL_MS`). */
  readonly pollMs: number;
  /** Clocks claimed per transaction (`SLA_TIMER_BATCH`). */
  readonly batchSize: number;
}

/**
 * Fires due clock moments (warning, breach, escalation levels). Every replica runs one; they
 * share the work through `FOR UPDATE SKIP LOCKED` claims, and the clock's new `next_fire_at`
 * commits with the events in the outbox, so a moment fires once even across crashes.
 */
export class TimerWorker {
  private readonly due = new DueClocksRepository();
  private readonly clocks = new ClocksRepository();
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: OutboxPublisher,
    private readonly registry: RulesRegistry,
    private readonly writer: SlaWriter,
    private readonly settings: TimerSettings,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    timerMetrics().watchDue(() => this.due.countDue(this.dataSource.manager, this.clock()));
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Processes one batch of due clocks; returns how many were claimed. */
  tick(): Promise<number> {
    return withTransaction(this.dataSource, (manager) => this.fire(manager));
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.tick();
      } catch (error) {
        this.logger.error({ err: error }, 'SLA timer batch failed; will retry');
      }
      if (claimed < this.settings.batchSize && this.running) await this.sleep(this.settings.pollMs);
    }
  }

  private async fire(manager: EntityManager): Promise<number> {
    const now = this.clock();
    const claimed = await this.due.claim(manager, now, this.settings.batchSize);
    if (claimed.length === 0) return 0;
    const dueIds = new Set(claimed.map((c) => c.clockId));
    const ticketIds = [...new Set(claimed.map((c) => c.ticketId))];
    const ticketRows = (await manager.query(`SELECT ${TICKET_COLUMNS} FROM sla_tickets WHERE ticket_id = ANY($1::uuid[])`, [ticketIds])) as Parameters<typeof slaTicketOf>[0][];
    const clocks = await this.clocks.ofTickets(manager, ticketIds);
    const rules = await this.registry.load(manager, clocks.map((c) => c.policyId), clocks.map((c) => c.calendarId));
    const byTicket = new Map<string, Clock[]>();
    for (const c of clocks) byTicket.set(c.ticketId, [...(byTicket.get(c.ticketId) ?? []), c]);
    const writes: TicketWrite[] = ticketRows.map(slaTicketOf).map((ticket) => {
      const changed = new Set<string>();
      const moments: TicketWrite['moments'][number][] = [];
      const own = (byTicket.get(ticket.ticketId) ?? []).map((c) => {
        if (!dueIds.has(c.id)) return c;
        const clockRules = rules.clockRules(c.policyId, c.calendarId);
        const outcome = catchUp(c, now, clockRules);
        changed.add(c.id);
        for (const moment of outcome.moments) moments.push({ clockId: c.id, moment });
        // Nothing passed (the rules changed since the timer was set): set the timer anew.
        return outcome.moments.length ? outcome.clock : schedule(outcome.clock, clockRules);
      });
      const kinds = new Set(moments.map((m) => m.moment.kind));
      const reason = kinds.has('escalation') ? 'escalated' : kinds.has('breach') ? 'breached' : kinds.has('warning') ? 'warning' : null;
      return { ticket, ticketChanged: false, clocks: own, changedClockIds: changed, moments, reason };
    });
    await this.writer.write(manager, (events) => this.publisher.add(manager, events), writes, rules, now);
    const metrics = timerMetrics();
    for (const w of writes) for (const { moment } of w.moments) metrics.fired(moment, now);
    return claimed.length;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
