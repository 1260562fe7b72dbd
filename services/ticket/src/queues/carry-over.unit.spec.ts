import { carryOverTarget } from './carry-over';
import type { Queue } from './queue';
import type { ScheduleSlot } from './queue-schedule';

const [A, B, OUTSIDER] = ['agent-a', 'agent-b', 'agent-x'];
const queue: Queue = {
  id: 'queue-1',
  key: 'hotline',
  name: 'Hotline',
  categories: [],
  priorities: [],
  leadAgentId: null,
  memberIds: [A, B],
  strategy: 'schedule',
  timeZone: 'Europe/Berlin',
  carryOverInProgress: true,
  schedule: [],
  active: true,
  version: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};
const slotOfB: ScheduleSlot = { weekday: 1, startMinute: 780, endMinute: 1020, agentId: B };
const inWork = { queueId: queue.id, status: 'in_progress', assigneeId: A } as const;

describe('carryOverTarget', () => {
  it('moves a member’s ticket in work to the member of the new slot', () => {
    expect(carryOverTarget(queue, slotOfB, true, inWork)).toBe(B);
    expect(carryOverTarget(queue, slotOfB, true, { ...inWork, status: 'pending' })).toBe(B);
  });

  it('leaves tickets with their agent when the queue does not carry over', () => {
    expect(carryOverTarget({ ...queue, carryOverInProgress: false }, slotOfB, true, inWork)).toBeNull();
    expect(carryOverTarget({ ...queue, strategy: 'manual' }, slotOfB, true, inWork)).toBeNull();
    expect(carryOverTarget({ ...queue, active: false }, slotOfB, true, inWork)).toBeNull();
  });

  it('moves nothing outside a slot or while the slot’s member is away', () => {
    expect(carryOverTarget(queue, null, true, inWork)).toBeNull();
    expect(carryOverTarget(queue, slotOfB, false, inWork)).toBeNull();
  });

  it('moves only tickets in work, in this queue, held by another member', () => {
    expect(carryOverTarget(queue, slotOfB, true, { ...inWork, status: 'open' })).toBeNull();
    expect(carryOverTarget(queue, slotOfB, true, { ...inWork, status: 'resolved' })).toBeNull();
    expect(carryOverTarget(queue, slotOfB, true, { ...inWork, queueId: 'other-queue' })).toBeNull();
    expect(carryOverTarget(queue, slotOfB, true, { ...inWork, assigneeId: B })).toBeNull();
    expect(carryOverTarget(queue, slotOfB, true, { ...inWork, assigneeId: OUTSIDER })).toBeNull();
    expect(carryOverTarget(queue, slotOfB, true, { ...inWork, assigneeId: null })).toBeNull();
  });
});
