import { duration, positiveInt, type CommonConfig } from '@helpdesk/config';
import { z } from 'zod';
import type { MessagingModuleOptions } from '../nest/messaging-module.options';

/**
 * The messaging knobs a service may expose besides the common ones (`EVENT_RETENTION`,
 * `EVENT_DUPLICATE_WINDOW`, `CONSUMER_MAX_DELIVER`, `CONSUMER_CONCURRENCY`): extend a service schema with
 * `commonConfigSchema.extend(messagingConfigSchema.shape)`.
 */
export const messagingConfigSchema = z.object({
  /** Outbox rows the relay publishes per pass. */
  OUTBOX_BATCH_SIZE: positiveInt().default(500),
  /** Fallback poll of the relay when no NOTIFY arrives. */
  OUTBOX_POLL_INTERVAL: duration().default(1_000),
  /** How long published outbox rows are kept before the relay deletes them. */
  OUTBOX_PUBLISHED_RETENTION: duration().default(7 * 86_400_000),
  /** First nak delay after a failed handler; doubles per delivery. */
  CONSUMER_RETRY_INITIAL: duration().default(1_000),
  /** Largest nak delay. */
  CONSUMER_RETRY_MAX: duration().default(60_000),
  /** JetStream ack wait of the service's consumers. */
  CONSUMER_ACK_WAIT: duration().default(30_000),
});

/** The parsed messaging knobs. */
export type MessagingConfig = z.infer<typeof messagingConfigSchema>;

/** The `streams`, `relay` and `consumers` parts of {@link MessagingModuleOptions} from configuration. */
export function messagingSettings(
  config: Pick<CommonConfig, 'EVENT_RETENTION' | 'EVENT_DUPLICATE_WINDOW' | 'CONSUMER_MAX_DELIVER' | 'CONSUMER_CONCURRENCY'> & MessagingConfig,
): Pick<MessagingModuleOptions, 'streams' | 'relay' | 'consumers'> {
  return {
    streams: { maxAgeMs: config.EVENT_RETENTION, duplicateWindowMs: config.EVENT_DUPLICATE_WINDOW },
    relay: {
      batchSize: config.OUTBOX_BATCH_SIZE,
      pollIntervalMs: config.OUTBOX_POLL_INTERVAL,
      retentionMs: config.OUTBOX_PUBLISHED_RETENTION,
    },
    consumers: {
      maxDeliver: config.CONSUMER_MAX_DELIVER,
      retry: { initialMs: config.CONSUMER_RETRY_INITIAL, maxMs: config.CONSUMER_RETRY_MAX },
      ackWaitMs: config.CONSUMER_ACK_WAIT,
      concurrency: config.CONSUMER_CONCURRENCY,
    },
  };
}
