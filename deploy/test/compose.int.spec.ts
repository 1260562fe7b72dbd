import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { databaseOf } from '../src/compose/compose-file';
import { NATS_USERS, SERVICES } from '../src/platform';
import { NATS_SERVER } from './support/secured-nats';

const DEPLOY = join(__dirname, '..');
const ROOT = join(DEPLOY, '..');

type ComposeService = { image?: string; environment?: Record<string, string>; ports?: string[]; depends_on?: Record<string, unknown>; read_only?: boolean };
const compose = parse(readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8')) as { services: Record<string, ComposeService> };

describe('compose file for a laptop', () => {
  const keys = mkdtempSync(join(tmpdir(), 'compose-keys-'));
  afterAll(() => rmSync(keys, { recursive: true, force: true }));

  /** Runs the key generator as the nats-keys container does (NODE_PATH at the installed packages). */
  function generateKeys(): Record<string, string> {
    execFileSync(process.execPath, [join(DEPLOY, 'compose/generate-nats-keys.js'), keys], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } });
    const env = readFileSync(join(keys, 'nkeys.env'), 'utf8');
    return Object.fromEntries([...env.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
  }

  it('creates a key for every NATS user once, and the server config loads with them', () => {
    const first = generateKeys();
    expect(readdirSync(keys).filter((f) => f.endsWith('.nk')).sort()).toEqual(NATS_USERS.map((u) => `${u}.nk`).sort());
    expect(generateKeys()).toEqual(first);
    const run = spawnSync(NATS_SERVER, ['-c', join(DEPLOY, 'nats/nats-server.conf'), '-t'], { encoding: 'utf8', env: { ...process.env, ...first } });
    expect(run.stderr).toMatch(/is valid/);
    expect(run.status).toBe(0);
  });

  it.each(SERVICES.map((s) => [s.name, s] as const))('runs %s with its own database, NATS key and the architecture’s ports', (name, service) => {
    const entry = compose.services[name]!;
    expect(entry.environment).toMatchObject({ NATS_CREDS: `/keys/${name}.nk`, DATABASE_URL: expect.stringMatching(new RegExp(`/${databaseOf(service)}$`)) });
    expect(entry.ports).toEqual(expect.arrayContaining([`${service.grpcPort}:${service.grpcPort}`, `${service.httpPort}:${service.httpPort}`]));
    expect(entry.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, nats: { condition: 'service_healthy' } });
    expect(entry.read_only).toBe(true);
    expect(readFileSync(join(DEPLOY, 'compose/postgres-init.sql'), 'utf8')).toContain(`CREATE DATABASE ${databaseOf(service)};`);
  });

  it('holds no secret: passwords and the token secret come from deploy/.env', () => {
    for (const entry of Object.values(compose.services)) {
      for (const [name, value] of Object.entries(entry.environment ?? {})) {
        if (/PASSWORD|SECRET/.test(name)) expect({ name, value }).toEqual({ name, value: expect.stringMatching(/^\$\{\w+:\?/) });
        if (name === 'DATABASE_URL') expect(value).toContain('${POSTGRES_PASSWORD}');
      }
    }
  });
});
