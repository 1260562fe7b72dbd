import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SubjectNaming } from '@helpdesk/contracts';
import { connectNats, ensureStreams } from '@helpdesk/messaging';
import { expectEventually } from '@helpdesk/testing';
import { jetstream, jetstreamManager, type StreamConfig } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { startSecuredNats, type SecuredNats } from './support/secured-nats';

const STREAM_DIR = join(__dirname, '../nats/streams');
const API_TIMEOUT_MS = 30_000;

/**
 * Production's shape on one machine: a three-node JetStream cluster with the accounts config,
 * the R3 stream files applied by the ops user (what the stream Job does), then a service starting.
 */
describe('R3 streams on a three-node NATS cluster', () => {
  let nats: SecuredNats;
  const connections: NatsConnection[] = [];
  const definitions = readdirSync(STREAM_DIR).map((f) => JSON.parse(readFileSync(join(STREAM_DIR, f), 'utf8')) as StreamConfig);

  async function connectAs(user: string): Promise<NatsConnection> {
    const nc = await connectNats({ url: nats.url, name: user, credsFile: nats.creds(user) });
    connections.push(nc);
    return nc;
  }

  beforeAll(async () => {
    nats = await startSecuredNats(3);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(connections.map((nc) => nc.close()));
    await nats?.stop();
  });

  it('creates every stream with three replicas, and a starting service keeps them at three', async () => {
    // An R3 stream needs its raft group formed across the three servers before the API answers:
    // on a busy machine that takes longer than the client's default 5 s request timeout.
    // checkAPI off: the manager's own API probe would fail before the meta leader is elected.
    const jsm = await jetstreamManager(await connectAs('ops'), { timeout: API_TIMEOUT_MS, checkAPI: false });
    // The cluster elects its JetStream meta leader a moment after the ports open.
    await expectEventually(async () => expect((await jsm.getAccountInfo()).streams).toBe(0), { timeoutMs: 120_000 });
    // Adding an identical stream again is a no-op, so a timed-out add may simply be repeated.
    for (const definition of definitions) await expectEventually(() => jsm.streams.add(definition), { timeoutMs: 60_000 });

    // A starting service's stream check is idempotent too; on a loaded machine a raft group may still be settling.
    const serviceJsm = await jetstreamManager(await connectAs('ticket'), { timeout: API_TIMEOUT_MS, checkAPI: false });
    await expectEventually(() => ensureStreams(serviceJsm, new SubjectNaming(''), { maxAgeMs: 30 * 86_400_000, duplicateWindowMs: 120_000 }), { timeoutMs: 90_000 });
    for (const definition of definitions) {
      const info = await expectEventually(() => jsm.streams.info(definition.name), { timeoutMs: 60_000 });
      expect({ name: definition.name, replicas: info.config.num_replicas, peers: (info.cluster?.replicas?.length ?? 0) + 1 }).toEqual({ name: definition.name, replicas: 3, peers: 3 });
    }

    const ack = await jetstream(await connectAs('sla'), { timeout: API_TIMEOUT_MS }).publish('helpdesk.sla.met.v1', '{}', { msgID: 'r3-1' });
    expect(ack).toMatchObject({ stream: 'HELPDESK_SLA', duplicate: false });
  }, 300_000);
});
