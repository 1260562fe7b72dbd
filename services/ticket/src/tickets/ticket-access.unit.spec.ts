import type { CustomerScope } from '@helpdesk/auth';
import { assertCanRead, canRead, canReadMessage, readableAudiences, type MessageAudience } from './ticket-access';
import { TicketError } from './ticket.errors';

const CUSTOMER = '01936a00-1111-7aaa-8bbb-000000000001';
const OTHER = '01936a00-1111-7aaa-8bbb-000000000009';
const staff: CustomerScope = { kind: 'all' };
const customer: CustomerScope = { kind: 'customer', customerId: CUSTOMER, contactId: '01936a00-2222-7aaa-8bbb-000000000002' };

describe('ticket access', () => {
  it('lets staff read every ticket, also one without a customer', () => {
    expect(canRead(staff, { customerId: CUSTOMER })).toBe(true);
    expect(canRead(staff, { customerId: null })).toBe(true);
  });

  it('lets a customer read only its own customer\'s tickets', () => {
    expect(canRead(customer, { customerId: CUSTOMER })).toBe(true);
    expect(canRead(customer, { customerId: OTHER })).toBe(false);
    expect(canRead(customer, { customerId: null })).toBe(false);
  });

  it('answers TICKET_NOT_FOUND for another customer\'s ticket, so its existence does not leak', () => {
    expect(() => assertCanRead(customer, { customerId: CUSTOMER, number: 'T-1' })).not.toThrow();
    const run = (): void => assertCanRead(customer, { customerId: OTHER, number: 'T-2' });
    expect(run).toThrow(TicketError);
    expect(run).toThrow('ticket T-2 not found');
  });

  it('shows customers only customer-channel messages, staff all of them', () => {
    const audiences: MessageAudience[] = ['customer', 'internal', 'supplier'];
    expect(audiences.map((audience) => canReadMessage(customer, audience))).toEqual([true, false, false]);
    expect(readableAudiences(customer)).toEqual(['customer']);
    expect(readableAudiences(staff)).toEqual(['customer', 'internal', 'supplier']);
    expect(canReadMessage(staff, 'internal')).toBe(true);
  });
});
