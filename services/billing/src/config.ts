import { bool, positiveInt, timeZone } from '@helpdesk/config';
import { serviceConfigSchema, type ServiceConfig } from '@helpdesk/runtime';
import { z } from 'zod';

/** The billing service's environment (ARCHITECTURE.md default ports 50055 / 8085). */
export const billingConfigSchema = serviceConfigSchema({ grpc: 50055, http: 8085 }).extend({
  /** IANA time zone whose calendar days decide billing periods, quota periods and plan versions of work (e.g. `Europe/Berlin`). */
  BILLING_TIME_ZONE: timeZone().default('Europe/Berlin'),
  /** Whether a start without any plan creates the demo plans that the ticket demo's contracts name; `npm start` sets it. */
  DEMO_DATA: bool().default(false),
  /**
   * Size budget of one published event's data in bytes (JSON): a statement's events are split to
   * stay under it (statement.issued.v2 in parts, line.created's source items capped). Keep it well
   * under the NATS server's `max_payload` (1 MB by default), leaving room for the envelope.
   */
  BILLING_EVENT_BUDGET_BYTES: positiveInt().default(262_144),
});

/** The parsed configuration. */
export type BillingConfig = z.infer<typeof billingConfigSchema> & ServiceConfig;
