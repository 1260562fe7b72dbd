import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { TEST_JWT_SECRET, createTestDatabase, freePort, type TestDatabase } from '@helpdesk/testing';

/** The ticket service in its own process, run from its sources, on its own database and the given subject prefix. */
export interface TicketProcess {
  readonly grpcAddress: string;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '../../../..');

/**
 * Starts the ticket service as a separate process (as the peer service it is in production:
 * billing only talks to it over NATS and gRPC), compiled on the fly by swc from its sources.
 */
export async function startTicketProcess(label: string, natsUrl: string, subjectPrefix: string): Promise<TicketProcess> {
  const db: TestDatabase = await createTestDatabase(label);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--conditions=@helpdesk/source', '-r', join(__dirname, 'swc-register.js'), join(ROOT, 'services/ticket/src/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: db.url,
      NATS_URL: natsUrl,
      NATS_SUBJECT_PREFIX: subjectPrefix,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      LOG_LEVEL: 'error',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    grpcAddress: `127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await db.drop();
    },
  };
}
