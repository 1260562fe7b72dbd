import type { AttachmentRef, SmtpReply } from '@helpdesk/contracts';

/** Why an outbound mail exists (contract `purpose`). */
export type OutboundPurpose = 'reply' | 'auto_acknowledgement' | 'notification';

/** Where an outbound mail stands. `sending`: claimed by a sender, its lease runs until next_attempt_at. */
export type OutboundStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** One outbound mail, as queued and as the sender works it off. */
export interface OutboundMail {
  readonly id: string;
  readonly mailboxId: string;
  readonly ticketId: string | null;
  readonly ticketMessageId: string | null;
  readonly purpose: OutboundPurpose;
  /** Generated `<outbound id>@<MAIL_HOSTNAME>`, without brackets; a re-send carries the same one. */
  readonly messageIdHeader: string;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** With the ticket tag. */
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly attachments: readonly AttachmentRef[];
  readonly status: OutboundStatus;
  /** Attempts made, counting the one in progress. */
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastReply: SmtpReply | null;
  readonly createdAt: Date;
}

/** How one delivery attempt ended. */
export type AttemptOutcome =
  | { readonly kind: 'accepted'; readonly reply: SmtpReply }
  /** 4xx or no answer at all (connection refused, timeout): worth another try. */
  | { readonly kind: 'temporary'; readonly reply: SmtpReply | null; readonly error: string }
  /** 5xx: the server will never take it. */
  | { readonly kind: 'permanent'; readonly reply: SmtpReply; readonly error: string }
  /** Not sendable at all (its mailbox is gone, an attachment's content cannot be had). */
  | { readonly kind: 'invalid'; readonly error: string };

/** Retry rules (`MAIL_SEND_MAX_ATTEMPTS`, `MAIL_SEND_RETRY_BASE`). */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
}

const MAX_DELAY_MS = 3_600_000;

/** What becomes of the mail after an attempt. */
export type AttemptDecision =
  | { readonly status: 'sent'; readonly reply: SmtpReply }
  | { readonly status: 'queued'; readonly retryAt: Date; readonly reply: SmtpReply | null }
  | { readonly status: 'failed'; readonly failure: 'rejected' | 'retries_exhausted' | 'invalid'; readonly reply: SmtpReply | null };

/**
 * Decides after an attempt: accepted → sent; permanent → failed (rejected); not sendable →
 * failed (invalid); temporary → again
 * after base × 2^(attempt−1) (at most an hour), until the attempts are used up (retries_exhausted).
 */
export function decideAfterAttempt(mail: Pick<OutboundMail, 'attempts'>, outcome: AttemptOutcome, policy: RetryPolicy, now: Date): AttemptDecision {
  if (outcome.kind === 'accepted') return { status: 'sent', reply: outcome.reply };
  if (outcome.kind === 'permanent') return { status: 'failed', failure: 'rejected', reply: outcome.reply };
  if (outcome.kind === 'invalid') return { status: 'failed', failure: 'invalid', reply: null };
  if (mail.attempts >= policy.maxAttempts) return { status: 'failed', failure: 'retries_exhausted', reply: outcome.reply };
  const delay = Math.min(policy.baseDelayMs * 2 ** Math.max(0, mail.attempts - 1), MAX_DELAY_MS);
  return { status: 'queued', retryAt: new Date(now.getTime() + delay), reply: outcome.reply };
}

/** An SMTP reply line (`250 2.0.0 Ok: queued as X`) as the contract's SmtpReply; null when it is none. */
export function parseSmtpReply(line: string | undefined, code?: number): SmtpReply | null {
  const text = (line ?? '').trim();
  const match = /^([2-5]\d\d)[ -]?(?:([245]\.\d{1,3}\.\d{1,3})\s)?/.exec(text);
  const replyCode = match ? Number(match[1]) : code;
  if (replyCode === undefined || replyCode < 200 || replyCode > 599) return null;
  return { code: replyCode, enhancedStatus: match?.[2] ?? null, text };
}
