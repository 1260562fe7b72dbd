import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root: services run from `services/<name>/dist/main.js` as `npm start` runs them. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

const READY_WITHIN_MS = 120_000;
const STOP_WITHIN_MS = 20_000;

/**
 * One platform service as its own operating-system process, started from its build with a fixed
 * environment, so that it can be killed (SIGKILL, no shutdown hooks) and started again on the same
 * database, NATS credentials and ports — what a crashed pod that Kubernetes restarts looks like.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly lines: string[] = [];

  constructor(
    readonly name: string,
    private readonly env: Readonly<Record<string, string>>,
    /** The service's HTTP port (`/readyz`). */
    readonly httpPort: number,
  ) {}

  /** Spawns `node dist/main.js` and resolves once `/readyz` answers 200 (PostgreSQL, NATS, migrations). */
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
      cwd: resolve(REPO_ROOT, 'services', this.name),
      env: { PATH: process.env['PATH'] ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((done) => child.once('exit', () => done()));
    const collect = (chunk: Buffer) => {
      this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      this.lines.splice(0, Math.max(0, this.lines.length - 60));
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const deadline = Date.now() + READY_WITHIN_MS;
    while (!(await this.ready())) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${this.name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${this.output()}`);
      if (Date.now() > deadline) throw new Error(`${this.name} not ready within ${READY_WITHIN_MS / 1_000} s:\n${this.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** SIGKILL: the process dies at once, in the middle of whatever it was doing. */
  async kill(): Promise<void> {
    if (!this.running()) return;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM (graceful shutdown), SIGKILL after 20 s. */
  async stop(): Promise<void> {
    if (!this.running()) return;
    this.child?.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), STOP_WITHIN_MS);
    await this.exited;
    clearTimeout(timer);
  }

  /** The last lines the process wrote, for failure messages. */
  output(): string {
    return this.lines.map((l) => `  [${this.name}] ${l}`).join('\n');
  }

  private running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  private async ready(): Promise<boolean> {
    try {
      const response = await fetch(`http://127.0.0.1:${this.httpPort}/readyz`, { signal: AbortSignal.timeout(2_000) });
      return response.ok;
    } catch {
      return false;
    }
  }
}
