import type { SmtpReply } from '@helpdesk/contracts';

/** What a delivery status notification (RFC 3464) says about the mail that bounced. */
export interface DeliveryReport {
  /** Final-Recipient (or Original-Recipient) address, lower-case; null when not given. */
  readonly recipient: string | null;
  /** The remote server's reply from Diagnostic-Code (or the Status alone); null when neither. */
  readonly smtpReply: SmtpReply | null;
  /**
   * Message-IDs found in the returned original (headers of the message/rfc822 or
   * text/rfc822-headers part), without brackets: the bounced outbound mail is among them.
   */
  readonly originalMessageIds: readonly string[];
}

/**
 * Reads a DSN from the raw mail text. Parsing the text rather than MIME parts also handles the
 * many MTAs that send non-standard bounces with the original quoted inline.
 */
export function readDeliveryReport(raw: string, ownMessageId: string | null): DeliveryReport {
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, 'im').exec(raw)?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim() ?? null;
  const recipientField = field('Final-Recipient') ?? field('Original-Recipient');
  const recipient = recipientField ? (/([^\s;<>]+@[^\s;<>]+)/.exec(recipientField)?.[1]?.toLowerCase() ?? null) : null;
  const ids = [...raw.matchAll(/^Message-ID:\s*<([^<>\s]+)>/gim)].map((m) => m[1] ?? '');
  const originalMessageIds = [...new Set(ids)].filter((id) => id !== '' && id !== ownMessageId);
  return { recipient, smtpReply: smtpReplyOf(field('Diagnostic-Code'), field('Status')), originalMessageIds };
}

function smtpReplyOf(diagnostic: string | null, status: string | null): SmtpReply | null {
  const enhanced = status && /^[245]\.\d{1,3}\.\d{1,3}$/.test(status) ? status : null;
  if (diagnostic) {
    const text = diagnostic.replace(/^smtp;\s*/i, '');
    const match = /^([245]\d\d)[\s-]+(?:([245]\.\d{1,3}\.\d{1,3})\s)?/.exec(text);
    if (match) return { code: Number(match[1]), enhancedStatus: match[2] ?? enhanced, text };
    if (enhanced) return { code: Number(enhanced[0]) * 100 + 50, enhancedStatus: enhanced, text };
  }
  // A Status without a diagnostic: 5.x.x → 550, 4.x.x → 450 (the generic reply of the class).
  if (enhanced) return { code: Number(enhanced[0]) * 100 + 50, enhancedStatus: enhanced, text: `Status ${enhanced}` };
  return null;
}
