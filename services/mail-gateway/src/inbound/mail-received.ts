import type { MailReceivedV1 } from '@helpdesk/contracts';
import type { DeliveryReport } from './delivery-report';
import type { MailKind } from './loop-classification';
import type { MailRouting } from './mailbox-routing';
import type { MailAddress, ParsedMail } from './parsed-mail';
import type { ThreadDecision } from './threading';

/** What the gateway decided about a mail, besides the mail itself. */
export interface MailDecisions {
  readonly mailId: string;
  readonly receivedAt: Date;
  readonly rawSha256: string;
  readonly rawSizeBytes: number;
  readonly thread: ThreadDecision;
  readonly kind: MailKind;
  readonly autoAcknowledge: boolean;
  /** For bounces: the report and the outbound mail it was matched to. */
  readonly bounce: { readonly report: DeliveryReport; readonly outboundId: string | null; readonly ticketId: string | null } | null;
  /** The sender when the mail had no usable From (the SMTP envelope sender, or a placeholder). */
  readonly fallbackFrom: string;
}

/** The `helpdesk.mail.received.v1` data of a stored and parsed mail. */
export function mailReceivedData(routing: MailRouting, mail: ParsedMail, d: MailDecisions): MailReceivedV1 {
  const mailbox = routing.primary;
  const from: MailAddress = mail.from ?? { address: d.fallbackFrom, name: null };
  return {
    mailId: d.mailId,
    mailboxId: mailbox.id,
    defaultQueueId: mailbox.defaultQueueId,
    defaultCategory: mailbox.defaultCategory,
    mailboxLanguage: mailbox.language,
    messageIdHeader: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: [...mail.references],
    from: { ...from },
    replyTo: mail.replyTo ? { ...mail.replyTo } : null,
    to: mail.to.map((a) => ({ ...a })),
    cc: mail.cc.map((a) => ({ ...a })),
    subject: mail.subject,
    sentAt: mail.sentAt?.toISOString() ?? null,
    receivedAt: d.receivedAt.toISOString(),
    text: mail.text,
    quotedText: mail.quotedText,
    html: mail.html,
    attachments: mail.attachments.map(({ partId, fileName, contentType, sizeBytes, sha256, inline, contentId }) => ({ partId, fileName, contentType, sizeBytes, sha256, inline, contentId })),
    rawSha256: d.rawSha256,
    rawSizeBytes: d.rawSizeBytes,
    threading: { ...d.thread },
    classification: {
      kind: d.kind,
      autoAcknowledge: d.autoAcknowledge,
      bounce: d.bounce
        ? { outboundId: d.bounce.outboundId, ticketId: d.bounce.ticketId, recipient: d.bounce.report.recipient, smtpReply: d.bounce.report.smtpReply }
        : null,
    },
    parseProblems: [...mail.parseProblems],
    alsoAddressed: routing.others.map((m) => ({ mailboxId: m.id, address: m.address })),
  };
}

/** The addresses a mail makes participants of its ticket: From, Reply-To and Cc. */
export function participantAddresses(mail: ParsedMail): string[] {
  return [...new Set([mail.from, mail.replyTo, ...mail.cc].filter((a): a is MailAddress => a !== null).map((a) => a.address))];
}
