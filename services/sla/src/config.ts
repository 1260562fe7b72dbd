import { bool, positiveInt } from '@helpdesk/config';
import { serviceConfigSchema, type ServiceConfig } from '@helpdesk/runtime';
import { z } from 'zod';

/** The SLA service's environment (ARCHITECTURE.md default ports 50054 / 8084). */
export const slaConfigSchema = serviceConfigSchema({ grpc: 50054, http: 8084 }).extend({
  /** Policy for tickets whose contract names none (or that have no contract); empty: such tickets get no clocks. */
  SLA_DEFAULT_POLICY_ID: z
    .union([z.literal(''), z.uuid({ message: 'must be a UUID of an SLA policy, or empty for none' })])
    .default('')
    .transform((id) => (id === '' ? null : id)),
  /** Milliseconds between timer polls when nothing was due; bounds how late a warning or breach fires. */
  SLA_TIMER_POLL_MS: positiveInt().default(200),
  /** Due clocks claimed per timer transaction. */
  SLA_TIMER_BATCH: positiveInt().default(500),
  /** Clocks recomputed per transaction after a policy or calendar change. */
  SLA_RECOMPUTE_BATCH: positiveInt().default(2000),
  /** Recompute batches run at once, each in its own transaction and connection. */
  SLA_RECOMPUTE_CONCURRENCY: positiveInt().default(3),
  /** Milliseconds a recompute job stays with its replica without progress before another replica takes it over. */
  SLA_RECOMPUTE_LEASE_MS: positiveInt().default(60_000),
  /** Milliseconds between looks for recompute jobs a dead replica left unfinished. */
  SLA_RECOMPUTE_RESUME_MS: positiveInt().default(5_000),
  /** Whether a start with no policies loads the demo policies and calendars; `npm start` sets it. */
  DEMO_DATA: bool().default(false),
});

/** The parsed configuration. */
export type SlaConfig = z.infer<typeof slaConfigSchema> & ServiceConfig;
