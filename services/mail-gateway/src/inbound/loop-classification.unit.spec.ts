import { classifyMail, type MailSignals } from './loop-classification';

const signals = (headers: Record<string, string>, extra: Partial<MailSignals> = {}): MailSignals => ({
  headers: new Map(Object.entries(headers).map(([k, v]) => [k, [v]])),
  from: 'max@example.com',
  contentType: 'text/plain',
  reportType: null,
  ...extra,
});

describe('classifyMail', () => {
  it.each([
    [{}, 'regular'],
    [{ 'auto-submitted': 'no' }, 'regular'],
    [{ 'auto-submitted': 'auto-replied' }, 'auto_reply'],
    [{ 'auto-submitted': 'auto-generated' }, 'auto_reply'],
    [{ 'x-auto-response-suppress': 'All' }, 'auto_reply'],
    [{ 'x-autoreply': 'yes' }, 'auto_reply'],
    [{ precedence: 'bulk' }, 'bulk'],
    [{ precedence: 'junk' }, 'bulk'],
    [{ precedence: 'list' }, 'list'],
    [{ 'list-id': '<users.lists.example.org>' }, 'list'],
  ])('%j is %s', (headers, kind) => {
    expect(classifyMail(signals(headers))).toBe(kind);
  });

  it('recognises delivery status notifications and daemon senders as bounces', () => {
    expect(classifyMail(signals({}, { contentType: 'multipart/report', reportType: 'delivery-status' }))).toBe('bounce');
    expect(classifyMail(signals({}, { from: 'MAILER-DAEMON@mx.example.com' }))).toBe('bounce');
    expect(classifyMail(signals({}, { from: 'postmaster@example.com' }))).toBe('bounce');
  });
});
