import { bool, duration, positiveInt } from '@helpdesk/config';
import { serviceConfigSchema, type ServiceConfig } from '@helpdesk/runtime';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { z } from 'zod';

/** The telephony gateway's environment (ARCHITECTURE.md default ports 50053 / 8083). */
export const telephonyConfigSchema = serviceConfigSchema({ grpc: 50053, http: 8083 }).extend({
  /** ISO 3166-1 alpha-2 country of numbers the PBX sends without country code ("030 123456" → +4930123456). */
  TELEPHONY_DEFAULT_COUNTRY: z
    .string()
    .refine((country) => isSupportedCountry(country), { message: 'must be an ISO 3166-1 alpha-2 country code with a phone numbering plan, such as DE' })
    .default('DE'),
  /** Largest CTI webhook body in bytes; a larger one is refused with 413 before it is read to the end. */
  TELEPHONY_WEBHOOK_MAX_BYTES: positiveInt().default(64 * 1024),
  /** Hours a missed inbound call stays on the monitor as "awaiting callback" (unless called back earlier). */
  TELEPHONY_MISSED_CALL_WINDOW_HOURS: positiveInt().default(24),
  /** Hours after which a call still ringing or talking (its end never reported) leaves the monitor. */
  TELEPHONY_ACTIVE_CALL_MAX_HOURS: positiveInt().default(12),
  /** Milliseconds of the first AMI reconnect delay; doubles up to 30 s. */
  TELEPHONY_AMI_RECONNECT_MS: positiveInt().default(1000),
  /**
   * How long the outbox relay waits after being woken before it publishes (e.g. `5ms`, `0ms`): at
   * hundreds of call events a second the rows of many webhooks then go out in one pass, which
   * spares the database; call events reach NATS that much later (the monitor does not wait for it).
   */
  TELEPHONY_OUTBOX_COALESCE: duration().default(5),
  /** Whether an empty gateway creates the demo PBX connections at start (`npm start` sets it). */
  DEMO_DATA: bool().default(false),
});

/** The parsed configuration. */
export type TelephonyConfig = z.infer<typeof telephonyConfigSchema> & ServiceConfig;
