import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from '@helpdesk/testing';

const NATS_SERVER = process.env['NATS_SERVER_BIN'] ?? 'nats-server';

/**
 * A nats-server of the test's own (the shared one runs with the default limits): JetStream in a
 * temporary directory, a loopback port, and a `max_payload` the test chooses. `restart` keeps the
 * port and the store, so connections reconnect to it and streams keep their messages.
 */
export interface PrivateNats {
  readonly url: string;
  restart(options: { maxPayload: number }): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateNats(options: { maxPayload: number }): Promise<PrivateNats> {
  const dir = mkdtempSync(join(tmpdir(), 'helpdesk-messaging-nats-'));
  const port = await freePort();
  const config = join(dir, 'nats-server.conf');
  let running: { child: ChildProcess; exited: Promise<void> } | undefined;

  const start = async (maxPayload: number): Promise<void> => {
    writeFileSync(
      config,
      [`listen: "127.0.0.1:${port}"`, `max_payload: ${maxPayload}`, `jetstream { store_dir: ${JSON.stringify(join(dir, 'store'))} }`, ''].join('\n'),
    );
    const child = spawn(NATS_SERVER, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.once('error', (err) => (output += String(err)));
    running = { child, exited };
    try {
      await waitForPort(port, () => child.exitCode !== null || child.signalCode !== null);
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`nats-server did not start: ${String(error)}\n${output}`, { cause: error });
    }
  };

  const halt = async (): Promise<void> => {
    if (!running) return;
    running.child.kill('SIGTERM');
    await running.exited;
    running = undefined;
  };

  await start(options.maxPayload);
  return {
    url: `nats://127.0.0.1:${port}`,
    async restart(next) {
      await halt();
      await start(next.maxPayload);
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
