import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STREAMS, SubjectNaming } from '@helpdesk/contracts';
import { connectNats, ensureStreams } from '@helpdesk/messaging';
import { jetstreamManager, type StreamConfig } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_USERS, nkeyVariable } from '../src/platform';
import { NATS_SERVER, createUsers, nkeyEnvironment, startSecuredNats, type SecuredNats } from './support/secured-nats';

const NATS_DIR = join(__dirname, '../nats');

function testConfig(env: Record<string, string>) {
  return spawnSync(NATS_SERVER, ['-c', join(NATS_DIR, 'nats-server.conf'), '-t'], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
}

describe('NATS server configuration', () => {
  const keys = mkdtempSync(join(tmpdir(), 'nats-keys-'));
  afterAll(() => rmSync(keys, { recursive: true, force: true }));

  it('loads in nats-server --config … -t with every user key in the environment', () => {
    const run = testConfig(nkeyEnvironment(createUsers(keys)));
    expect(run.status).toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/configuration file .* is valid/);
  });

  it('refuses to load without a user key, naming the variable', () => {
    const env = nkeyEnvironment(createUsers(keys));
    const missing = nkeyVariable(NATS_USERS[2]!);
    const run = testConfig(Object.fromEntries(Object.entries(env).filter(([name]) => name !== missing)));
    expect(run.status).not.toBe(0);
    // Unset variables must really be unset for the child, not inherited from this process.
    expect(process.env[missing]).toBeUndefined();
    expect(run.stderr).toContain(`variable reference for '${missing}'`);
  });

  it('refuses a seed (a secret) where the public key belongs', () => {
    const env = nkeyEnvironment(createUsers(keys));
    const first = nkeyVariable(NATS_USERS[0]!);
    const seed = readFileSync(join(keys, `${NATS_USERS[0]!}.nk`), 'utf8').trim();
    const run = testConfig({ ...env, [first]: seed });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Not a valid public nkey for a user/);
  });
});

describe('JetStream stream definitions', () => {
  let nats: SecuredNats;
  let ops: NatsConnection;
  let ticket: NatsConnection;
  const definitions = readdirSync(join(NATS_DIR, 'streams')).map((f) => JSON.parse(readFileSync(join(NATS_DIR, 'streams', f), 'utf8')) as StreamConfig);

  beforeAll(async () => {
    nats = await startSecuredNats();
    ops = await connectNats({ url: nats.url, name: 'ops', credsFile: nats.creds('ops') });
    ticket = await connectNats({ url: nats.url, name: 'ticket', credsFile: nats.creds('ticket') });
  }, 60_000);

  afterAll(async () => {
    await ops?.close();
    await ticket?.close();
    await nats?.stop();
  });

  it('define every platform stream with three replicas', () => {
    expect(definitions.map((d) => [d.name, d.subjects, d.num_replicas]).sort()).toEqual(STREAMS.map((s) => [s.name, [...s.subjects], 3]).sort());
  });

  it('are accepted by the server, and a starting service leaves them as operations created them', async () => {
    const jsm = await jetstreamManager(ops);
    // One server here, so one replica; everything else exactly as in the files.
    for (const definition of definitions) await jsm.streams.add({ ...definition, num_replicas: 1 });
    const before = await Promise.all(definitions.map((d) => jsm.streams.info(d.name)));

    await ensureStreams(await jetstreamManager(ticket), new SubjectNaming(''), { maxAgeMs: 30 * 86_400_000, duplicateWindowMs: 120_000 });
    const after = await Promise.all(definitions.map((d) => jsm.streams.info(d.name)));
    expect(after.map((i) => i.config)).toEqual(before.map((i) => i.config));
    expect(after.every((i) => i.config.deny_delete === true && i.config.allow_direct === true)).toBe(true);
  });
});
