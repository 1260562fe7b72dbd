import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURE = path.join(__dirname, 'fixtures', 'fixture-service.js');

/** A supervisor run in a child process, with its output collected as it arrives. */
export interface SupervisorRun {
  child: ChildProcessByStdio<null, Readable, Readable>;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `npm start`'s command line (without npm) with `env` on top of this process's. */
export function runSupervisor(env: NodeJS.ProcessEnv, args: string[] = []): SupervisorRun {
  const child = spawn(process.execPath, ['--conditions=@helpdesk/source', '--import', 'tsx', path.join(ROOT, 'scripts', 'start.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Polls `condition` until it holds, failing with `describe()` after `timeoutMs`. */
export async function eventually(condition: () => boolean, describe: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A fixture service folder under `servicesDir`, run by a start script, by `main`, or (`none`)
 * not runnable at all.
 */
export async function writeFixtureService(servicesDir: string, name: string, mode: 'serve' | 'crash' | 'stubborn', via: 'script' | 'main' | 'none' = 'script'): Promise<void> {
  const dir = path.join(servicesDir, name);
  await mkdir(dir, { recursive: true });
  const manifests = {
    script: { name, private: true, scripts: { start: `node ${JSON.stringify(FIXTURE)} ${name} ${mode}` } },
    main: { name, private: true, main: 'main.js' },
    none: { name, private: true, scripts: { test: 'true' } },
  };
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(manifests[via]));
  await writeFile(path.join(dir, 'main.js'), `process.argv.push(${JSON.stringify(name)}, ${JSON.stringify(mode)});\nrequire(${JSON.stringify(FIXTURE)});\n`);
}

/** A temporary folder the `postgres` user can reach too (the embedded server runs as it under root). */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

export { freePort } from '@helpdesk/testing';
