import { readDeliveryReport } from './delivery-report';

describe('readDeliveryReport', () => {
  it('reads recipient, diagnostic and the returned Message-ID', () => {
    const raw = [
      'Message-ID: <dsn@mx>',
      '',
      'Final-Recipient: rfc822; Max@Example.com',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <max@example.com>: User unknown',
      '',
      'Message-ID: <out-1@helpdesk.test>',
    ].join('\r\n');
    expect(readDeliveryReport(raw, 'dsn@mx')).toEqual({
      recipient: 'max@example.com',
      smtpReply: { code: 550, enhancedStatus: '5.1.1', text: '550 5.1.1 <max@example.com>: User unknown' },
      originalMessageIds: ['out-1@helpdesk.test'],
    });
  });

  it('falls back to the status class without a diagnostic, and to nothing without either', () => {
    expect(readDeliveryReport('Final-Recipient: rfc822; a@b.c\nStatus: 4.2.2\n', null).smtpReply).toEqual({ code: 450, enhancedStatus: '4.2.2', text: 'Status 4.2.2' });
    expect(readDeliveryReport('nothing here', null)).toEqual({ recipient: null, smtpReply: null, originalMessageIds: [] });
  });
});
