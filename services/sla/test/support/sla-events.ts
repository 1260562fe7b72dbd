import type { CloudEvent } from '@helpdesk/contracts';
import type { TestNats } from '@helpdesk/testing';
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';

/**
 * Reads SLA events about one ticket from the start of the SLA stream until `until` is satisfied
 * by what arrived (or the timeout passes, failing with what arrived).
 */
export function slaEventsOf(nats: TestNats, ticketId: string, until: (events: CloudEvent[]) => boolean, timeoutMs = 30_000): Promise<CloudEvent[]> {
  return slaEventsWhere(nats, (e) => e.subject === ticketId, until, timeoutMs, ticketId);
}

/** Like {@link slaEventsOf} for the events `keep` selects. */
export async function slaEventsWhere(
  nats: TestNats,
  keep: (event: CloudEvent) => boolean,
  until: (events: CloudEvent[]) => boolean,
  timeoutMs = 30_000,
  label = 'the selection',
): Promise<CloudEvent[]> {
  const consumer = await jetstream(nats.nc).consumers.get(nats.naming.streamName('HELPDESK_SLA'), {
    filter_subjects: nats.naming.subject('helpdesk.sla.>'),
    deliver_policy: DeliverPolicy.All,
  });
  const events: CloudEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  try {
    while (!until(events)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SLA events of ${label} so far: ${events.map((e) => `${e.type}:${(e.data as { reason?: string }).reason ?? ''}`).join(', ')}`);
      const msg = await consumer.next({ expires: Math.max(1_000, Math.min(left, 5_000)) });
      if (!msg) continue;
      const event = msg.json<CloudEvent>();
      if (keep(event)) events.push(event);
    }
  } finally {
    await consumer.delete().catch(() => undefined);
  }
  return events;
}

/** Events of one type. */
export const ofType = (events: readonly CloudEvent[], type: string) => events.filter((e) => e.type === type);
