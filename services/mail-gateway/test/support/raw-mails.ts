/** Raw RFC 5322 mails as real clients and MTAs write them, for delivery with nodemailer's `raw`. */

const crlf = (lines: readonly string[]) => lines.join('\r\n');

/** ISO-8859-1 encoded-word subject and a quoted-printable Latin-1 body. */
export function latin1QuotedPrintable(messageId: string): string {
  return crlf([
    'From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <juergen@example.de>',
    'To: support@helpdesk.test',
    'Subject: =?ISO-8859-1?Q?Dr=FCcker_im_B=FCro_st=F6rt?=',
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=ISO-8859-1',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Gr=FC=DFe, der Drucker im B=FCro druckt seit gestern nur noch wei=DFe Seiten. =',
    'Bitte um R=FCckruf.',
    '',
  ]);
}

/** HTML only, with a script and a remote tracking image the sanitizer must drop. */
export function htmlOnly(messageId: string): string {
  return crlf([
    'From: anna@example.com',
    'To: support@helpdesk.test',
    'Subject: HTML only',
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body><p>Hello <b>team</b>,</p><script>alert(1)</script><img src="https://tracker.example/p.gif"><p>the <a href="https://example.com/x" onclick="evil()">portal</a> is down.</p></body></html>',
    '',
  ]);
}

/** A forwarded mail as a message/rfc822 attachment, plus a reply with quoted history. */
export function withForwardedMessage(messageId: string): string {
  return crlf([
    'From: lead@example.com',
    'To: support@helpdesk.test',
    'Subject: Fwd: original complaint',
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'See the customer mail below, please handle.',
    '',
    'On Mon, 23 Nov 2026 at 10:00, Customer <c@example.org> wrote:',
    '> it is broken',
    '',
    '--outer',
    'Content-Type: message/rfc822',
    'Content-Disposition: attachment; filename="complaint.eml"',
    '',
    'From: c@example.org',
    'To: lead@example.com',
    'Subject: original complaint',
    'Message-ID: <inner-1@example.org>',
    '',
    'It is broken.',
    '',
    '--outer--',
    '',
  ]);
}

/** A DSN (RFC 3464) for `bouncedMessageId`, as Postfix writes it. */
export function deliveryStatusNotification(messageId: string, bouncedMessageId: string, recipient: string): string {
  return crlf([
    'From: MAILER-DAEMON@mx.example.com (Mail Delivery System)',
    'To: support@helpdesk.test',
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <${messageId}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"',
    '',
    '--dsn',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'I\'m sorry to have to inform you that your message could not be delivered.',
    '',
    '--dsn',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.com',
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    'Action: failed',
    'Status: 5.1.1',
    `Diagnostic-Code: smtp; 550 5.1.1 <${recipient}>: Recipient address rejected: User unknown`,
    '',
    '--dsn',
    'Content-Type: text/rfc822-headers',
    '',
    'From: support@helpdesk.test',
    `To: ${recipient}`,
    `Message-ID: <${bouncedMessageId}>`,
    'Subject: [Ticket#T-1] anything',
    '',
    '--dsn--',
    '',
  ]);
}

/** An out-of-office reply (Auto-Submitted, Exchange's suppress header). */
export function outOfOffice(messageId: string, from: string, subject: string): string {
  return crlf([
    `From: ${from}`,
    'To: support@helpdesk.test',
    `Subject: Automatic reply: ${subject}`,
    `Message-ID: <${messageId}>`,
    'Auto-Submitted: auto-replied',
    'X-Auto-Response-Suppress: All',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'I am out of the office until Monday.',
    '',
  ]);
}

/** Broken MIME: multipart without a closing boundary and a part with an unknown transfer encoding. */
export function malformedMime(messageId: string): string {
  return crlf([
    'From: broken@example.com',
    'To: support@helpdesk.test',
    'Subject: broken mail',
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed',
    '',
    'This multipart has no boundary parameter at all.',
    '--nothing',
    'Content-Type: text/plain',
    '',
    'Help',
    '',
  ]);
}
