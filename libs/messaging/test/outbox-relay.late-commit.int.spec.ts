import { randomUUID } from 'node:crypto';
import { withTransaction } from '@helpdesk/persistence';
import { expectEventually, readEvents } from '@helpdesk/testing';
import { silentLogger } from '../src/logging/messaging-logger';
import { OutboxPublisher } from '../src/outbox/outbox-publisher';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { createMessagingHarness, type MessagingHarness } from './support/messaging-harness';
import { note, noteAddedV1 } from './support/test-events';

describe('outbox relay and a transaction that commits late', () => {
  let h: MessagingHarness;
  let relay: OutboxRelay;
  const publisher = new OutboxPublisher({ service: 'relay-test' });

  beforeAll(async () => {
    h = await createMessagingHarness('relay-late-commit');
    // floorLagMs 0: the floor moves past every published row at once, as it does under load.
    relay = new OutboxRelay({ databaseUrl: h.db.url, nc: h.nats.nc, naming: h.nats.naming, floorLagMs: 0, sweepIntervalMs: 200, pollIntervalMs: 50, logger: silentLogger });
    relay.start();
  });

  afterAll(async () => {
    await relay.stop();
    await h.cleanup();
  });

  const unpublished = async () =>
    Number((await h.dataSource.query(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0].n);

  it('publishes rows whose position lies below events that were published before they committed', async () => {
    const ticket = randomUUID();
    const slow = h.dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    const [late] = await publisher.add(slow.manager, { event: noteAddedV1, subject: randomUUID(), data: note(ticket, 'late') });
    const quick = await withTransaction(h.dataSource, (m) =>
      publisher.add(m, [1, 2, 3].map((i) => ({ event: noteAddedV1, subject: ticket, data: note(ticket, `quick${i}`) }))),
    );
    await expectEventually(async () => expect(relay.stats.published).toBe(3));

    await slow.commitTransaction();
    await slow.release();
    await expectEventually(async () => expect(await unpublished()).toBe(0));

    const events = await readEvents(h.nats.nc, { stream: h.nats.naming.streamName('HELPDESK_TICKET'), subject: h.nats.naming.subject(noteAddedV1.type), count: 4 });
    expect(events.map((e) => e.event.id)).toEqual([...quick.map((e) => e.id), late!.id]);
    const positions: { position: string }[] = await h.dataSource.query(`SELECT position::text FROM outbox ORDER BY position`);
    expect(positions).toHaveLength(4);
  });
});
