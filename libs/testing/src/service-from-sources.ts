import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_JWT_SECRET } from './test-jwt';

/** What a peer service needs to join a spec's world: its NATS and subject prefix, extra env. */
export interface ServiceFromSourcesOptions {
  /** Directory under `services/`, e.g. `ticket`. */
  readonly service: string;
  /** Label of the peer's own test database. */
  readonly label: string;
  /** The spec's NATS (`createTestNats`), so both services share subjects and streams. */
  readonly nats: { readonly url: string; readonly prefix: string };
  /** Extra environment; wins over the defaults. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A peer service running in its own process. */
export interface ServiceFromSources {
  readonly grpcAddress: string;
  readonly db: TestDatabase;
  /** SIGTERM, wait for the exit, drop its database. */
  stop(): Promise<void>;
}

const REPO_ROOT = resolve(__dirname, '../../..');
const REGISTER = join(__dirname, '..', 'register', 'swc-register.js');

/**
 * Starts `services/<service>/src/main.ts` as a separate process — the peer service as production
 * runs it, reached only over NATS and gRPC — compiled on the fly by swc from its sources (no build
 * needed), on a fresh database of its own. It is ready when its gRPC port answers; callers wait
 * for that with `expectEventually` (compiling the sources takes a while on a busy machine).
 */
export async function startServiceFromSources(options: ServiceFromSourcesOptions): Promise<ServiceFromSources> {
  const db = await createTestDatabase(options.label);
  const port = await freePort();
  const child = spawn(process.execPath, ['--conditions=@helpdesk/source', '-r', REGISTER, join(REPO_ROOT, 'services', options.service, 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: db.url,
      NATS_URL: options.nats.url,
      NATS_SUBJECT_PREFIX: options.nats.prefix,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      LOG_LEVEL: 'error',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    grpcAddress: `127.0.0.1:${port}`,
    db,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      await db.drop();
    },
  };
}
