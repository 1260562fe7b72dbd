import { Client } from 'pg';
import { jetstreamManager, jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { jwtVerify } from 'jose';
import {
  TEST_JWT_SECRET,
  TcpProxy,
  createTestDatabase,
  createTestNats,
  expectEventually,
  readEvents,
  signTestJwt,
  streamMessageCount,
  type TestDatabase,
  type TestNats,
} from '../src';

describe('test harness', () => {
  let db: TestDatabase;
  let nats: TestNats;

  beforeAll(async () => {
    db = await createTestDatabase('harness');
    nats = await createTestNats('harness');
  });
  afterAll(async () => {
    await db.drop();
    await nats.cleanup();
  });

  it('gives the file a fresh database of its own and drops it', async () => {
    const other = await createTestDatabase('harness other');
    expect(other.name).not.toBe(db.name);
    const client = new Client({ connectionString: other.url });
    await client.connect();
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    expect(rows[0]?.db).toBe(other.name);
    await client.end();
    await other.drop();
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const left = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [other.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });

  it('isolates subjects and streams behind a unique prefix', async () => {
    const other = await createTestNats('harness');
    expect(other.prefix).not.toBe(nats.prefix);
    const jsm = await jetstreamManager(nats.nc);
    const stream = nats.naming.streamName('HELPDESK_TICKET');
    await jsm.streams.add({ name: stream, subjects: [nats.naming.subject('helpdesk.ticket.>')] });
    const js = jetstream(nats.nc);
    const event = { specversion: '1.0', id: '1', type: 'helpdesk.ticket.created.v1', data: {} };
    await js.publish(nats.naming.subject('helpdesk.ticket.created.v1'), JSON.stringify(event));
    const [read] = await readEvents(nats.nc, { stream, subject: nats.naming.subject('helpdesk.ticket.>'), count: 1 });
    expect(read?.event.id).toBe('1');
    expect(await streamMessageCount(other.nc, other.naming.streamName('HELPDESK_TICKET'))).toBe(0);
    await other.cleanup();
  });

  it('fails a read with what arrived when events are missing', async () => {
    const jsm = await jetstreamManager(nats.nc);
    const stream = nats.naming.streamName('HELPDESK_SLA');
    await jsm.streams.add({ name: stream, subjects: [nats.naming.subject('helpdesk.sla.>')] });
    await expect(readEvents(nats.nc, { stream, subject: nats.naming.subject('helpdesk.sla.>'), count: 1, timeoutMs: 1_000 })).rejects.toThrow(
      /expected 1 events .* got 0/,
    );
  });

  it('cuts and restores a TCP path to NATS', async () => {
    const proxy = await TcpProxy.start(nats.url, 4222);
    const first = await connect({ servers: proxy.url('nats'), reconnect: false });
    await first.close();
    await proxy.cut();
    await expect(connect({ servers: proxy.url('nats'), reconnect: false, timeout: 500 })).rejects.toThrow();
    await proxy.restore();
    const nc = await connect({ servers: proxy.url('nats'), reconnect: false });
    await nc.flush();
    await nc.close();
    await proxy.close();
  });

  it('polls until an assertion holds, and rethrows the last failure after the timeout', async () => {
    let calls = 0;
    await expect(expectEventually(() => { calls += 1; if (calls < 3) throw new Error('not yet'); return calls; })).resolves.toBe(3);
    await expect(expectEventually(() => { throw new Error('never'); }, { timeoutMs: 100 })).rejects.toThrow('never');
  });

  it('signs tokens with the shared test secret', async () => {
    const token = await signTestJwt({ roles: ['customer'], customerId: 'c1', contactId: 'p1' });
    const { payload } = await jwtVerify(token, new TextEncoder().encode(TEST_JWT_SECRET));
    expect(payload).toMatchObject({ roles: ['customer'], customer_id: 'c1', contact_id: 'p1', sub: 'test-user' });
  });
});
