import { bool, timeZone } from '@helpdesk/config';
import { serviceConfigSchema, type ServiceConfig } from '@helpdesk/runtime';
import { z } from 'zod';

/** The billing service's environment (ARCHITECTURE.md default ports 50055 / 8085). */
export const billingConfigSchema = serviceConfigSchema({ grpc: 50055, http: 8085 }).extend({
  /** IANA time zone whose calendar days decide billing periods, quota periods and plan versions of work (e.g. `Europe/Berlin`). */
  BILLING_TIME_ZONE: timeZone().default('Europe/Berlin'),
  /** Whether a start without any plan creates the demo plans that the ticket demo's contracts name; `npm start` sets it. */
  DEMO_DATA: bool().default(false),
});

/** The parsed configuration. */
export type BillingConfig = z.infer<typeof billingConfigSchema> & ServiceConfig;
