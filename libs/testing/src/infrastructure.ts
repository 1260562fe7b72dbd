import { Socket } from 'node:net';
import { dockerAvailable, startContainers } from './containers';

/** Where the tests' PostgreSQL and NATS are. */
export interface TestInfrastructure {
  /** A URL to the maintenance database (`postgres`) with rights to create databases. */
  readonly postgresAdminUrl: string;
  readonly natsUrl: string;
}

const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_NATS = 'nats://127.0.0.1:4222';

let resolved: Promise<TestInfrastructure> | undefined;

/**
 * Finds the infrastructure once per jest worker: `DATABASE_URL` / `NATS_URL` when set, else the
 * loopback defaults when they answer, else containers via testcontainers when Docker runs.
 * Fails with a message that says how to start what is missing.
 */
export function testInfrastructure(env: NodeJS.ProcessEnv = process.env): Promise<TestInfrastructure> {
  resolved ??= resolve(env);
  return resolved;
}

async function resolve(env: NodeJS.ProcessEnv): Promise<TestInfrastructure> {
  const postgres = env['DATABASE_URL'] ?? ((await answers(DEFAULT_POSTGRES, 5432)) ? DEFAULT_POSTGRES : undefined);
  const nats = env['NATS_URL'] ?? ((await answers(DEFAULT_NATS, 4222)) ? DEFAULT_NATS : undefined);
  if (postgres && nats) return { postgresAdminUrl: postgres, natsUrl: nats };
  if (!(await dockerAvailable())) {
    const missing = [!postgres && 'PostgreSQL on 127.0.0.1:5432 (or DATABASE_URL)', !nats && 'NATS with JetStream on 127.0.0.1:4222 (or NATS_URL)']
      .filter(Boolean)
      .join(' and ');
    throw new Error(`tests need ${missing}; start them (see README "Running the tests") or run Docker for testcontainers`);
  }
  return startContainers({ postgres, nats });
}

function answers(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = new Socket();
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.connect(Number(port || defaultPort), hostname, () => finish(true));
  });
}
