import type { OutboxPublisher, PendingEvent } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { schedule, type Clock } from '../clocks/clock';
import { ClocksRepository } from '../clocks/clocks.repository';
import type { RulesRegistry, RulesSnapshot } from '../clocks/rules-registry';
import { clockUpdatedEvent, clockView } from '../clocks/sla-events';
import { TICKET_COLUMNS, SlaTicketsRepository, slaTicketOf } from '../clocks/sla-tickets.repository';
import type { SlaTicket } from '../clocks/sla-ticket';
import type { SlaWriter } from '../clocks/sla-writer';
import { DueTimesRepository } from './due-times.repository';
import { retargetTicketToPolicy } from './policy-recompute';
import { RecomputeJobsRepository, type RecomputeJob } from './recompute-jobs.repository';

/** How a recompute runs. */
export interface RecomputeSettings {
  /** Tickets per transaction (`SLA_RECOMPUTE_BATCH`). */
  readonly batchSize: number;
  /** Batches in flight at once, each on its own connection (`SLA_RECOMPUTE_CONCURRENCY`). */
  readonly concurrency: number;
  /** How long a job stays with the replica that runs it without progress before another takes over (`SLA_RECOMPUTE_LEASE_MS`). */
  readonly leaseMs: number;
}

/**
 * After a policy or calendar change, gives every affected clock its new due times. The change
 * commits together with a job row; the job then runs in batches of tickets (each one
 * transaction that locks its tickets in id order, several batches in parallel) and is marked
 * finished at the end. A replica that dies midway leaves the job unfinished; once its lease runs
 * out another replica runs it again from the start, which is harmless: clocks already recomputed
 * come out unchanged and are neither written nor published again.
 *
 * A calendar change only moves due times (targets and elapsed business time stay): each running
 * clock is scheduled anew in the calendar as it is now, which counts for its whole running
 * stretch. Moments the new due times put in the past (a holiday removed) are fired by the timer,
 * which claims them right away. A policy change retargets clocks (see {@link retargetTicketToPolicy}).
 */
export class RecomputeService {
  private readonly clocks = new ClocksRepository();
  private readonly tickets = new SlaTicketsRepository();
  private readonly dueTimes = new DueTimesRepository();
  readonly jobs: RecomputeJobsRepository;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: OutboxPublisher,
    private readonly registry: RulesRegistry,
    private readonly writer: SlaWriter,
    private readonly settings: RecomputeSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.jobs = new RecomputeJobsRepository(settings.leaseMs);
  }

  /** Runs a job to the end; returns how many clocks got new due times. */
  async run(job: RecomputeJob): Promise<number> {
    const ticketIds = await this.dueTimes.affectedTickets(this.dataSource.manager, job.scope);
    const batches: string[][] = [];
    for (let i = 0; i < ticketIds.length; i += this.settings.batchSize) batches.push(ticketIds.slice(i, i + this.settings.batchSize));
    let next = 0;
    let total = 0;
    const worker = async () => {
      for (let batch = batches[next++]; batch; batch = batches[next++]) {
        const ids = batch;
        const count = await withTransaction(this.dataSource, async (manager) => {
          const moved = await this.batch(manager, job, ids);
          await this.jobs.renew(manager, job.id);
          return moved;
        });
        total += count;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, batches.length) }, worker));
    await this.jobs.finish(this.dataSource.manager, job.id, total);
    return total;
  }

  /** Finishes one job a dead replica left behind; false when there was none. */
  async resumeAbandoned(): Promise<boolean> {
    const job = await withTransaction(this.dataSource, (manager) => this.jobs.claimAbandoned(manager));
    if (!job) return false;
    await this.run(job);
    return true;
  }

  private async batch(manager: EntityManager, job: RecomputeJob, ticketIds: readonly string[]): Promise<number> {
    const rows = (await manager.query(`SELECT ${TICKET_COLUMNS} FROM sla_tickets WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id FOR UPDATE`, [ticketIds])) as Parameters<
      typeof slaTicketOf
    >[0][];
    const scope = job.scope;
    // A calendar change writes due times only (the history gets its entry in SQL), so the phases need not be read.
    const clocks = 'policyId' in scope ? await this.clocks.ofTickets(manager, ticketIds) : await this.clocks.ofTicketsWithoutPhases(manager, ticketIds);
    const rules = await this.registry.load(manager, clocks.map((c) => c.policyId), clocks.map((c) => c.calendarId));
    const now = this.clock();
    const byTicket = new Map<string, Clock[]>();
    for (const c of clocks) {
      const own = byTicket.get(c.ticketId);
      if (own) own.push(c);
      else byTicket.set(c.ticketId, [c]);
    }
    const tickets = rows.map(slaTicketOf);
    if ('policyId' in scope) {
      const writes = tickets.map((ticket) => retargetTicketToPolicy(ticket, byTicket.get(ticket.ticketId) ?? [], scope.policyId, rules, now));
      await this.writer.write(manager, (events) => this.publisher.add(manager, events), writes, rules, now);
      return writes.reduce((sum, w) => sum + w.changedClockIds.size, 0);
    }
    return this.moveCalendarDueTimes(manager, tickets, byTicket, scope.calendarId, rules, now);
  }

  /** Reschedules the running clocks of a calendar; writes and publishes only those whose due times moved. */
  private async moveCalendarDueTimes(
    manager: EntityManager,
    tickets: readonly SlaTicket[],
    byTicket: ReadonlyMap<string, Clock[]>,
    calendarId: string,
    rules: RulesSnapshot,
    now: Date,
  ): Promise<number> {
    const moved: Clock[] = [];
    const touched: { ticket: SlaTicket; clocks: Clock[] }[] = [];
    for (const ticket of tickets) {
      let changed = false;
      const own = (byTicket.get(ticket.ticketId) ?? []).map((c) => {
        if (c.calendarId !== calendarId || c.state !== 'running') return c;
        const next = schedule(c, rules.clockRules(c.policyId, c.calendarId));
        if (sameTime(next.warningAt, c.warningAt) && sameTime(next.dueAt, c.dueAt) && sameTime(next.nextFireAt, c.nextFireAt)) return c;
        changed = true;
        moved.push(next);
        return next;
      });
      if (changed) touched.push({ ticket, clocks: own });
    }
    if (moved.length === 0) return 0;
    await this.dueTimes.moveDueTimes(manager, moved, now);
    const versions = await this.tickets.bumpVersions(manager, touched.map((t) => t.ticket.ticketId));
    const events = touched.map(({ ticket, clocks }) => {
      const views = clocks.map((c) => clockView(c, now, rules.calendar(c.calendarId)));
      return clockUpdatedEvent({ ...ticket, slaVersion: versions.get(ticket.ticketId) ?? ticket.slaVersion + 1 }, views, 'recomputed', now) as PendingEvent;
    });
    await this.publisher.add(manager, events);
    return moved.length;
  }
}

function sameTime(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}
