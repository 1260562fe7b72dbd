/** The loop and abuse classes of `helpdesk.mail.received.v1` (`classification.kind`). */
export type MailKind = 'regular' | 'auto_reply' | 'bounce' | 'list' | 'bulk';

/** What the classification looks at: header values by lower-case name, and the sender. */
export interface MailSignals {
  /** Header values by lower-case header name (every occurrence). */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  /** Lower-case sender address (From); null when absent. */
  readonly from: string | null;
  /** MIME type of the top part, lower-case, e.g. `multipart/report`. */
  readonly contentType: string;
  /** The `report-type` parameter of a multipart/report, lower-case; null otherwise. */
  readonly reportType: string | null;
}

const DAEMON_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;

/**
 * Classifies a mail so that no two automata can keep answering each other (RFC 3834):
 * - bounce: a delivery status notification (multipart/report; report-type=delivery-status) or
 *   mail from MAILER-DAEMON/postmaster;
 * - auto_reply: `Auto-Submitted` other than `no`, `X-Autoreply`/`X-Autorespond`,
 *   `X-Auto-Response-Suppress` (set by Exchange on its own automatic mail), `Precedence: auto_reply`;
 * - list: `List-Id`/`List-Unsubscribe`/`List-Post` or `Precedence: list`;
 * - bulk: `Precedence: bulk` or `junk`;
 * - regular otherwise: a person wrote it.
 */
export function classifyMail(signals: MailSignals): MailKind {
  const first = (name: string) => (signals.headers.get(name)?.[0] ?? '').trim().toLowerCase();
  const has = (name: string) => (signals.headers.get(name)?.length ?? 0) > 0;
  if ((signals.contentType === 'multipart/report' && signals.reportType === 'delivery-status') || (signals.from !== null && DAEMON_SENDER.test(signals.from))) {
    return 'bounce';
  }
  const autoSubmitted = first('auto-submitted');
  const precedence = first('precedence');
  if ((autoSubmitted !== '' && autoSubmitted !== 'no') || has('x-autoreply') || has('x-autorespond') || has('x-auto-response-suppress') || precedence === 'auto_reply') {
    return 'auto_reply';
  }
  if (has('list-id') || has('list-unsubscribe') || has('list-post') || precedence === 'list') return 'list';
  if (precedence === 'bulk' || precedence === 'junk') return 'bulk';
  return 'regular';
}
