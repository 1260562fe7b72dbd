import { randomUUID } from 'node:crypto';
import { withTransaction } from '@helpdesk/persistence';
import { expectEventually, readEvents, streamMessageCount, TcpProxy } from '@helpdesk/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { CloudEvent } from '@helpdesk/contracts';
import { silentLogger } from '../src/logging/messaging-logger';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { createMessagingHarness, type MessagingHarness } from './support/messaging-harness';
import { note, noteAddedV1 } from './support/test-events';

describe('outbox relay while NATS is unreachable', () => {
  let h: MessagingHarness;
  let proxy: TcpProxy;
  let relayNc: NatsConnection;
  let relay: OutboxRelay;
  const publisher = new OutboxPublisher({ service: 'relay-test' });
  const metrics = { backlog: -1, published: 0, delays: [] as number[] };

  beforeAll(async () => {
    h = await createMessagingHarness('relay-nats-down');
    proxy = await TcpProxy.start(h.nats.url, 4222);
    relayNc = await connect({ servers: proxy.url('nats'), maxReconnectAttempts: -1, reconnectTimeWait: 50 });
    relay = new OutboxRelay({
      databaseUrl: h.db.url,
      nc: relayNc,
      naming: h.nats.naming,
      pollIntervalMs: 200,
      retry: { initialMs: 20, maxMs: 200 },
      publishTimeoutMs: 500,
      backlogIntervalMs: 20,
      metrics: {
        setBacklog: (rows) => (metrics.backlog = rows),
        published: (count) => (metrics.published += count),
        observeCommitToAck: (seconds) => metrics.delays.push(seconds),
        parked: () => undefined,
      },
      logger: silentLogger,
    });
    relay.start();
  });

  afterAll(async () => {
    await relay.stop();
    await relayNc.close();
    await proxy.close();
    await h.cleanup();
  });

  const stream = () => h.nats.naming.streamName('HELPDESK_TICKET');
  const unpublished = async () =>
    Number((await h.dataSource.query(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0].n);

  it('keeps the events while NATS is down and publishes them once, in order, when it returns', async () => {
    await proxy.cut();
    const ticket = randomUUID();
    const written: CloudEvent[] = [];
    // Twelve events: positions cross from one digit to two, so a text sort would show.
    for (let i = 0; i < 10; i += 1) {
      written.push(...(await withTransaction(h.dataSource, (m) => publisher.add(m, { event: noteAddedV1, subject: ticket, data: note(ticket, `n${i}`) }))));
    }
    written.push(
      ...(await withTransaction(h.dataSource, (m) =>
        publisher.add(m, [
          { event: noteAddedV1, subject: ticket, data: note(ticket, 'n10') },
          { event: noteAddedV1, subject: ticket, data: note(ticket, 'n11') },
        ]),
      )),
    );

    expect(await unpublished()).toBe(12);
    expect(await streamMessageCount(h.nats.nc, stream())).toBe(0);
    await expectEventually(() => expect(metrics.backlog).toBe(12));

    await proxy.restore();
    await expectEventually(async () => expect(await unpublished()).toBe(0), { timeoutMs: 15_000 });

    const events = await readEvents(h.nats.nc, { stream: stream(), subject: h.nats.naming.subject(noteAddedV1.type), count: 12 });
    expect(events.map((e) => e.event.id)).toEqual(written.map((e) => e.id));
    expect(events.map((e) => e.headers['Nats-Msg-Id'])).toEqual(written.map((e) => e.id));
    expect(events.map((e) => (e.event.data as { note: string }).note)).toEqual(Array.from({ length: 12 }, (_, i) => `n${i}`));
    expect(await streamMessageCount(h.nats.nc, stream())).toBe(12);
    const rows: { published_at: Date | null }[] = await h.dataSource.query(`SELECT published_at FROM outbox ORDER BY position`);
    expect(rows.every((r) => r.published_at instanceof Date)).toBe(true);
    expect(metrics.published).toBe(12);
    expect(metrics.delays).toHaveLength(12);
    await expectEventually(() => expect(metrics.backlog).toBe(0));
  });
});
