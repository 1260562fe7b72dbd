import { randomUUID } from 'node:crypto';
import { withTransaction } from '@helpdesk/persistence';
import { expectEventually, readEvents, streamMessageCount } from '@helpdesk/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { silentLogger } from '../src/logging/messaging-logger';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { createMessagingHarness, type MessagingHarness } from './support/messaging-harness';
import { note, noteAddedV1 } from './support/test-events';

describe('two relays on one database', () => {
  let h: MessagingHarness;
  const connections: NatsConnection[] = [];
  const relays: OutboxRelay[] = [];
  const publisher = new OutboxPublisher({ service: 'relay-test' });

  beforeAll(async () => {
    h = await createMessagingHarness('relay-two');
    for (let i = 0; i < 2; i += 1) {
      const nc = await connect({ servers: h.nats.url, name: `relay-${i}` });
      connections.push(nc);
      relays.push(
        new OutboxRelay({ databaseUrl: h.db.url, nc, naming: h.nats.naming, lockRetryMs: 50, pollIntervalMs: 100, batchSize: 50, logger: silentLogger }),
      );
    }
  });

  afterAll(async () => {
    for (const relay of relays) await relay.stop();
    for (const nc of connections) await nc.close();
    await h.cleanup();
  });

  const stream = () => h.nats.naming.streamName('HELPDESK_TICKET');
  const unpublished = async () =>
    Number((await h.dataSource.query(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0].n);

  /** `writers` concurrent writers, each committing `transactions` transactions of two events. */
  async function write(writers: number, transactions: number): Promise<string[]> {
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: writers }, async () => {
        const ticket = randomUUID();
        for (let t = 0; t < transactions; t += 1) {
          const events = await withTransaction(h.dataSource, (m) =>
            publisher.add(m, [
              { event: noteAddedV1, subject: ticket, data: note(ticket, `${t}a`) },
              { event: noteAddedV1, subject: ticket, data: note(ticket, `${t}b`) },
            ]),
          );
          ids.push(...events.map((e) => e.id));
        }
      }),
    );
    return ids;
  }

  it('publishes each event once while events are written concurrently, with one relay holding the lock', async () => {
    for (const relay of relays) relay.start();
    const ids = await write(4, 25);
    expect(ids).toHaveLength(200);

    await expectEventually(async () => expect(await unpublished()).toBe(0), { timeoutMs: 15_000 });
    expect(await streamMessageCount(h.nats.nc, stream())).toBe(200);
    expect(relays[0]!.stats.published + relays[1]!.stats.published).toBe(200);
    expect(relays[0]!.stats.duplicates + relays[1]!.stats.duplicates).toBe(0);
    expect(relays.filter((r) => r.stats.lockAcquisitions > 0)).toHaveLength(1);
    expect(relays.filter((r) => r.isLeader)).toHaveLength(1);

    const events = await readEvents(h.nats.nc, { stream: stream(), subject: h.nats.naming.subject(noteAddedV1.type), count: 200 });
    expect(new Set(events.map((e) => e.event.id))).toEqual(new Set(ids));
  });

  it('lets the standby take over when the holder stops', async () => {
    const holder = relays.find((r) => r.isLeader)!;
    const standby = relays.find((r) => !r.isLeader)!;
    await holder.stop();
    const ids = await write(1, 5);

    await expectEventually(() => expect(standby.isLeader).toBe(true));
    await expectEventually(async () => expect(await unpublished()).toBe(0), { timeoutMs: 15_000 });
    expect(standby.stats.published).toBe(10);
    expect(standby.stats.lockAcquisitions).toBe(1);
    expect(await streamMessageCount(h.nats.nc, stream())).toBe(210);
    const events = await readEvents(h.nats.nc, { stream: stream(), subject: h.nats.naming.subject(noteAddedV1.type), count: 210 });
    expect(events.slice(200).map((e) => e.event.id)).toEqual(ids);
  });
});
