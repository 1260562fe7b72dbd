import type { QueueUpsertedV1, TicketPriority } from '@helpdesk/contracts';
import { invalidField } from '../tickets/ticket.errors';
import { assertSameVersion } from './record-version';
import { isTimeZone } from '@helpdesk/config';
import { checkSchedule, type ScheduleSlot } from './queue-schedule';

/** How a queue hands its tickets to members. */
export type QueueStrategy = QueueUpsertedV1['strategy'];

/** A ticket pool with members, a routing rule and an assignment strategy. */
export interface Queue {
  /** UUIDv7. */
  readonly id: string;
  /** Unique and stable, e.g. `2nd-level-network`. */
  readonly key: string;
  readonly name: string;
  /** Routing rule: tickets of these categories land here; empty: only explicitly moved tickets. */
  readonly categories: readonly string[];
  /** Routing rule: only tickets of these priorities; empty: any. */
  readonly priorities: readonly TicketPriority[];
  readonly leadAgentId: string | null;
  /** Members in round-robin order. */
  readonly memberIds: readonly string[];
  readonly strategy: QueueStrategy;
  /** IANA zone the schedule is read in. */
  readonly timeZone: string;
  /** Schedule queues: tickets in work follow the slot to its member (true) or stay (false). */
  readonly carryOverInProgress: boolean;
  /** Weekly slots by weekday and start; only schedule queues use them. */
  readonly schedule: readonly ScheduleSlot[];
  /** False once archived. */
  readonly active: boolean;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The fields of a queue an admin sets (everything but identity, schedule and bookkeeping). */
export interface QueueSettings {
  readonly name: string;
  readonly categories: readonly string[];
  readonly priorities: readonly TicketPriority[];
  readonly leadAgentId: string | null;
  readonly memberIds: readonly string[];
  readonly strategy: QueueStrategy;
  readonly timeZone: string;
  readonly carryOverInProgress: boolean;
  readonly active: boolean;
}

/** What creating a queue needs beyond its settings. */
export interface NewQueueContext {
  readonly id: string;
  readonly now: Date;
  /** The configured ticket categories a routing rule may name. */
  readonly categories: readonly string[];
}

/** The context of a change to an existing queue. */
export interface QueueChangeContext {
  readonly now: Date;
  readonly categories: readonly string[];
  readonly expectedVersion?: number;
}

/** A queue after a change and whether anything changed. */
export interface QueueChange {
  readonly queue: Queue;
  readonly changed: boolean;
}

const KEY = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const NAME_MAX = 200;

/** A new queue (version 1, no schedule). */
export function createQueue(key: string, settings: QueueSettings, ctx: NewQueueContext): Queue {
  const normalizedKey = key.trim();
  if (!KEY.test(normalizedKey)) {
    throw invalidField('key', 'must be 1 to 63 lower-case letters, digits, - or _, starting with a letter or digit');
  }
  const checked = checkSettings(settings, ctx.categories, []);
  return { id: ctx.id, key: normalizedKey, ...checked, schedule: [], version: 1, createdAt: ctx.now, updatedAt: ctx.now };
}

/** Applies the given settings; unchanged when they equal the stored ones. */
export function updateQueue(queue: Queue, patch: Partial<QueueSettings>, ctx: QueueChangeContext): QueueChange {
  assertSameVersion(`queue ${queue.key}`, queue.version, ctx.expectedVersion);
  const merged = checkSettings({ ...settingsOf(queue), ...patch }, ctx.categories, queue.schedule);
  return bumpIfChanged(queue, { ...queue, ...merged }, ctx.now);
}

/** Replaces the schedule; every slot must be served by a member. */
export function setSchedule(queue: Queue, slots: readonly ScheduleSlot[], ctx: QueueChangeContext): QueueChange {
  assertSameVersion(`queue ${queue.key}`, queue.version, ctx.expectedVersion);
  return bumpIfChanged(queue, { ...queue, schedule: checkSchedule(slots, queue.memberIds) }, ctx.now);
}

/** Whether a ticket of this category and priority belongs in the queue by its routing rule. */
export function matchesRule(queue: Queue, ticket: { readonly category: string; readonly priority: TicketPriority }): boolean {
  if (!queue.active || !queue.categories.includes(ticket.category)) return false;
  return queue.priorities.length === 0 || queue.priorities.includes(ticket.priority);
}

/**
 * The queue a ticket without a queue belongs in, by routing rule: among the matching queues the
 * one with a priority limit wins, then the one with fewer categories (the narrower rule), then
 * the lowest key. Undefined when none matches.
 */
export function routeByRule(queues: readonly Queue[], ticket: { readonly category: string; readonly priority: TicketPriority }): Queue | undefined {
  const specificity = (q: Queue) => [q.priorities.length > 0 ? 0 : 1, q.categories.length] as const;
  return queues
    .filter((q) => matchesRule(q, ticket))
    .sort((a, b) => {
      const [sa, sb] = [specificity(a), specificity(b)];
      return sa[0] - sb[0] || sa[1] - sb[1] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    })[0];
}

/** The `helpdesk.directory.queue.upserted.v1` event about a queue's current version. */
export function queueUpsertedEvent(queue: Queue) {
  const data: QueueUpsertedV1 = {
    queueId: queue.id,
    name: queue.name,
    // "The category whose tickets land here by default": only a rule of exactly one category
    // without a priority limit says that; anything else is a rule.
    category: queue.categories.length === 1 && queue.priorities.length === 0 ? (queue.categories[0] ?? null) : null,
    strategy: queue.strategy,
    leadAgentId: queue.leadAgentId,
    memberIds: [...queue.memberIds],
    version: queue.version,
    externalId: null,
    active: queue.active,
    updatedAt: queue.updatedAt.toISOString(),
  };
  return { type: 'helpdesk.directory.queue.upserted.v1', subject: queue.id, time: queue.updatedAt, data } as const;
}

/** Every agent id a queue refers to (lead and members), for existence checks, with the field naming it. */
export function referencedAgents(settings: Pick<QueueSettings, 'leadAgentId' | 'memberIds'>): { field: string; id: string }[] {
  const refs = settings.memberIds.map((id, index) => ({ field: `memberIds[${index}]`, id }));
  return settings.leadAgentId ? [{ field: 'leadAgentId', id: settings.leadAgentId }, ...refs] : refs;
}

function settingsOf(queue: Queue): QueueSettings {
  const { name, categories, priorities, leadAgentId, memberIds, strategy, timeZone, carryOverInProgress, active } = queue;
  return { name, categories, priorities, leadAgentId, memberIds, strategy, timeZone, carryOverInProgress, active };
}

function checkSettings(settings: QueueSettings, allowedCategories: readonly string[], schedule: readonly ScheduleSlot[]): QueueSettings {
  const name = settings.name.replace(/\s+/g, ' ').trim();
  if (!name) throw invalidField('name', 'must not be empty');
  if (name.length > NAME_MAX) throw invalidField('name', `must be at most ${NAME_MAX} characters`);
  settings.categories.forEach((category, index) => {
    if (!allowedCategories.includes(category)) {
      throw invalidField(`categories[${index}]`, `must be one of ${allowedCategories.join(', ')} (got "${category}")`);
    }
  });
  if (!isTimeZone(settings.timeZone)) throw invalidField('timeZone', `must be an IANA time zone such as Europe/Berlin (got "${settings.timeZone}")`);
  const memberIds = [...new Set(settings.memberIds)];
  const stranded = schedule.find((slot) => !memberIds.includes(slot.agentId));
  if (stranded) throw invalidField('memberIds', `agent ${stranded.agentId} still serves slots of the schedule; change the schedule first`);
  return {
    name,
    categories: [...new Set(settings.categories)],
    priorities: [...new Set(settings.priorities)],
    leadAgentId: settings.leadAgentId,
    memberIds,
    strategy: settings.strategy,
    timeZone: settings.timeZone,
    carryOverInProgress: settings.carryOverInProgress,
    active: settings.active,
  };
}

function bumpIfChanged(before: Queue, after: Queue, now: Date): QueueChange {
  if (JSON.stringify(comparable(before)) === JSON.stringify(comparable(after))) return { queue: before, changed: false };
  return { queue: { ...after, version: before.version + 1, updatedAt: now }, changed: true };
}

function comparable(queue: Queue): QueueSettings & Pick<Queue, 'schedule'> {
  return { ...settingsOf(queue), schedule: queue.schedule };
}
