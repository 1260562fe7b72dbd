import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { connectNats } from '@helpdesk/messaging';
import { TEST_JWT_SECRET, createTestDatabase, expectEventually, freePort, type TestDatabase } from '@helpdesk/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { SUBSCRIBER_USER } from '../src/platform';
import { buildImageTree } from './support/image-tree';
import { startSecuredNats, type SecuredNats } from './support/secured-nats';

function status(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/**
 * The ticket service as the image runs it (the image's production tree, built with the
 * Dockerfile's commands) with NATS_CREDS against the secured server: it starts, becomes ready, and
 * its demo data's events reach the read-only subscriber account.
 */
describe('the image of a service, with NATS_CREDS on the secured server', () => {
  let nats: SecuredNats;
  let db: TestDatabase;
  let service: ChildProcess | undefined;
  let subscriber: NatsConnection;
  let output = '';
  let imageTree: string | undefined;
  const seen: string[] = [];

  beforeAll(async () => {
    nats = await startSecuredNats();
    db = await createTestDatabase('deploy_creds');
    subscriber = await connectNats({ url: nats.url, name: 'external', credsFile: nats.creds(SUBSCRIBER_USER) });
    subscriber.subscribe('helpdesk.>', {
      callback: (_err, msg) => {
        seen.push(msg.subject);
      },
    });
    await subscriber.flush();
  }, 60_000);

  afterAll(async () => {
    if (service && service.exitCode === null) {
      const exited = new Promise((resolve) => service!.once('exit', resolve));
      service.kill('SIGTERM');
      await exited;
    }
    await subscriber?.close();
    await nats?.stop();
    await db?.drop();
    if (imageTree) rmSync(join(imageTree, '..'), { recursive: true, force: true });
  }, 60_000);

  it('starts the ticket service, which publishes only through its own account permissions', async () => {
    const httpPort = await freePort();
    // What the image holds: the Dockerfile's own commands, run on this checkout (nx built dist/ first).
    imageTree = buildImageTree('ticket');
    service = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
      cwd: join(imageTree, 'services/ticket'),
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        NATS_URL: nats.url,
        NATS_CREDS: nats.creds('ticket'),
        AUTH_JWT_SECRET: TEST_JWT_SECRET,
        GRPC_PORT: String(await freePort()),
        HTTP_PORT: String(httpPort),
        DEMO_DATA: 'true',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    service.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    service.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const died = new Promise<never>((_resolve, reject) => service!.once('exit', (code) => reject(new Error(`ticket exited ${code}: ${output}`))));
    died.catch(() => undefined);
    await Promise.race([died, expectEventually(async () => expect(await status(httpPort, '/readyz')).toBe(200), { timeoutMs: 150_000, intervalMs: 500 })]);
    // Demo data writes customers, contacts and contracts; the relay publishes them with the ticket user's key.
    await expectEventually(() => expect(seen).toEqual(expect.arrayContaining(['helpdesk.directory.customer.upserted.v1', 'helpdesk.directory.contract.upserted.v1'])), {
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    expect(output).not.toMatch(/Permissions Violation/);
  }, 240_000);
});
