import { ChannelListener } from '@helpdesk/persistence';
import type { MessagingLogger } from '../logging/messaging-logger';

/** The channel the `outbox_notify` trigger signals, with the table's schema as payload. */
export const OUTBOX_CHANNEL = 'helpdesk_outbox';

/**
 * Calls `onInsert` when a transaction that wrote rows to this schema's outbox commits, and once
 * whenever listening (re)starts, so rows committed while nobody listened are found. While the
 * connection is down the relay's fallback poll keeps things moving.
 */
export function outboxListener(url: string, schema: string, onInsert: () => void, logger: MessagingLogger): ChannelListener {
  return new ChannelListener({ url, channel: OUTBOX_CHANNEL, schema, applicationName: 'outbox-listener' }, { notified: onInsert }, logger);
}
