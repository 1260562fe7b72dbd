import type { CallbackPolicy } from '../tasks/task-creation';
import type { TicketPolicy } from '../tickets/ticket-decisions';
import type { WorkRules } from '../worklog/work-recording';

/** What the mail and call consumers need from the service's configuration. */
export interface InboundSettings {
  readonly policy: TicketPolicy;
  /** `TICKET_NUMBER_PREFIX`, for the tickets a mail or call opens. */
  readonly numberPrefix: string;
  /** `TICKET_ATTACHMENT_MAX_BYTES` (mail attachments are references and do not count against it). */
  readonly attachmentMaxBytes: number;
  /** `TICKET_CALLBACK_DUE_MINUTES`, `TICKET_CALLBACK_REMINDER_LEAD_MINUTES`. */
  readonly callbacks: CallbackPolicy;
  /** `TICKET_MAIL_AUTO_ACKNOWLEDGE`: whether a ticket opened by mail acknowledges it to the sender. */
  readonly autoAcknowledge: boolean;
  /**
   * `TICKET_CALL_ATTACH_WINDOW_HOURS`: a call joins the caller's open ticket only when that ticket
   * changed within this many hours, otherwise it opens a new one; unset: any open ticket.
   */
  readonly callAttachWindowHours?: number;
  /**
   * The work log entry an answered call's talk time becomes (activity `phone_support`); unset
   * (or when that activity type is not configured): answered calls record no work.
   */
  readonly callWork?: { readonly activityType: string; readonly rules: WorkRules };
  /** `DIRECTORY_TIME_ZONE`: whose calendar day decides which contract a new ticket falls under; unset: Europe/Berlin. */
  readonly directoryTimeZone?: string;
}
