import { canReadHistoryEntry } from './history-visibility';

const customer = { kind: 'customer', customerId: 'c', contactId: 'p' } as const;

describe('canReadHistoryEntry', () => {
  it('shows staff everything', () => {
    expect(canReadHistoryEntry({ kind: 'all' }, { kind: 'work_recorded', after: {} })).toBe(true);
  });

  it('shows a customer the opening, status moves and customer messages only', () => {
    expect(canReadHistoryEntry(customer, { kind: 'created', after: {} })).toBe(true);
    expect(canReadHistoryEntry(customer, { kind: 'status_changed', after: {} })).toBe(true);
    expect(canReadHistoryEntry(customer, { kind: 'message_added', after: { audience: 'customer' } })).toBe(true);
    expect(canReadHistoryEntry(customer, { kind: 'message_added', after: { audience: 'internal' } })).toBe(false);
    expect(canReadHistoryEntry(customer, { kind: 'message_added', after: { audience: 'supplier' } })).toBe(false);
    for (const kind of ['assigned', 'work_recorded', 'work_voided', 'task_added', 'sla_phase', 'field_changed'] as const) {
      expect(canReadHistoryEntry(customer, { kind, after: {} })).toBe(false);
    }
  });
});
