import { connectNats } from '@helpdesk/messaging';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

/** Where every durable consumer stands: events not yet delivered plus events delivered but not acknowledged. */
export interface Backlog {
  readonly total: number;
  /** `<stream>/<durable>: <pending>+<unacked>` for the consumers that are behind. */
  readonly behind: readonly string[];
}

/**
 * The operator's view of the platform (the `ops` user of the platform account): how far every
 * service's durable consumers are behind. The journey waits for zero before it checks an effect that
 * depends on an event of another stream having arrived first (e.g. the SLA service must know the
 * contract before the ticket's first event, or the ticket gets the default policy) — in production
 * the directory is filled long before tickets arrive; a test that creates both within a second must
 * wait for it explicitly.
 */
export class ConsumerWatch {
  private constructor(private readonly connection: NatsConnection) {}

  static async connect(url: string, credsFile: string): Promise<ConsumerWatch> {
    return new ConsumerWatch(await connectNats({ url, credsFile, name: 'e2e-ops' }));
  }

  async backlog(): Promise<Backlog> {
    const jsm = await jetstreamManager(this.connection);
    const behind: string[] = [];
    let total = 0;
    for await (const stream of jsm.streams.list()) {
      for await (const consumer of jsm.consumers.list(stream.config.name)) {
        const waiting = consumer.num_pending + consumer.num_ack_pending;
        total += waiting;
        if (waiting > 0) behind.push(`${stream.config.name}/${consumer.name}: ${consumer.num_pending}+${consumer.num_ack_pending}`);
      }
    }
    return { total, behind };
  }

  /** Resolves once every consumer of every stream has acknowledged everything (checked twice, 300 ms apart, since handlers publish further events). */
  async drained(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietChecks = 0;
    while (quietChecks < 2) {
      const last = await this.backlog();
      quietChecks = last.total === 0 ? quietChecks + 1 : 0;
      if (Date.now() > deadline) throw new Error(`consumers still behind after ${timeoutMs / 1_000} s: ${last.behind.join(', ')}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
