import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { LineSplitter } from './line-splitter';
import type { ServiceSpec } from './service-discovery';

/** How a child process ended. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Where prefixed output goes (the supervisor's own stdout and stderr). */
export interface OutputSinks {
  stdout: Writable;
  stderr: Writable;
}

/** One running service: its output prefixed line by line, stoppable with SIGTERM then SIGKILL. */
export class ServiceProcess {
  /** Settles when the service and everything it started have exited and closed their output. */
  readonly exited: Promise<ExitStatus>;
  private readonly child: ChildProcessByStdio<null, Readable, Readable>;
  private done = false;

  /**
   * Spawns `spec` with `env`. The child leads its own process group, so that a terminal's Ctrl-C
   * reaches only the supervisor (which stops services before the infrastructure they flush to),
   * and so that a signal reaches the whole group: `sh -c`, npm or a watcher and the service.
   */
  constructor(spec: ServiceSpec, env: NodeJS.ProcessEnv, tag: string, sinks: OutputSinks) {
    const [file, args] = spec.run.kind === 'script' ? ['sh', ['-c', spec.run.script]] : [process.execPath, [spec.run.main]];
    this.child = spawn(file, args, { cwd: spec.dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    pipePrefixed(this.child.stdout, tag, sinks.stdout);
    pipePrefixed(this.child.stderr, tag, sinks.stderr);
    // 'close' (not 'exit') waits for the output pipes, which the service itself holds even when
    // a wrapper shell has already gone.
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        sinks.stderr.write(`${tag}could not start: ${error.message}\n`);
        this.done = true;
        resolve({ code: null, signal: null });
      });
      this.child.on('close', (code, signal) => {
        this.done = true;
        resolve({ code, signal });
      });
    });
  }

  /**
   * Sends SIGTERM to the service's process group and waits up to `timeoutMs`; then SIGKILL.
   * Resolves how it ended. After SIGKILL it waits at most two more seconds: a grandchild that
   * left the group could hold the output pipes open forever, and shutdown must still finish.
   */
  async stop(timeoutMs: number): Promise<'stopped' | 'killed'> {
    this.signal('SIGTERM');
    if (await this.settledWithin(timeoutMs)) return 'stopped';
    this.kill();
    if (!(await this.settledWithin(2_000))) {
      this.child.stdout.destroy();
      this.child.stderr.destroy();
    }
    return 'killed';
  }

  /** SIGKILL to the whole process group, for a second Ctrl-C or an expired stop timeout. */
  kill(): void {
    this.signal('SIGKILL');
  }

  private async settledWithin(ms: number): Promise<boolean> {
    if (this.done) return true;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    const settled = await Promise.race([this.exited.then(() => true as const), expired]);
    clearTimeout(timer);
    return settled;
  }

  private signal(signal: NodeJS.Signals): void {
    if (this.done || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // The group is already gone (ESRCH): its 'close' event is on its way.
    }
  }
}

/** PATH for a service: its own and the workspace's `node_modules/.bin` first, as `npm run` does. */
export function servicePath(serviceDir: string, rootDir: string, inherited: string | undefined): string {
  const bins = [path.join(serviceDir, 'node_modules', '.bin'), path.join(rootDir, 'node_modules', '.bin')];
  return [...bins, ...(inherited === undefined || inherited === '' ? [] : [inherited])].join(path.delimiter);
}

function pipePrefixed(source: Readable, tag: string, sink: Writable): void {
  const lines = new LineSplitter();
  source.setEncoding('utf8');
  source.on('data', (chunk: string) => {
    for (const line of lines.push(chunk)) sink.write(`${tag}${line}\n`);
  });
  source.on('end', () => {
    const rest = lines.flush();
    if (rest !== undefined) sink.write(`${tag}${rest}\n`);
  });
}
