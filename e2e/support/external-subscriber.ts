import { connectNats } from '@helpdesk/messaging';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';

/** One event as an external system receives it: the CloudEvents envelope, in arrival order. */
export interface SeenEvent {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  /** The CloudEvents `subject` (the ticket, call, contract… the event is about). */
  readonly subject: string;
  readonly time: string;
  readonly traceparent: string | undefined;
  readonly data: Record<string, unknown>;
  /** Position in arrival order (first deliveries only). */
  readonly seq: number;
}

/**
 * An enterprise system listening to the platform with the read-only account's user (a core NATS
 * subscription on `helpdesk.>`, which is all that account may do). A publish repeated after a crash
 * reaches a core subscriber twice (JetStream drops the duplicate only from the stream), so `events`
 * keeps the first delivery of each event id and `deliveries` counts every one.
 */
export class ExternalSubscriber {
  readonly events: SeenEvent[] = [];
  readonly deliveries = new Map<string, number>();
  private subscription: Subscription | undefined;
  private constructor(private readonly connection: NatsConnection) {}

  static async connect(url: string, credsFile: string): Promise<ExternalSubscriber> {
    const subscriber = new ExternalSubscriber(await connectNats({ url, credsFile, name: 'e2e-external-subscriber' }));
    subscriber.subscription = subscriber.connection.subscribe('helpdesk.>', { callback: (error, msg) => (error ? undefined : subscriber.receive(msg.json<Record<string, unknown>>())) });
    await subscriber.connection.flush();
    return subscriber;
  }

  private receive(envelope: Record<string, unknown>): void {
    const id = String(envelope['id']);
    const count = (this.deliveries.get(id) ?? 0) + 1;
    this.deliveries.set(id, count);
    if (count > 1) return;
    this.events.push({
      id,
      type: String(envelope['type']),
      source: String(envelope['source']),
      subject: String(envelope['subject'] ?? ''),
      time: String(envelope['time']),
      traceparent: typeof envelope['traceparent'] === 'string' ? envelope['traceparent'] : undefined,
      data: (envelope['data'] ?? {}) as Record<string, unknown>,
      seq: this.events.length,
    });
  }

  /** Events of `type` (e.g. `helpdesk.ticket.created.v1`), optionally only those `where` holds. */
  ofType(type: string, where: (e: SeenEvent) => boolean = () => true): SeenEvent[] {
    return this.events.filter((e) => e.type === type && where(e));
  }

  async close(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.connection.close();
  }
}

/** The trace id of a W3C `traceparent` (`00-<trace id>-<span id>-<flags>`). */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  return /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/.exec(traceparent ?? '')?.[1];
}
