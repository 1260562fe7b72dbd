import { queueUpsertedV1 } from '@helpdesk/contracts';
import { TicketError, type TicketErrorCode } from '../tickets/ticket.errors';
import { createQueue, queueUpsertedEvent, routeByRule, setSchedule, updateQueue, type Queue, type QueueSettings } from './queue';

const T0 = new Date('2026-11-23T08:00:00.000Z');
const T1 = new Date('2026-11-23T09:00:00.000Z');
const A = '01936b2e-8f3a-7c4d-9e1f-00000000000a';
const B = '01936b2e-8f3a-7c4d-9e1f-00000000000b';
const categories = ['technical', 'billing', 'other'];
const settings: QueueSettings = {
  name: '2nd level network',
  categories: ['technical'],
  priorities: [],
  leadAgentId: A,
  memberIds: [A, B],
  strategy: 'round_robin',
  timeZone: 'Europe/Berlin',
  carryOverInProgress: false,
  active: true,
};
let seq = 0;
const queue = (key: string, overrides: Partial<QueueSettings> = {}): Queue =>
  createQueue(key, { ...settings, ...overrides }, { id: `01936a00-5555-7aaa-8bbb-${String(++seq).padStart(12, '0')}`, now: T0, categories });

function codeOf(run: () => unknown): [TicketErrorCode, string | undefined] {
  try {
    run();
  } catch (error) {
    if (error instanceof TicketError) return [error.code, error.field];
    throw error;
  }
  throw new Error('expected a TicketError');
}

describe('queues', () => {
  it('creates a queue at version 1 and validates key, name, categories and time zone', () => {
    expect(queue('network', { name: '  2nd  level ' })).toMatchObject({ key: 'network', name: '2nd level', version: 1, schedule: [] });
    expect(codeOf(() => queue('Not A Key'))).toEqual(['INVALID_FIELD', 'key']);
    expect(codeOf(() => queue('k', { name: ' ' }))).toEqual(['INVALID_FIELD', 'name']);
    expect(codeOf(() => queue('k', { categories: ['technical', 'gardening'] }))).toEqual(['INVALID_FIELD', 'categories[1]']);
    expect(codeOf(() => queue('k', { timeZone: 'Europe/Atlantis' }))).toEqual(['INVALID_FIELD', 'timeZone']);
  });

  it('bumps the version only when an update changes something, and honours the expected version', () => {
    const q = queue('update');
    expect(updateQueue(q, { name: '2nd level network' }, { now: T1, categories })).toEqual({ queue: q, changed: false });
    const { queue: renamed, changed } = updateQueue(q, { name: 'Network' }, { now: T1, categories, expectedVersion: 1 });
    expect(changed).toBe(true);
    expect(renamed).toMatchObject({ name: 'Network', version: 2, updatedAt: T1 });
    expect(codeOf(() => updateQueue(renamed, { name: 'x' }, { now: T1, categories, expectedVersion: 1 }))).toEqual(['VERSION_CONFLICT', undefined]);
  });

  it('keeps members who still serve schedule slots', () => {
    const q = setSchedule(queue('sched', { strategy: 'schedule' }), [{ weekday: 1, startMinute: 480, endMinute: 720, agentId: B }], { now: T1, categories }).queue;
    expect(q.version).toBe(2);
    expect(codeOf(() => updateQueue(q, { memberIds: [A] }, { now: T1, categories }))).toEqual(['INVALID_FIELD', 'memberIds']);
  });

  it('routes by rule: a priority limit first, then fewer categories, then the lowest key', () => {
    const broad = queue('b-broad', { categories: ['technical', 'billing'] });
    const narrow = queue('c-narrow', { categories: ['technical'] });
    const critical = queue('d-critical', { categories: ['technical', 'billing'], priorities: ['critical'] });
    const archived = queue('a-archived', { categories: ['technical'], active: false });
    const all = [broad, narrow, critical, archived];
    expect(routeByRule(all, { category: 'technical', priority: 'critical' })?.key).toBe('d-critical');
    expect(routeByRule(all, { category: 'technical', priority: 'normal' })?.key).toBe('c-narrow');
    expect(routeByRule(all, { category: 'billing', priority: 'low' })?.key).toBe('b-broad');
    expect(routeByRule(all, { category: 'other', priority: 'low' })).toBeUndefined();
    expect(routeByRule([queue('z', { categories: ['other'] }), queue('y', { categories: ['other'] })], { category: 'other', priority: 'low' })?.key).toBe('y');
  });

  it('publishes queue.upserted with the category only for a one-category rule without priority limit', () => {
    const plain = queueUpsertedEvent(queue('plain'));
    expect(queueUpsertedV1.schema.parse(plain.data)).toEqual(plain.data);
    expect(plain.data).toMatchObject({ category: 'technical', strategy: 'round_robin', memberIds: [A, B], leadAgentId: A, version: 1 });
    expect(queueUpsertedEvent(queue('limited', { priorities: ['high'] })).data.category).toBeNull();
    expect(queueUpsertedEvent(queue('two', { categories: ['technical', 'billing'] })).data.category).toBeNull();
  });
});
