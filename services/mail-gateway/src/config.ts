import { bool, duration, port, positiveInt } from '@helpdesk/config';
import { serviceConfigSchema, type ServiceConfig } from '@helpdesk/runtime';
import { z } from 'zod';

/**
 * Largest gRPC request or response: GetRawMessage returns whole mails and GetAttachment whole
 * files, so this must cover MAIL_MAX_MESSAGE_BYTES.
 */
export const GRPC_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const smtpUrl = () =>
  z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+(:\d+)?\/?$/, { message: 'must be an smtp:// or smtps:// URL such as smtp://127.0.0.1:25' })
    .transform((value) => new URL(value));

/** The mail gateway's environment (ARCHITECTURE.md default ports 50052 / 8082, SMTP/LMTP 2525). */
export const mailGatewayConfigSchema = serviceConfigSchema({ grpc: 50052, http: 8082 }).extend({
  /** Whether the SMTP/LMTP listener runs (an MTA such as Postfix forwards to it). */
  MAIL_SMTP_ENABLED: bool().default(true),
  /** Listen address of the SMTP/LMTP listener. */
  MAIL_SMTP_HOST: z.string().min(1).default('0.0.0.0'),
  /** Listen port of the SMTP/LMTP listener; 0 picks a free port (tests). */
  MAIL_SMTP_PORT: port().default(2525),
  /** Speak LMTP (RFC 2033) instead of SMTP on the listener, for Postfix `lmtp:` transports. */
  MAIL_SMTP_LMTP: bool().default(false),
  /** Host name the listener greets with and outbound Message-IDs end in. */
  MAIL_HOSTNAME: z.string().regex(/^[A-Za-z0-9.-]+$/, { message: 'must be a host name such as helpdesk.example.com' }).default('helpdesk.localhost'),
  /** Largest inbound message in bytes (default 25 MiB); a larger one gets SMTP 552. */
  MAIL_MAX_MESSAGE_BYTES: positiveInt()
    .refine((bytes) => bytes <= GRPC_MAX_MESSAGE_BYTES - 1024 * 1024, { message: 'must leave 1 MiB under the 64 MiB gRPC message limit' })
    .default(25 * 1024 * 1024),
  /** Largest single attachment of an inbound message in bytes (default 20 MiB); a larger one gets SMTP 552. */
  MAIL_MAX_ATTACHMENT_BYTES: positiveInt().default(20 * 1024 * 1024),
  /** How often every replica looks for stored inbound mail whose processing was interrupted (crash after the 250), and how old it must be. */
  MAIL_INBOUND_RECOVERY_INTERVAL: duration().default(30_000),
  /**
   * Stored SMTP mails that may await processing while already answered 250; when more wait (or
   * their raw bytes exceed MAIL_INBOUND_BACKLOG_BYTES), a 250 waits for its mail's processing
   * again. 0: every 250 waits for the processing (the behaviour before).
   */
  MAIL_INBOUND_BACKLOG: z.coerce.number().int().min(0, { message: 'must be 0 or more' }).default(512),
  /** Raw bytes those answered but unprocessed mails may hold in memory (default 64 MiB). */
  MAIL_INBOUND_BACKLOG_BYTES: z.coerce.number().int().min(0, { message: 'must be 0 or more' }).default(64 * 1024 * 1024),
  /**
   * Failed attempts at processing one stored mail on its own (batch fallback, recovery passes)
   * before it is given up: published minimally (envelope, readable headers, a note of the
   * failure, the raw reference) so that it still becomes a ticket.
   */
  MAIL_PROCESSING_MAX_ATTEMPTS: positiveInt().default(5),
  /** Whether IMAP accounts of mailboxes are watched (IDLE, else polled). */
  MAIL_IMAP_ENABLED: bool().default(true),
  /** Pause between two sweeps of a mailbox when its server lacks IDLE; with IDLE, the interval of a safety sweep. */
  MAIL_IMAP_POLL_INTERVAL: duration().default(30_000),
  /** How often the list of mailboxes with IMAP accounts is re-read (a new or changed account is watched after at most this long). */
  MAIL_IMAP_MAILBOX_REFRESH: duration().default(10_000),
  /** First delay before reconnecting a failed IMAP connection; doubles per failure, at most 1 min. */
  MAIL_IMAP_RECONNECT_BASE: duration().default(1_000),
  /** Ticket tag in subjects: `[<TAG>#<ticket number>]`, e.g. `[Ticket#T-100234]`. */
  MAIL_SUBJECT_TAG: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,19}$/, { message: 'must be 1 to 20 letters, digits or dashes, starting with a letter' }).default('Ticket'),
  /** Most auto-acknowledgements one sender address gets per hour (loop protection between auto-responders). */
  MAIL_AUTO_ACK_PER_HOUR: z.coerce.number().int().min(0, { message: 'must be 0 or more' }).default(3),
  /** Next SMTP server for outbound mail (relay / smarthost). */
  MAIL_SMTP_RELAY_URL: smtpUrl().default(new URL('smtp://127.0.0.1:25')),
  /** Whether outbound mail is sent (off: queued only, e.g. on a laptop without a relay). */
  MAIL_OUTBOUND_ENABLED: bool().default(true),
  /** Delivery attempts of one outbound mail before it fails with retries_exhausted (temporary 4xx errors). */
  MAIL_SEND_MAX_ATTEMPTS: positiveInt().default(8),
  /** Delay before the second attempt; doubles with every further attempt (capped at 1 h). */
  MAIL_SEND_RETRY_BASE: duration().default(60_000),
  /** How often the sender looks for due outbound mail (it is also woken when mail is queued). */
  MAIL_SEND_POLL_INTERVAL: duration().default(1_000),
  /** gRPC address of the ticket service, where the files of outbound ticket messages (agents' uploads) are fetched. */
  MAIL_TICKET_GRPC_ADDRESS: z.string().regex(/^[^\s:]+:\d+$/, { message: 'must be host:port such as 127.0.0.1:50051' }).default('127.0.0.1:50051'),
  /** Bearer token (role integration) for the ticket service; unset: with AUTH_JWT_SECRET the gateway signs its own (development). */
  MAIL_TICKET_GRPC_TOKEN: z.string().min(1).optional(),
  /** Language of templates when neither the contact nor the mailbox has one: `de` or `en`. */
  MAIL_DEFAULT_LANGUAGE: z.enum(['de', 'en'], { message: 'must be de or en' }).default('en'),
  /** Whether a start without mailboxes creates the demo mailbox (support@helpdesk.localhost); `npm start` sets it. */
  DEMO_DATA: bool().default(false),
});

/** The parsed configuration. */
export type MailGatewayConfig = z.infer<typeof mailGatewayConfigSchema> & ServiceConfig;
