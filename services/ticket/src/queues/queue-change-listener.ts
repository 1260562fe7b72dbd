import { ChannelListener, type ChannelEvents, type ChannelLogger } from '@helpdesk/persistence';

/** The channel the queue triggers signal (migration `notify-queue-changes`), with the schema as payload. */
export const QUEUES_CHANGED_CHANNEL = 'ticket_queues_changed';

/**
 * Tells `events` when a transaction that changed a queue, its members or its schedule committed
 * (or listening restarted: what was read before may be stale) and when listening stopped.
 */
export function queueChangeListener(url: string, schema: string, events: ChannelEvents, logger: ChannelLogger): ChannelListener {
  return new ChannelListener({ url, channel: QUEUES_CHANGED_CHANNEL, schema, applicationName: 'ticket-queue-listener' }, events, logger);
}
