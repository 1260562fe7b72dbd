import type { Mailbox } from '../mailboxes/mailbox';

/** Which mailbox a mail belongs to, and which other mailboxes of the platform it was addressed to. */
export interface MailRouting {
  readonly primary: Mailbox;
  readonly others: readonly Mailbox[];
}

/**
 * A mail addressed to several of the platform's mailboxes is ONE ticket: it is routed to the
 * first mailbox the customer addressed — in the order of the To header, then Cc, then the SMTP
 * envelope (Bcc or a forwarding rule) — and the others are listed beside it. The header order
 * comes first because it is the customer's own choice of addressee and because it is the same in
 * every copy: when an MTA splits the recipients into separate transactions, every copy routes to
 * the same mailbox, so the copies de-duplicate into that one ticket.
 *
 * `headerAddresses` are the To then Cc addresses (lower-case); `envelope` the mailboxes the mail
 * was delivered to (at least one); `known` the mailboxes whose address appears in the headers.
 */
export function routeMail(headerAddresses: readonly string[], envelope: readonly Mailbox[], known: readonly Mailbox[]): MailRouting {
  if (envelope.length === 0) throw new Error('a mail needs at least one mailbox it was delivered to');
  const byAddress = new Map([...known, ...envelope].map((m) => [m.address, m]));
  const ordered: Mailbox[] = [];
  const add = (mailbox: Mailbox | undefined) => {
    if (mailbox && !ordered.some((m) => m.id === mailbox.id)) ordered.push(mailbox);
  };
  headerAddresses.forEach((address) => add(byAddress.get(address)));
  envelope.forEach(add);
  const [primary, ...others] = ordered;
  // Never true (the envelope is not empty); narrows the type.
  if (!primary) throw new Error('a mail needs at least one mailbox it was delivered to');
  return { primary, others };
}
