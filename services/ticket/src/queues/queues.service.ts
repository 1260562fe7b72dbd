import type { Caller } from '@helpdesk/auth';
import { uuidv7, type OutboxPublisher } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { EntityManager } from 'typeorm';
import { AgentsRepository } from '../agents/agents.repository';
import type { Page, PageRequest } from '../tickets/ticket-filter';
import { actorOf, type TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TicketError, invalidField } from '../tickets/ticket.errors';
import { createQueue, queueUpsertedEvent, referencedAgents, setSchedule, updateQueue, type Queue, type QueueChange, type QueueSettings } from './queue';
import type { ScheduleSlot } from './queue-schedule';
import { QueuesRepository, type QueueListFilter, type QueueRef } from './queues.repository';

/** What CreateQueue takes: a key and the settings, the time zone defaulted by the service. */
export interface NewQueueInput extends Omit<QueueSettings, 'timeZone' | 'active'> {
  readonly key: string;
  /** Null: the configured default zone. */
  readonly timeZone: string | null;
}

/** Queue configuration: create, change, read, and the weekly schedule. */
export class QueuesService {
  readonly queues = new QueuesRepository();
  private readonly agents = new AgentsRepository();

  constructor(
    private readonly work: TicketUnitOfWork,
    private readonly publisher: OutboxPublisher,
    /** The zone of a queue created without one (`QUEUE_DEFAULT_TIME_ZONE`). */
    private readonly defaultTimeZone: string,
  ) {}

  create(caller: Caller, input: NewQueueInput): Promise<Queue> {
    const { key, timeZone, ...settings } = input;
    return withTransaction(this.work.dataSource, async (manager) => {
      const ctx = { id: uuidv7(), now: this.work.clock(), categories: this.work.policy.categories };
      const queue = createQueue(key, { ...settings, timeZone: timeZone ?? this.defaultTimeZone, active: true }, ctx);
      if (await this.queues.keyTaken(manager, queue.key)) throw new TicketError('QUEUE_KEY_TAKEN', `a queue with key ${queue.key} exists already`, { field: 'key' });
      await this.assertAgentsExist(manager, queue);
      await this.queues.insert(manager, queue, actorOf(caller));
      await this.publisher.add(manager, [queueUpsertedEvent(queue)]);
      return queue;
    });
  }

  update(caller: Caller, id: string, patch: Partial<QueueSettings>, expectedVersion?: number): Promise<Queue> {
    return this.change(caller, id, async (queue, manager) => {
      const change = updateQueue(queue, patch, this.changeContext(expectedVersion));
      if (change.changed) await this.assertAgentsExist(manager, change.queue);
      return change;
    });
  }

  setSchedule(caller: Caller, id: string, slots: readonly ScheduleSlot[], expectedVersion?: number): Promise<Queue> {
    return this.change(caller, id, (queue) => setSchedule(queue, slots, this.changeContext(expectedVersion)));
  }

  async get(ref: QueueRef): Promise<Queue> {
    const queue = await this.queues.find(this.work.dataSource.manager, ref);
    if (!queue) throw new TicketError('QUEUE_NOT_FOUND', `queue ${'id' in ref ? ref.id : ref.key} not found`);
    return queue;
  }

  list(filter: QueueListFilter, page: PageRequest): Promise<Page<Queue>> {
    return this.queues.list(this.work.dataSource.manager, filter, page);
  }

  private change(caller: Caller, id: string, decide: (queue: Queue, manager: EntityManager) => QueueChange | Promise<QueueChange>): Promise<Queue> {
    return withTransaction(this.work.dataSource, async (manager) => {
      const queue = await this.queues.lock(manager, id);
      if (!queue) throw new TicketError('QUEUE_NOT_FOUND', `queue ${id} not found`);
      const change = await decide(queue, manager);
      if (!change.changed) return queue;
      await this.queues.update(manager, change.queue, queue.version, actorOf(caller));
      await this.publisher.add(manager, [queueUpsertedEvent(change.queue)]);
      return change.queue;
    });
  }

  private changeContext(expectedVersion: number | undefined) {
    return { now: this.work.clock(), categories: this.work.policy.categories, ...(expectedVersion ? { expectedVersion } : {}) };
  }

  /** The lead and every member must be known agents; INVALID_ARGUMENT naming the field otherwise. */
  private async assertAgentsExist(manager: EntityManager, queue: Queue): Promise<void> {
    const refs = referencedAgents(queue);
    const known = await this.agents.byIds(manager, refs.map((ref) => ref.id));
    const missing = refs.find((ref) => !known.has(ref.id));
    if (missing) throw invalidField(missing.field, `no agent with id ${missing.id}`);
  }
}
