import type { Mailbox } from '../mailboxes/mailbox';
import { routeMail } from './mailbox-routing';

const mailbox = (n: number, address: string): Mailbox => ({
  id: `0193aaaa-0000-7000-8000-00000000000${n}`, name: address, address, language: null, defaultQueueId: null, defaultCategory: null, imap: null, createdAt: new Date(0),
});
const support = mailbox(1, 'support@desk.test');
const billing = mailbox(2, 'billing@desk.test');
const sales = mailbox(3, 'sales@desk.test');

describe('routeMail', () => {
  it('routes to the first mailbox in To, then Cc, then the envelope, listing each other mailbox once', () => {
    const routing = routeMail(['someone@example.com', 'billing@desk.test', 'support@desk.test'], [support, sales, billing], [billing, support]);
    expect(routing.primary).toBe(billing);
    expect(routing.others).toEqual([support, sales]);
  });

  it('routes every split copy of one mail the same way, whatever the envelope of the copy', () => {
    const headers = ['support@desk.test', 'billing@desk.test'];
    expect(routeMail(headers, [billing], [support, billing]).primary).toBe(support);
    expect(routeMail(headers, [support], [support, billing]).primary).toBe(support);
  });

  it('falls back to the envelope when the headers name no mailbox (Bcc, forwarded)', () => {
    const routing = routeMail(['list@example.org'], [sales, support], []);
    expect(routing.primary).toBe(sales);
    expect(routing.others).toEqual([support]);
  });

  it('refuses a mail delivered to no mailbox', () => {
    expect(() => routeMail(['support@desk.test'], [], [support])).toThrow(/at least one mailbox/);
  });
});
