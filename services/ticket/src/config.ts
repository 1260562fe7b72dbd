import { bool, positiveInt, timeZone } from '@helpdesk/config';
import { serviceConfigSchema, type ServiceConfig } from '@helpdesk/runtime';
import { z } from 'zod';
import { isPhoneCountry } from './directory/contacts/phone-number';

const categoryList = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*(,[a-z][a-z0-9_-]*)*$/, { message: 'must be a comma-separated list of lower-case keys such as technical,billing' })
  .transform((value) => value.split(','))
  .refine((keys) => keys.includes('other'), { message: 'must include "other", the category of tickets created without one' });

/**
 * Largest gRPC request the ticket service accepts (grpc-js's default is 4 MiB): an AddMessage
 * carries its attachments inline, so this bounds one message's files together.
 */
export const GRPC_MAX_RECEIVE_BYTES = 64 * 1024 * 1024;
const MAX_ATTACHMENT_BYTES = GRPC_MAX_RECEIVE_BYTES - 1024 * 1024;

/** The ticket service's environment (ARCHITECTURE.md default ports 50051 / 8081). */
export const ticketConfigSchema = serviceConfigSchema({ grpc: 50051, http: 8081 }).extend({
  /** Prefix of the human-readable ticket number (`T-` → `T-100000`). */
  TICKET_NUMBER_PREFIX: z.string().regex(/^[A-Za-z0-9-]{0,10}$/, { message: 'must be up to 10 letters, digits or dashes' }).default('T-'),
  /** Allowed category keys, comma-separated; must include `other`, the default. */
  TICKET_CATEGORIES: categoryList.default(['technical', 'billing', 'sales', 'hr', 'other']),
  /** Days after closing within which a closed ticket may still be reopened. */
  TICKET_REOPEN_WINDOW_DAYS: positiveInt().default(14),
  /** Largest message attachment accepted, in bytes (default 25 MiB); a larger one refuses the message. */
  TICKET_ATTACHMENT_MAX_BYTES: positiveInt()
    .refine((bytes) => bytes <= MAX_ATTACHMENT_BYTES, { message: `must be at most ${MAX_ATTACHMENT_BYTES} (the gRPC request limit less 1 MiB for the rest of the message)` })
    .default(25 * 1024 * 1024),
  /** Activity types of the work log ("Leistungsprotokoll"), comma-separated lower-case keys. */
  TICKET_ACTIVITY_TYPES: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*(,[a-z][a-z0-9_-]*)*$/, { message: 'must be a comma-separated list of lower-case keys such as phone_support,on_site' })
    .transform((value) => value.split(','))
    .default(['phone_support', 'remote_support', 'on_site', 'development', 'consulting']),
  /** Longest work log entry in minutes (default 24 h); longer work is recorded as several entries. */
  TICKET_WORK_MAX_MINUTES: positiveInt().default(24 * 60),
  /** Minutes after a missed call that its callback task is due. */
  TICKET_CALLBACK_DUE_MINUTES: positiveInt().default(120),
  /** Minutes before a callback task's due time that its assignee is reminded. */
  TICKET_CALLBACK_REMINDER_LEAD_MINUTES: positiveInt().default(30),
  /** Hours within which a caller's open ticket must have changed for a call to join it (otherwise the call opens a new ticket). */
  TICKET_CALL_ATTACH_WINDOW_HOURS: positiveInt().default(72),
  /** Whether a ticket opened by an inbound mail sends the sender an auto-acknowledgement (when the mail gateway allows one). */
  TICKET_MAIL_AUTO_ACKNOWLEDGE: bool().default(true),
  /** Field separator of CSV exports: `;` (what Excel expects in German and most European locales) or `,` (RFC 4180's). */
  TICKET_EXPORT_CSV_DELIMITER: z.enum([';', ','], { message: 'must be ";" or ","' }).default(';'),
  /** IANA time zone of the times in exports (CSV cells, PDF list, file names), e.g. `Europe/Berlin`. */
  TICKET_EXPORT_TIME_ZONE: timeZone().default('UTC'),
  /** ISO 3166-1 alpha-2 country of directory phone numbers written without country code ("089 1234567" → +49…). */
  DIRECTORY_DEFAULT_COUNTRY: z
    .string()
    .refine(isPhoneCountry, { message: 'must be an ISO 3166-1 alpha-2 country code with a phone numbering plan, such as DE' })
    .default('DE'),
  /** IANA time zone whose calendar day is "today" for contract validity and warranty in CheckEntitlement. */
  DIRECTORY_TIME_ZONE: timeZone().default('Europe/Berlin'),
  /** IANA time zone of a queue created without one; a queue's weekly schedule is read in its zone. */
  QUEUE_DEFAULT_TIME_ZONE: timeZone().default('Europe/Berlin'),
  /** Whether a start with an empty directory loads the demo data set (customers, agents, queues, tickets); `npm start` sets it. */
  DEMO_DATA: bool().default(false),
});

/** The parsed configuration. */
export type TicketConfig = z.infer<typeof ticketConfigSchema> & ServiceConfig;
