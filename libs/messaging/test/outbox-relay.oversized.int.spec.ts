import { randomUUID } from 'node:crypto';
import { SubjectNaming, type CloudEvent } from '@helpdesk/contracts';
import { createDataSource, platformMigrations, runMigrations, withTransaction } from '@helpdesk/persistence';
import { createTestDatabase, expectEventually, readEvents, streamMessageCount, uniqueName, type TestDatabase } from '@helpdesk/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import type { MessagingLogger } from '../src/logging/messaging-logger';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { listParkedEvents, requeueParkedEvents } from '../src/outbox/parked-events';
import { ensureStreams } from '../src/streams/ensure-streams';
import { startPrivateNats, type PrivateNats } from './support/private-nats';
import { note, noteAddedV1 } from './support/test-events';

const SMALL_LIMIT = 4_096;

class Rollback extends Error {}

describe('outbox relay and an event larger than NATS max_payload', () => {
  let server: PrivateNats;
  let db: TestDatabase;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let relayNc: NatsConnection;
  let relay: OutboxRelay;
  const naming = new SubjectNaming(`${uniqueName('oversized')}.`);
  const publisher = new OutboxPublisher({ service: 'relay-test' });
  const metrics = { parked: 0, published: 0 };
  const errors: { fields: Record<string, unknown>; message: string }[] = [];
  const logger: MessagingLogger = { info: () => undefined, warn: () => undefined, error: (fields, message) => errors.push({ fields, message }) };
  const ticket = randomUUID();
  const written: CloudEvent[] = [];

  beforeAll(async () => {
    server = await startPrivateNats({ maxPayload: SMALL_LIMIT });
    db = await createTestDatabase('oversized');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: [...platformMigrations], poolSize: 4 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    nc = await connect({ servers: server.url, maxReconnectAttempts: -1, reconnectTimeWait: 50 });
    await ensureStreams(await jetstreamManager(nc), naming, { maxAgeMs: 3_600_000, duplicateWindowMs: 120_000 });
    relayNc = await connect({ servers: server.url, maxReconnectAttempts: -1, reconnectTimeWait: 50 });
    relay = new OutboxRelay({
      databaseUrl: db.url,
      nc: relayNc,
      naming,
      pollIntervalMs: 200,
      retry: { initialMs: 20, maxMs: 200 },
      publishTimeoutMs: 2_000,
      metrics: {
        setBacklog: () => undefined,
        published: (count) => (metrics.published += count),
        observeCommitToAck: () => undefined,
        parked: (count) => (metrics.parked += count),
      },
      logger,
    });
  });

  afterAll(async () => {
    await relay.stop();
    await relayNc.close();
    await nc.close();
    await dataSource.destroy();
    await db.drop();
    await server.stop();
  });

  const stream = () => naming.streamName('HELPDESK_TICKET');
  const subject = () => naming.subject(noteAddedV1.type);
  const unpublished = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0].n);
  const parkedCount = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM outbox_parked`))[0].n);
  const write = async (text: string): Promise<CloudEvent> => {
    const [event] = await withTransaction(dataSource, (m) => publisher.add(m, { event: noteAddedV1, subject: ticket, data: note(ticket, text) }));
    if (!event) throw new Error('no event written');
    written.push(event);
    return event;
  };
  /** The relay's payload size for a note of `text`, measured in a transaction rolled back. */
  const envelopeBytes = async (text: string): Promise<number> => {
    let bytes = 0;
    await withTransaction(dataSource, async (m) => {
      await publisher.add(m, { event: noteAddedV1, subject: ticket, data: note(ticket, text) });
      bytes = Number((await m.query(`SELECT octet_length(envelope::text) AS n FROM outbox ORDER BY position DESC LIMIT 1`))[0].n);
      throw new Rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
    return bytes;
  };

  it('publishes the small events around a big one in order and parks the big one with its reason', async () => {
    const first = await write('first');
    const big = await write('x'.repeat(6_000));
    const last = await write('last');
    relay.start();

    await expectEventually(async () => expect(await parkedCount()).toBe(1), { timeoutMs: 15_000 });
    await expectEventually(async () => expect(await unpublished()).toBe(0), { timeoutMs: 15_000 });

    const events = await readEvents(nc, { stream: stream(), subject: subject(), count: 2 });
    expect(events.map((e) => e.event.id)).toEqual([first.id, last.id]);
    expect(await streamMessageCount(nc, stream())).toBe(2);

    const [parked] = await listParkedEvents(dataSource);
    expect(parked).toMatchObject({ eventId: big.id, type: noteAddedV1.type });
    expect(parked?.sizeBytes).toBeGreaterThan(SMALL_LIMIT);
    expect(parked?.reason).toBe(`payload of ${parked?.sizeBytes} bytes exceeds the NATS server's max_payload of ${SMALL_LIMIT} bytes (not sent)`);
    // The whole row moved: the envelope is the one written, and the outbox no longer has it.
    const [row] = await dataSource.query(`SELECT envelope->>'id' AS id, envelope->'data'->>'note' AS note FROM outbox_parked`);
    expect(row).toEqual({ id: big.id, note: 'x'.repeat(6_000) });
    expect(Number((await dataSource.query(`SELECT count(*) AS n FROM outbox WHERE event_id = $1`, [big.id]))[0].n)).toBe(0);

    expect(metrics.parked).toBe(1);
    expect(relay.stats.parked).toBe(1);
    expect(metrics.published).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.fields).toMatchObject({ eventId: big.id, type: noteAddedV1.type, sizeBytes: parked?.sizeBytes, maxPayload: SMALL_LIMIT });
  });

  it('also parks an envelope that fits alone but not with its headers (refused by nats.js, nothing sent)', async () => {
    const probe = 'y'.repeat(100);
    const target = SMALL_LIMIT - 16;
    const borderline = await write('y'.repeat(probe.length + target - (await envelopeBytes(probe))));

    await expectEventually(async () => expect(await parkedCount()).toBe(2), { timeoutMs: 15_000 });
    const parked = await listParkedEvents(dataSource, { eventIds: [borderline.id] });
    expect(parked).toHaveLength(1);
    expect(parked[0]?.sizeBytes).toBe(target);
    expect(parked[0]?.reason).toContain("'payload' max_payload size exceeded");
    expect(metrics.parked).toBe(2);
    expect(await streamMessageCount(nc, stream())).toBe(2);
  });

  it('publishes requeued events once after a restart on a bigger limit (and parks them again before)', async () => {
    const [, big, , borderline] = written;
    if (!big || !borderline) throw new Error('earlier tests did not run');

    // Requeued while the limit is still small: parked again, nothing else happens.
    expect((await requeueParkedEvents(dataSource, { eventIds: [big.id] })).map((e) => e.eventId)).toEqual([big.id]);
    await expectEventually(async () => expect(metrics.parked).toBe(3), { timeoutMs: 15_000 });
    expect(await parkedCount()).toBe(2);

    await server.restart({ maxPayload: 64 * 1_024 });
    await expectEventually(() => expect(relayNc.info?.max_payload).toBe(64 * 1_024), { timeoutMs: 20_000 });

    // In outbox order: the big one was parked again after the borderline one, with a later position.
    const requeued = await requeueParkedEvents(dataSource);
    expect(requeued.map((e) => e.eventId)).toEqual([borderline.id, big.id]);
    await expectEventually(async () => expect(await unpublished()).toBe(0), { timeoutMs: 15_000 });
    expect(await parkedCount()).toBe(0);

    // The test's own connection may still be reconnecting, or reach the restarted server before its
    // JetStream has recovered the stream (a request then times out): ask until the stream answers.
    await expectEventually(async () => expect(await streamMessageCount(nc, stream())).toBe(4), { timeoutMs: 20_000 });
    const events = await readEvents(nc, { stream: stream(), subject: subject(), count: 4 });
    const [first, , last] = written;
    expect(events.map((e) => e.event.id)).toEqual([first?.id, last?.id, borderline.id, big.id]);
    expect(events.map((e) => e.headers['Nats-Msg-Id'])).toEqual(events.map((e) => e.event.id));
    expect((events[3]?.event.data as { note: string }).note).toBe('x'.repeat(6_000));

    expect(await requeueParkedEvents(dataSource)).toEqual([]);
    expect(await streamMessageCount(nc, stream())).toBe(4);
    expect(metrics.parked).toBe(3);
    expect(relay.stats.published).toBe(4);
  });

  it("parks an event over the stream's max_msg_size (JetStream refuses it) and goes on", async () => {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.update(stream(), { max_msg_size: 3_000 });
    const big = await write('z'.repeat(3_500));
    const after = await write('after');

    await expectEventually(async () => expect(await unpublished()).toBe(0), { timeoutMs: 15_000 });
    const parked = await listParkedEvents(dataSource);
    expect(parked.map((p) => p.eventId)).toEqual([big.id]);
    expect(parked[0]?.reason).toContain('stream max_msg_size');
    expect(metrics.parked).toBe(4);
    const events = await readEvents(nc, { stream: stream(), subject: subject(), count: 5 });
    expect(events[4]?.event.id).toBe(after.id);
  });
});
