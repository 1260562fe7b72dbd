import type { MailReceivedV1 } from '@helpdesk/contracts';
import type { Ticket } from '../tickets/ticket';
import type { AppendPlan } from './mail-append';
import { planMail, threadTicketId, type MailPlanContext } from './mail-intake';

/** What one mail of a batch does, by {@link planMail} against the tickets as the batch holds them. */
export type MailBatchStep =
  /** A new ticket of its own (no related ticket): decided in memory, written with the batch's statements. */
  | { readonly kind: 'open'; readonly acknowledge: boolean }
  /** A message (and maybe a status move) on an existing ticket the batch holds locked: decided in memory too. */
  | { readonly kind: 'append'; readonly ticketId: string; readonly plan: AppendPlan }
  /** A new ticket linked to an old one (two tickets and their links): the step-by-step path. */
  | { readonly kind: 'one_by_one' }
  /** Changes nothing (loop mail threading nowhere, or to a ticket that can no longer change). */
  | { readonly kind: 'skip'; readonly reason: string };

/** Every ticket id the mails of a batch point at (to read and lock them at once). */
export function pointedTicketIds(mails: readonly MailReceivedV1[]): string[] {
  const ids = new Set<string>();
  for (const mail of mails) {
    const thread = threadTicketId(mail);
    if (thread) ids.add(thread);
    if (mail.threading.relatedTicketId) ids.add(mail.threading.relatedTicketId);
  }
  return [...ids];
}

/**
 * The mails of a batch that change something, in stream order: each mail id once (the gateway
 * may publish a mail again under a new event id), none that a message records already.
 */
export function freshMails(mails: readonly MailReceivedV1[], recorded: ReadonlySet<string>): MailReceivedV1[] {
  const seen = new Set(recorded);
  return mails.filter((mail) => {
    if (seen.has(mail.mailId)) return false;
    seen.add(mail.mailId);
    return true;
  });
}

/**
 * The step of one mail: {@link planMail} against the tickets in their state after the batch's
 * earlier mails (a reply that reopened a ticket leaves the next reply to an open one). A mail
 * threads only to a ticket that existed before the batch — the gateway learns of tickets from
 * `ticket.created`, published after commit — so none threads to a ticket the batch opens.
 */
export function mailBatchStep(mail: MailReceivedV1, ticketOf: (id: string) => Ticket | null, ctx: MailPlanContext): MailBatchStep {
  const find = (id: string | null) => (id === null ? null : ticketOf(id));
  const plan = planMail(mail, { thread: find(threadTicketId(mail)), related: find(mail.threading.relatedTicketId) }, ctx);
  switch (plan.kind) {
    case 'drop':
      return { kind: 'skip', reason: plan.reason };
    case 'append':
      return { kind: 'append', ticketId: plan.ticketId, plan: { audience: plan.audience, statusTo: plan.statusTo } };
    case 'new_ticket':
      return plan.related === null ? { kind: 'open', acknowledge: plan.acknowledge } : { kind: 'one_by_one' };
  }
}

/**
 * Mail text travels twice per statement pair (message rows, message.added events); a batch of
 * large mails is written in parts of about this many characters of text and HTML, so that one
 * statement stays a few megabytes however large the mails are.
 */
const MAX_BODY_CHARS_PER_PART = 8_000_000;

/** Consecutive parts of the batch, each at least one mail, none over {@link MAX_BODY_CHARS_PER_PART} unless one mail is. */
export function bodyLimitedParts(mails: readonly MailReceivedV1[], limit = MAX_BODY_CHARS_PER_PART): MailReceivedV1[][] {
  const parts: MailReceivedV1[][] = [];
  let current: MailReceivedV1[] = [];
  let size = 0;
  for (const mail of mails) {
    const chars = mail.text.length + (mail.html?.length ?? 0);
    if (current.length > 0 && size + chars > limit) {
      parts.push(current);
      current = [];
      size = 0;
    }
    current.push(mail);
    size += chars;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
