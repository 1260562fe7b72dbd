import type { Caller } from '@helpdesk/auth';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { OutboxPublisher, silentLogger, uuidv7 } from '@helpdesk/messaging';
import { createDataSource, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, expectEventually, type TestDatabase } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import type { Agent } from '../agents/agent';
import { AgentsService } from '../agents/agents.service';
import { ticketMigrations } from '../migrations/ticket-migrations';
import type { Ticket } from '../tickets/ticket';
import type { CreateTicketInput } from '../tickets/ticket-creation';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketsService } from '../tickets/tickets.service';
import { ActiveQueuesCache } from './active-queues-cache';
import { QueueRouting } from './queue-routing.service';
import { QueuesService, type NewQueueInput } from './queues.service';
import { WorkListService } from './work-list.service';

const admin: Caller = { kind: 'staff', subject: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e02', roles: ['admin'] };
const asAgent = (agent: Agent): Caller => ({ kind: 'staff', subject: agent.id, roles: ['agent'] });
const policy = { categories: ['technical', 'billing', 'other'], reopenWindowDays: 14 };

interface OutboxEvent {
  type: string;
  data: { mode?: string; actor?: { kind: string; displayName: string }; available?: boolean; version?: number };
}

describe('queues, agents and assignment (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let now = new Date('2026-11-24T09:00:00.000Z');
  let publisher: OutboxPublisher;
  let tickets: TicketsService;
  let agents: AgentsService;
  let queues: QueuesService;
  let workLists: WorkListService;
  let routing: QueueRouting;

  beforeAll(async () => {
    db = await createTestDatabase('ticket-queues');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: ticketMigrations, poolSize: 8 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    publisher = new OutboxPublisher({ service: 'ticket', events: EVENT_REGISTRY });
    const work = new TicketUnitOfWork(dataSource, publisher, policy, () => now);
    tickets = new TicketsService(work, { ...policy, numberPrefix: 'T-' });
    agents = new AgentsService(work, publisher);
    queues = new QueuesService(work, publisher, 'Europe/Berlin');
    workLists = new WorkListService(work, publisher);
    routing = new QueueRouting(policy);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const agent = async (name: string): Promise<Agent> =>
    (await agents.upsert(admin, uuidv7(), { displayName: name, email: `${name.replace(/\W/g, '.')}@helpdesk.example`, extension: null, externalId: null, active: true })).agent;
  const queue = (key: string, members: readonly Agent[], extra: Partial<NewQueueInput> = {}) =>
    queues.create(admin, {
      key,
      name: key,
      categories: [],
      priorities: [],
      leadAgentId: null,
      memberIds: members.map((m) => m.id),
      strategy: 'round_robin',
      timeZone: null,
      carryOverInProgress: false,
      ...extra,
    });
  const ticket = (extra: Partial<CreateTicketInput> = {}): Promise<Ticket> => tickets.create(admin, { summary: 'Printer offline', channel: 'phone', category: 'technical', ...extra });
  const reload = (t: Ticket) => tickets.get(admin, { id: t.id });
  /** What the routing consumer does for one event: route the ticket in a transaction of its own. */
  const route = (ticketId: string) => withTransaction(dataSource, (manager) => routing.route(manager, publisher.in(manager), ticketId, now));
  const events = async (subject: string, type: string): Promise<OutboxEvent[]> =>
    ((await dataSource.query(`SELECT envelope FROM outbox WHERE envelope->>'subject' = $1 AND type = $2 ORDER BY position`, [subject, type])) as { envelope: OutboxEvent }[]).map(
      (row) => row.envelope,
    );
  const lastHistory = async (t: Ticket) => {
    const page = await tickets.history(admin, t.id, { size: 500, token: '' });
    return page.items.at(-1);
  };

  describe('configuration', () => {
    it('creates and changes queues with queue.upserted events, refusing unknown agents and taken keys', async () => {
      const lead = await agent('Config Lead');
      const created = await queue('config', [lead], { leadAgentId: lead.id, categories: ['technical'] });
      expect(created).toMatchObject({ version: 1, timeZone: 'Europe/Berlin', memberIds: [lead.id] });
      await expect(queue('config', [lead])).rejects.toMatchObject({ code: 'QUEUE_KEY_TAKEN' });
      await expect(queue('ghost', [{ ...lead, id: uuidv7() }])).rejects.toMatchObject({
        code: 'INVALID_FIELD',
        field: 'memberIds[0]',
      });
      const renamed = await queues.update(admin, created.id, { name: 'Billing questions', strategy: 'manual' }, 1);
      expect(renamed).toMatchObject({ name: 'Billing questions', strategy: 'manual', version: 2 });
      await expect(queues.update(admin, created.id, { name: 'Stale' }, 1)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
      const upserted = await events(created.id, 'helpdesk.directory.queue.upserted.v1');
      expect(upserted.map((e) => e.data.version)).toEqual([1, 2]);
      await expect(queues.get({ id: uuidv7() })).rejects.toMatchObject({ code: 'QUEUE_NOT_FOUND' });
    });

    it('lists agents by name and queues by key, page by page', async () => {
      const names = ['Paging Zoe', 'paging adam', 'Paging Mia'];
      for (const name of names) await agent(name);
      const seen: string[] = [];
      let token = '';
      do {
        const page = await agents.list({ includeArchived: false }, { size: 2, token });
        seen.push(...page.items.map((a) => a.displayName).filter((n) => n.toLowerCase().startsWith('paging')));
        token = page.nextToken;
      } while (token);
      expect(seen).toEqual(['paging adam', 'Paging Mia', 'Paging Zoe']);
      const member = await agent('Paging Member');
      await queue('paging-b', [member]);
      await queue('paging-a', [member]);
      const page = await queues.list({ includeArchived: false, memberId: member.id }, { size: 1, token: '' });
      expect(page.items.map((q) => q.key)).toEqual(['paging-a']);
      const next = await queues.list({ includeArchived: false, memberId: member.id }, { size: 1, token: page.nextToken });
      expect(next).toMatchObject({ items: [{ key: 'paging-b' }], nextToken: '' });
      await expect(queues.list({ includeArchived: false }, { size: 1, token: 'garbage' })).rejects.toMatchObject({ field: 'page.pageToken' });
    });
  });

  describe('round robin', () => {
    it('hands concurrent new tickets to different members in turn: the rotation pointer is claimed under a row lock', async () => {
      const members = await Promise.all(['Rr Anna', 'Rr Bert', 'Rr Cleo'].map(agent));
      const rr = await queue('rr-concurrent', members);
      const created = await Promise.all(Array.from({ length: 9 }, () => ticket({ queueId: rr.id })));
      expect(await Promise.all(created.map((t) => route(t.id)))).toEqual(Array(9).fill('assigned'));
      const assignees = (await Promise.all(created.map(reload))).map((t) => t.assigneeId);
      for (const member of members) expect(assignees.filter((id) => id === member.id)).toHaveLength(3);
    });

    it('skips absent members, records who routed and why, and routes a ticket only once', async () => {
      const [anna, bert, cleo] = await Promise.all(['Skip Anna', 'Skip Bert', 'Skip Cleo'].map(agent));
      if (!anna || !bert || !cleo) throw new Error('agents missing');
      const rr = await queue('rr-skip', [anna, bert, cleo]);
      await agents.setAvailability(admin, bert.id, { absent: true, substituteAgentId: null, until: null }, null);
      const [t1, t2, t3] = [await ticket({ queueId: rr.id }), await ticket({ queueId: rr.id }), await ticket({ queueId: rr.id })];
      for (const t of [t1, t2, t3]) await route(t.id);
      expect((await Promise.all([t1, t2, t3].map(reload))).map((t) => t.assigneeId)).toEqual([anna.id, cleo.id, anna.id]);
      expect(await route(t1.id)).toBe('unchanged');
      expect(await reload(t1)).toMatchObject({ version: 2 });
      expect(await lastHistory(t1)).toMatchObject({
        kind: 'assigned',
        actor: { kind: 'system', displayName: 'ticket-queue-routing' },
        after: { assigneeId: anna.id, queueId: rr.id, mode: 'round_robin' },
      });
      expect(await events(t1.id, 'helpdesk.ticket.assigned.v1')).toMatchObject([{ data: { mode: 'round_robin', actor: { kind: 'system' } } }]);
    });

    it('routes a ticket without a queue by its category, the narrower rule first', async () => {
      const clerk = await agent('Route Clerk');
      const broad = await queue('route-broad', [clerk], { categories: ['billing', 'other'], strategy: 'manual' });
      const narrow = await queue('route-billing', [clerk], { categories: ['billing'], strategy: 'round_robin' });
      const bill = await ticket({ category: 'billing' });
      expect(await route(bill.id)).toBe('assigned');
      expect(await reload(bill)).toMatchObject({ queueId: narrow.id, assigneeId: clerk.id });
      const other = await ticket({ category: 'other' });
      expect(await route(other.id)).toBe('queued');
      expect(await reload(other)).toMatchObject({ queueId: broad.id, assigneeId: null });
      expect(await events(other.id, 'helpdesk.ticket.assigned.v1')).toMatchObject([{ data: { mode: 'unassigned' } }]);
      const assigned = await ticket({ category: 'billing', assigneeId: clerk.id });
      expect(await route(assigned.id)).toBe('unchanged');
    });

    it('checks concurrent events for routing with shared reads, each as if read alone', async () => {
      const clerk = await agent('Check Clerk');
      const manual = await queue('check-manual', [clerk], { categories: ['other'], priorities: ['low'], strategy: 'manual' });
      const turns = await queue('check-turns', [clerk], { categories: ['billing'], priorities: ['low'], strategy: 'round_robin' });
      const checks = [
        { queueId: null, category: 'other', priority: 'low' }, // a queue takes it: may route
        { queueId: null, category: 'billing', priority: 'low' },
        { queueId: null, category: 'technical', priority: 'high' },
        { queueId: null, category: 'other', priority: 'critical' },
        { queueId: manual.id, category: 'other', priority: 'low' }, // already in its queue, no turns: nothing to do
        { queueId: turns.id, category: 'billing', priority: 'low' }, // its queue hands out turns
      ] as const;
      const fresh = new QueueRouting(policy);
      // Started together, so the category checks after the first share one read; the answers must not depend on that.
      const together = await Promise.all(checks.map((check) => fresh.mayRoute(dataSource.manager, check)));
      const alone: boolean[] = [];
      for (const check of checks) alone.push(await new QueueRouting(policy).mayRoute(dataSource.manager, check));
      expect(together).toEqual(alone);
      expect([together[0], together[1], together[4], together[5]]).toEqual([true, true, false, true]);
      // The same answers from the kept active queues.
      const cache = new ActiveQueuesCache(db.url, silentLogger);
      await cache.onModuleInit();
      try {
        const kept = new QueueRouting(policy, cache);
        const keptAnswers: boolean[] = [];
        for (const check of checks) keptAnswers.push(await kept.mayRoute(dataSource.manager, check));
        expect(keptAnswers).toEqual(alone);
      } finally {
        await cache.onModuleDestroy();
      }
    });

    it('keeps the active queues for the check until a queue, its members or its schedule change, not when a turn is handed out', async () => {
      const reads = { count: 0 };
      const reader = new Proxy(dataSource.manager, {
        get: (target, name, receiver) => {
          if (name === 'query') reads.count += 1;
          return Reflect.get(target, name, receiver) as unknown;
        },
      });
      const watcher = await agent('Cache Watcher');
      const held = await queue('cache-held', [watcher], { categories: ['technical'], priorities: ['critical'], strategy: 'manual' });
      const check = { queueId: held.id, category: 'technical', priority: 'critical' } as const;
      const cache = new ActiveQueuesCache(db.url, silentLogger);
      await cache.onModuleInit();
      const kept = new QueueRouting(policy, cache);
      try {
        // Nothing read yet: no answer without waiting.
        expect(kept.mayRouteNow(check)).toBeUndefined();
        // Already in its queue, which hands out no turns: nothing to route, read once.
        expect(await kept.mayRoute(reader, check)).toBe(false);
        expect(await kept.mayRoute(reader, check)).toBe(false);
        expect(kept.mayRouteNow(check)).toBe(false);
        expect(reads.count).toBe(1);

        await queues.update(admin, held.id, { strategy: 'round_robin' });
        // The queue's NOTIFY arrives on the listener's connection soon after the commit.
        await expectEventually(async () => expect(await kept.mayRoute(reader, check)).toBe(true));
        expect(kept.mayRouteNow(check)).toBe(true);
        expect(await route((await ticket({ priority: 'critical', queueId: held.id })).id)).toBe('assigned');
        const afterTurn = reads.count;
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(await kept.mayRoute(reader, check)).toBe(true);
        expect(reads.count).toBe(afterTurn);

        await queues.update(admin, held.id, { active: false });
        await expectEventually(async () => expect(await kept.mayRoute(reader, check)).toBe(false));
      } finally {
        await cache.onModuleDestroy();
      }
      // Not listening: every check reads again.
      expect(kept.mayRouteNow(check)).toBeUndefined();
      const stopped = reads.count;
      await kept.mayRoute(reader, check);
      expect(reads.count).toBe(stopped + 1);
    });
  });

  describe('absence', () => {
    it('reassigns every open ticket of an absent agent to the substitute, each with history and event', async () => {
      const [anna, bert] = await Promise.all(['Away Anna', 'Away Bert'].map(agent));
      if (!anna || !bert) throw new Error('agents missing');
      const open = [await ticket({ assigneeId: anna.id }), await ticket({ assigneeId: anna.id }), await ticket({ assigneeId: anna.id })];
      await tickets.changeStatus(admin, open[1]?.id ?? '', { to: 'in_progress' });
      const resolved = await ticket({ assigneeId: anna.id });
      await tickets.changeStatus(admin, resolved.id, { to: 'resolved', resolution: { text: 'Fixed on the phone' } });
      const result = await agents.setAvailability(admin, anna.id, { absent: true, substituteAgentId: bert.id, until: new Date('2026-12-01T00:00:00Z') }, 'sick leave');
      expect([...result.reassignedTicketIds].sort()).toEqual(open.map((t) => t.id).sort());
      expect(result.agent.absence).toMatchObject({ substituteAgentId: bert.id });
      for (const t of open) {
        const after = await reload(t);
        expect(after.assigneeId).toBe(bert.id);
        expect(await lastHistory(t)).toMatchObject({ kind: 'assigned', actor: { id: admin.subject }, after: { assigneeId: bert.id, mode: 'substitution', reason: 'sick leave' } });
        expect((await events(t.id, 'helpdesk.ticket.assigned.v1')).at(-1)).toMatchObject({ data: { mode: 'substitution' } });
      }
      expect(await reload(resolved)).toMatchObject({ assigneeId: anna.id, version: 2 });
      expect(await events(anna.id, 'helpdesk.directory.agent.upserted.v1')).toMatchObject([{ data: { available: true } }, { data: { available: false, version: 2 } }]);
      const again = await agents.setAvailability(admin, anna.id, { absent: true, substituteAgentId: bert.id, until: new Date('2026-12-01T00:00:00Z') }, 'sick leave');
      expect(again.reassignedTicketIds).toEqual([]);
      expect(await events(anna.id, 'helpdesk.directory.agent.upserted.v1')).toHaveLength(2);
    });

    it('without a substitute puts the tickets back into their queues unassigned', async () => {
      const carl = await agent('Away Carl');
      const pool = await queue('away-pool', [carl], { strategy: 'manual' });
      const t = await ticket({ queueId: pool.id, assigneeId: carl.id });
      const result = await agents.setAvailability(admin, carl.id, { absent: true, substituteAgentId: null, until: null }, null);
      expect(result.reassignedTicketIds).toEqual([t.id]);
      expect(await reload(t)).toMatchObject({ assigneeId: null, queueId: pool.id, version: 2 });
      expect(await lastHistory(t)).toMatchObject({ after: { assigneeId: null, mode: 'unassigned', reason: 'Away Carl is absent' } });
      await expect(agents.setAvailability(admin, uuidv7(), { absent: true, substituteAgentId: null, until: null }, null)).rejects.toMatchObject({ code: 'AGENT_NOT_FOUND' });
    });
  });

  describe('schedule', () => {
    // Monday 2026-11-23 in Europe/Berlin (CET, UTC+1): A serves 08:00–12:00, B 13:00–17:00.
    const MONDAY_0930 = new Date('2026-11-23T08:30:00.000Z');
    const MONDAY_1230 = new Date('2026-11-23T11:30:00.000Z');
    const MONDAY_1330 = new Date('2026-11-23T12:30:00.000Z');
    const slots = (a: Agent, b: Agent) => [
      { weekday: 1 as const, startMinute: 8 * 60, endMinute: 12 * 60, agentId: a.id },
      { weekday: 1 as const, startMinute: 13 * 60, endMinute: 17 * 60, agentId: b.id },
    ];
    const ids = (list: { items: readonly { ticket: Ticket; reason: string }[] }) => list.items.map((item) => [item.ticket.id, item.reason]);

    it('offers a queue’s unassigned tickets to the member of the active slot only, and taking one assigns it', async () => {
      const [anna, bert] = await Promise.all(['Slot Anna', 'Slot Bert'].map(agent));
      if (!anna || !bert) throw new Error('agents missing');
      const hotline = await queue('slot-hotline', [anna, bert], { strategy: 'schedule' });
      await queues.setSchedule(admin, hotline.id, slots(anna, bert));
      const [free, mine] = [await ticket({ queueId: hotline.id }), await ticket({ assigneeId: anna.id, priority: 'high' })];

      now = MONDAY_0930;
      const during = await workLists.workList(asAgent(anna), anna.id, 0);
      expect(ids(during)).toEqual([[mine.id, 'assigned'], [free.id, 'slot']]);
      expect(during.activeSlots.map((s) => s.queue.key)).toEqual(['slot-hotline']);
      expect(ids(await workLists.workList(asAgent(bert), bert.id, 0))).toEqual([]);
      now = MONDAY_1230;
      expect(ids(await workLists.workList(asAgent(anna), anna.id, 0))).toEqual([[mine.id, 'assigned']]);

      now = MONDAY_0930;
      const taken = await workLists.take(asAgent(anna), free.id, 1);
      expect(taken).toMatchObject({ assigneeId: anna.id, status: 'in_progress', version: 3 });
      expect((await events(free.id, 'helpdesk.ticket.assigned.v1')).at(-1)).toMatchObject({ data: { mode: 'schedule' } });
      await expect(workLists.take(asAgent(bert), free.id)).rejects.toMatchObject({ code: 'TICKET_ALREADY_ASSIGNED' });
      await expect(workLists.take({ kind: 'staff', subject: 'erp-sync', roles: ['integration'] }, free.id)).rejects.toMatchObject({ code: 'AGENT_NOT_FOUND' });
    });

    it('carries tickets in work over to the next slot’s member when the queue says so, and leaves them otherwise', async () => {
      const [anna, bert] = await Promise.all(['Carry Anna', 'Carry Bert'].map(agent));
      if (!anna || !bert) throw new Error('agents missing');
      const carry = await queue('carry-on', [anna, bert], { strategy: 'schedule', carryOverInProgress: true });
      const stay = await queue('carry-stay', [anna, bert], { strategy: 'schedule', carryOverInProgress: false });
      await queues.setSchedule(admin, carry.id, slots(anna, bert));
      await queues.setSchedule(admin, stay.id, slots(anna, bert));
      now = MONDAY_0930;
      const moving = await workLists.take(asAgent(anna), (await ticket({ queueId: carry.id })).id);
      const staying = await workLists.take(asAgent(anna), (await ticket({ queueId: stay.id })).id);
      const notStarted = await ticket({ queueId: carry.id, assigneeId: anna.id });

      now = MONDAY_1330;
      const list = await workLists.workList(asAgent(bert), bert.id, 0);
      expect(ids(list)).toEqual([[moving.id, 'assigned']]);
      expect(await reload(moving)).toMatchObject({ assigneeId: bert.id, status: 'in_progress' });
      expect(await lastHistory(moving)).toMatchObject({
        kind: 'assigned',
        actor: { kind: 'system', displayName: 'ticket-queue-schedule' },
        after: { assigneeId: bert.id, mode: 'schedule', reason: 'carried over to the Monday 13:00–17:00 slot of queue carry-on' },
      });
      expect(await reload(staying)).toMatchObject({ assigneeId: anna.id });
      expect(await reload(notStarted)).toMatchObject({ assigneeId: anna.id });
      // Anna's request (the giving side) finds nothing left to move.
      const { version } = await reload(moving);
      expect(ids(await workLists.workList(asAgent(anna), anna.id, 0))).toEqual([[staying.id, 'assigned'], [notStarted.id, 'assigned']]);
      expect(await reload(moving)).toMatchObject({ version });
    });
  });
});
