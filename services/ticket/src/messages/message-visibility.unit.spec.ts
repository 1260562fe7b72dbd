import type { CustomerScope } from '@helpdesk/auth';
import { canReadMessageEntry } from './message-visibility';

const staff: CustomerScope = { kind: 'all' };
const customer: CustomerScope = { kind: 'customer', customerId: '01936a00-1111-7aaa-8bbb-000000000001', contactId: '01936a00-2222-7aaa-8bbb-000000000002' };
const entry = (audience: string) => ({ kind: 'message_added' as const, after: { messageId: 'm', audience } });

describe('canReadMessageEntry', () => {
  it('shows a customer only the entries of customer-audience messages', () => {
    expect(canReadMessageEntry(customer, entry('customer'))).toBe(true);
    expect(canReadMessageEntry(customer, entry('internal'))).toBe(false);
    expect(canReadMessageEntry(customer, entry('supplier'))).toBe(false);
  });

  it('shows staff every entry and leaves other kinds alone', () => {
    expect(canReadMessageEntry(staff, entry('internal'))).toBe(true);
    expect(canReadMessageEntry(customer, { kind: 'status_changed', after: { status: 'open' } })).toBe(true);
  });
});
