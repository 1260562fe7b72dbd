import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Endpoint } from './connection-urls';
import { pollUntil, probeNats } from './probes';
import { tail } from './run-command';

/** The one line printed when NATS must be started and there is no server binary. */
export const INSTALL_NATS_HINT =
  'nats-server is not on PATH and nothing answers NATS_URL: install it (Debian/Ubuntu: apt-get install nats-server; elsewhere the release binary from https://github.com/nats-io/nats-server/releases) or set NATS_URL to a running server';

/** A nats-server this process started, and how to stop it again. */
export interface StartedNatsServer {
  storeDir: string;
  logFile: string;
  stop(): Promise<void>;
}

/** Finds an executable `name` in the directories of `pathVariable` (like `command -v`). */
export async function findOnPath(name: string, pathVariable: string | undefined): Promise<string | undefined> {
  for (const dir of (pathVariable ?? '').split(path.delimiter).filter((d) => d !== '')) {
    const candidate = path.join(dir, name);
    if (await access(candidate, constants.X_OK).then(() => true, () => false)) return candidate;
  }
  return undefined;
}

/**
 * Starts `binary` with JetStream on `endpoint`, its store in `dataDir/nats` and its log in
 * `dataDir/nats-server.log`, and waits until it greets clients. The server runs in its own
 * process group so that Ctrl-C reaches only the supervisor, which stops it after the services.
 */
export async function startNatsServer(binary: string, dataDir: string, endpoint: Endpoint): Promise<StartedNatsServer> {
  const storeDir = path.join(dataDir, 'nats');
  const logFile = path.join(dataDir, 'nats-server.log');
  await mkdir(storeDir, { recursive: true });
  const args = ['-a', endpoint.host, '-p', String(endpoint.port), '-js', '-sd', storeDir, '-l', logFile];
  const child = spawn(binary, args, { detached: true, stdio: 'ignore' });
  const exited = new Promise<string>((resolve) => {
    child.on('error', (error) => resolve(error.message));
    child.on('exit', (code, signal) => resolve(`exit ${code ?? signal ?? '?'}`));
  });
  let gone: string | undefined;
  void exited.then((how) => {
    gone = how;
  });
  const ready = await pollUntil(async () => (gone === undefined ? probeNats(endpoint, 500) : { ok: false, reason: gone, final: true }), 15_000);
  if (!ready.ok) {
    if (gone === undefined) child.kill('SIGKILL');
    const log = await readFile(logFile, 'utf8').catch(() => '');
    throw new Error(`nats-server did not start (${ready.reason}):\n${tail(log)}`);
  }
  return {
    storeDir,
    logFile,
    stop: async () => {
      if (gone !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
