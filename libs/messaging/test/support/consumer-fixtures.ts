import type { CloudEvent, EventDefinition } from '@helpdesk/contracts';
import { headers } from '@nats-io/nats-core';
import type { EntityManager } from 'typeorm';
import { ConsumerRunner } from '../../src/consumer/consumer-runner';
import type { ConsumerRunnerOptions } from '../../src/consumer/consumer-runner.options';
import type { EventHandlerDefinition } from '../../src/consumer/event-handler';
import { silentLogger } from '../../src/logging/messaging-logger';
import type { ConsumerMetrics, HandleOutcome } from '../../src/metrics/messaging-metrics';
import { OutboxPublisher } from '../../src/outbox/outbox-publisher';
import type { MessagingHarness } from './messaging-harness';

/** Consumer metrics that remember what they were told. */
export class RecordingMetrics implements ConsumerMetrics {
  readonly outcomes: HandleOutcome[] = [];
  redeliveries = 0;
  lag: number | undefined;
  setLag(_stream: string, _consumer: string, pending: number): void {
    this.lag = pending;
  }
  redelivered(): void {
    this.redeliveries += 1;
  }
  handled(_consumer: string, outcome: HandleOutcome): void {
    this.outcomes.push(outcome);
  }
  observeHandlerDuration(): void {}
}

/** A runner for the harness, with quick retries and quiet logs. */
export function testRunner(
  h: MessagingHarness,
  handler: EventHandlerDefinition,
  overrides: Partial<ConsumerRunnerOptions> = {},
): ConsumerRunner {
  return new ConsumerRunner({
    handler,
    service: 'consumer-test',
    nc: h.nats.nc,
    naming: h.nats.naming,
    dataSource: h.dataSource,
    publisher: new OutboxPublisher({ service: 'consumer-test' }),
    retry: { initialMs: 50, maxMs: 500 },
    logger: silentLogger,
    ...overrides,
  });
}

/** Publishes a document straight to the event's subject, as the relay or a foreign producer would. */
export async function publishRaw(
  h: MessagingHarness,
  definition: EventDefinition,
  payload: CloudEvent | string,
  msgID?: string,
): Promise<void> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const id = msgID ?? (typeof payload === 'string' ? undefined : payload.id);
  await h.js.publish(h.nats.naming.subject(definition.type), body, { ...(id ? { msgID: id } : {}), headers: headers() });
}

/** The handler's effect: one row per handled event. */
export async function recordEffect(manager: EntityManager, eventId: string, text: string): Promise<void> {
  await manager.query(`INSERT INTO test_effects (event_id, note) VALUES ($1, $2)`, [eventId, text]);
}

/** Effect rows of one event id. */
export async function effectsOf(h: MessagingHarness, eventId: string): Promise<number> {
  const rows: { n: string }[] = await h.dataSource.query(`SELECT count(*) AS n FROM test_effects WHERE event_id = $1`, [eventId]);
  return Number(rows[0]?.n ?? 0);
}

/** Inbox rows of one event id. */
export async function inboxRowsOf(h: MessagingHarness, eventId: string): Promise<number> {
  const rows: { n: string }[] = await h.dataSource.query(`SELECT count(*) AS n FROM inbox WHERE event_id = $1`, [eventId]);
  return Number(rows[0]?.n ?? 0);
}
