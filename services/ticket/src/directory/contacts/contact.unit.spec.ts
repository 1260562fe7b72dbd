import { TicketError } from '../../tickets/ticket.errors';
import { normaliseContact, type ContactInput } from './contact';

const input = (over: Partial<ContactInput> = {}): ContactInput => ({
  customerId: null,
  firstName: ' Max ',
  lastName: 'Mustermann',
  displayName: '',
  emails: [],
  phones: [],
  language: null,
  ...over,
});

describe('normaliseContact', () => {
  it('lower-cases and merges mail addresses and makes the first primary when none is marked', () => {
    const data = normaliseContact(input({ emails: [{ address: 'Max@Example.COM', primary: false }, { address: 'max@example.com', primary: false }, { address: 'm2@example.com', primary: false }] }), 'DE');
    expect(data.emails).toEqual([
      { address: 'max@example.com', primary: true },
      { address: 'm2@example.com', primary: false },
    ]);
    expect(data.displayName).toBe('Max Mustermann');
  });

  it('stores numbers in E.164, merges notations of the same number and keeps a marked primary', () => {
    const data = normaliseContact(
      input({
        phones: [
          { number: '089 1234567', kind: undefined, primary: false },
          { number: '+49 89 1234567', kind: undefined, primary: false },
          { number: '0170 1234567', kind: 'other', primary: true },
        ],
      }),
      'DE',
    );
    expect(data.phones).toEqual([
      { number: '+49891234567', kind: 'landline', primary: false, extension: null },
      { number: '+491701234567', kind: 'other', primary: true, extension: null },
    ]);
  });

  it('names the field and index of an invalid number', () => {
    const phones = [
      { number: '089 1234567', kind: undefined, primary: false },
      { number: '12', kind: undefined, primary: false },
    ];
    expect(() => normaliseContact(input({ phones }), 'DE')).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', field: 'phones[1].number' }) as TicketError);
  });

  it('refuses two primary addresses and a contact without any name', () => {
    const emails = [
      { address: 'a@example.com', primary: true },
      { address: 'b@example.com', primary: true },
    ];
    expect(() => normaliseContact(input({ emails }), 'DE')).toThrow(expect.objectContaining({ field: 'emails' }) as TicketError);
    expect(() => normaliseContact(input({ firstName: '', lastName: ' ' }), 'DE')).toThrow(expect.objectContaining({ field: 'displayName' }) as TicketError);
  });
});
