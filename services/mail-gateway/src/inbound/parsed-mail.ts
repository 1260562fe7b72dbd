import type { MailSignals } from './loop-classification';

/** A mail address with its display name, as `helpdesk.mail.received.v1` carries it. */
export interface MailAddress {
  readonly address: string;
  readonly name: string | null;
}

/** One attachment or inline part, with its content (stored by the gateway, referenced in events). */
export interface ParsedAttachment {
  readonly partId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly inline: boolean;
  readonly contentId: string | null;
  readonly content: Buffer;
}

/** An inbound mail as the gateway understood it. */
export interface ParsedMail {
  readonly messageId: string | null;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly from: MailAddress | null;
  readonly replyTo: MailAddress | null;
  readonly to: readonly MailAddress[];
  readonly cc: readonly MailAddress[];
  readonly subject: string;
  readonly sentAt: Date | null;
  readonly text: string;
  readonly quotedText: string | null;
  readonly html: string | null;
  readonly attachments: readonly ParsedAttachment[];
  readonly signals: MailSignals;
  /** What could not be parsed; empty when parsing was clean. */
  readonly parseProblems: readonly string[];
}
