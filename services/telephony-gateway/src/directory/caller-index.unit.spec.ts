import { CallerIndex, type IndexedContact } from './caller-index';

const contact = (over: Partial<IndexedContact> = {}): IndexedContact => ({
  contactId: 'c-1',
  customerId: 'k-1',
  displayName: 'Max Mustermann',
  active: true,
  version: 1,
  numbers: ['+4930123456'],
  ...over,
});

describe('CallerIndex', () => {
  it('recognises a caller by number with the customer\'s name, and follows a newer version only', () => {
    const index = new CallerIndex();
    index.putCustomer({ customerId: 'k-1', name: 'Mustermann Logistik', version: 1 });
    expect(index.putContact(contact())).toBe(true);
    expect(index.callerByNumber('+4930123456')).toEqual({ contactId: 'c-1', customerId: 'k-1', contactName: 'Max Mustermann', customerName: 'Mustermann Logistik' });
    expect(index.putContact(contact({ version: 3, numbers: ['+4930999999'] }))).toBe(true);
    expect(index.putContact(contact({ version: 2, numbers: ['+4930123456'] }))).toBe(false);
    expect(index.callerByNumber('+4930123456')).toBeUndefined();
    expect(index.callerByNumber('+4930999999')?.contactId).toBe('c-1');
  });

  it('resolves a shared number to the active contact with the highest version, then the smallest id', () => {
    const index = new CallerIndex();
    index.putContact(contact({ contactId: 'c-2', version: 1 }));
    index.putContact(contact({ contactId: 'c-1', version: 1 }));
    expect(index.callerByNumber('+4930123456')?.contactId).toBe('c-1');
    index.putContact(contact({ contactId: 'c-2', version: 2 }));
    expect(index.callerByNumber('+4930123456')?.contactId).toBe('c-2');
    index.putContact(contact({ contactId: 'c-2', version: 3, active: false }));
    expect(index.callerByNumber('+4930123456')?.contactId).toBe('c-1');
  });

  it('finds the active agent of an extension and forgets a moved extension', () => {
    const index = new CallerIndex();
    index.putAgent({ agentId: 'anna', extension: '214', active: true, version: 1 });
    expect(index.agentByExtension('214')).toBe('anna');
    index.putAgent({ agentId: 'anna', extension: '216', active: true, version: 2 });
    expect(index.agentByExtension('214')).toBeNull();
    index.putAgent({ agentId: 'jonas', extension: '216', active: false, version: 1 });
    expect(index.agentByExtension('216')).toBe('anna');
  });

  it('lists a contact\'s open tickets, newest change first, without closed ones', () => {
    const index = new CallerIndex();
    const ticket = (ticketId: string, status: string, minute: number, version = 1) => ({
      ticketId, contactId: 'c-1', number: `T-${ticketId}`, summary: ticketId, status, version, updatedAt: new Date(Date.UTC(2026, 10, 23, 10, minute)),
    });
    index.putTicket(ticket('a', 'open', 1));
    index.putTicket(ticket('b', 'in_progress', 5));
    index.putTicket(ticket('c', 'resolved', 9));
    expect(index.openTickets('c-1', 5).map((t) => t.ticketId)).toEqual(['b', 'a']);
    index.putTicket(ticket('b', 'closed', 6, 2));
    index.putTicket(ticket('b', 'open', 4, 1));
    expect(index.openTickets('c-1', 1).map((t) => t.ticketId)).toEqual(['a']);
  });
});
