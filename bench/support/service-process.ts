import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { TEST_JWT_SECRET, createTestDatabase, createTestNats, freePort, type TestDatabase, type TestNats } from '@helpdesk/testing';
import { processCpuMs } from './database-cpu';
import { isServing } from './grpc-client';

/**
 * Launches a built service (`services/<name>/dist/main.js`) the way production runs it: its own
 * process(es) on a fresh test database and a unique NATS subject prefix, reached by the benchmark
 * only over the network. One launcher for every benchmark; the per-service files only say what
 * differs (extra env, extra ports, readiness, output).
 */
export interface ServiceProcessOptions {
  /** Directory under `services/` and the `@helpdesk/<service>` project. */
  readonly service: string;
  /** Label of the test database and subject prefix. */
  readonly label: string;
  /** Processes on the one database, started one after another (the first migrates); 1 unless given. */
  readonly replicas?: number;
  /** Extra environment (wins over the defaults). */
  readonly env?: Readonly<Record<string, string>>;
  /** Env variables that each get a free port per replica (e.g. `MAIL_SMTP_PORT`, `HTTP_PORT`). */
  readonly ports?: readonly string[];
  /** Use this NATS connection and prefix (another service's) instead of a fresh one; the caller cleans it up. */
  readonly nats?: TestNats;
  /** Env variable of the benchmark holding extra node flags, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
  readonly nodeArgsEnv?: string;
  /** Readiness: gRPC health SERVING (default), or an HTTP path answering 2xx on `HTTP_PORT` (list it in `ports`). */
  readonly ready?: { readonly httpPath: string };
  /**
   * Runs once the database exists, before the first replica starts: e.g. migrate it (`main.js
   * migrate`) and seed a large data set the service loads at start.
   */
  readonly beforeStart?: (db: TestDatabase) => Promise<void>;
  /** Leave the database in place at stop (e.g. to keep a seeded base for later runs); dropped unless set. */
  readonly keepDatabase?: boolean;
  /** Where the process's stdout / stderr go: `tail` keeps the last lines for error messages (default). */
  readonly stdout?: OutputMode;
  readonly stderr?: OutputMode;
}

export type OutputMode = 'ignore' | 'inherit' | 'tail';

/** One process of a started service. */
export interface ServiceReplica {
  readonly grpcAddress: string;
  /** The free ports given to the env variables of {@link ServiceProcessOptions.ports}. */
  readonly ports: Readonly<Record<string, number>>;
  /** CPU time the process has used so far, in ms (user + system; Linux /proc, else NaN). */
  cpuMs(): number;
}

export interface ServiceProcess {
  readonly db: TestDatabase;
  readonly nats: TestNats;
  readonly replicas: readonly ServiceReplica[];
  /** gRPC address of the first replica. */
  readonly grpcAddress: string;
  /** The port of env variable `name` of the first replica. */
  port(name: string): number;
  /** CPU time of all replicas so far, in ms (NaN without /proc). */
  cpuMs(): number;
  /**
   * Resolves once the processes have used less than 10 % of a core over half a second (event
   * consumers and outbox relays have caught up), or after `timeoutMs`.
   */
  awaitQuiet(timeoutMs: number): Promise<void>;
  /** SIGTERM (SIGKILL after 20 s), wait for the exits, then drop the database and delete the streams. */
  stop(): Promise<void>;
}

const REPO_ROOT = resolve(__dirname, '..', '..');
const READY_WITHIN_MS = 90_000;
const EXIT_WITHIN_MS = 20_000;
const POLL_MS = 100;

/**
 * Builds the service and the libs it compiles with (`npx nx run @helpdesk/<service>:build`; cached
 * when nothing changed). `BENCH_SKIP_BUILD=1` uses the existing `dist/`.
 */
export async function buildService(service: string): Promise<void> {
  if (process.env['BENCH_SKIP_BUILD'] === '1') return;
  const startedAt = Date.now();
  const child = spawn('npx', ['nx', 'run', `@helpdesk/${service}:build`, '--outputStyle=static'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = new OutputTail(60);
  output.follow(child);
  const code = await exitOf(child);
  if (code !== 0) throw new Error(`npx nx run @helpdesk/${service}:build failed (exit ${code}):\n${output.text()}`);
  console.log(`  built services/${service} in ${((Date.now() - startedAt) / 1_000).toFixed(0)} s`);
}

/** Starts the replicas and resolves once every one is ready; on failure stops what it started and rejects with the last output. */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const { service, label } = options;
  const db = await createTestDatabase(label);
  const nats = options.nats ?? (await createTestNats(label));
  const nodeArgs = options.nodeArgsEnv ? (process.env[options.nodeArgsEnv] ?? '').split(' ').filter(Boolean) : [];
  const started: { child: ChildProcess; exited: Promise<number | string>; output: OutputTail }[] = [];
  const replicas: ServiceReplica[] = [];

  const stop = async () => {
    for (const { child } of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => started.forEach(({ child }) => child.kill('SIGKILL')), EXIT_WITHIN_MS);
    const codes = await Promise.all(started.map((s) => s.exited));
    clearTimeout(timer);
    codes.forEach((code, i) => {
      if (code !== 0) console.log(`  ${service} service exited with ${code}; its last output:\n${started[i]!.output.text()}`);
    });
    if (!options.nats) await nats.cleanup();
    if (!options.keepDatabase) await db.drop();
  };

  try {
    await options.beforeStart?.(db);
    for (let i = 0; i < (options.replicas ?? 1); i++) {
      const grpcPort = await freePort();
      const ports: Record<string, number> = {};
      for (const name of options.ports ?? []) ports[name] = await freePort();
      const stdout = options.stdout ?? 'tail';
      const stderr = options.stderr ?? 'tail';
      const child = spawn(process.execPath, [...nodeArgs, `services/${service}/dist/main.js`], {
        cwd: REPO_ROOT,
        stdio: ['ignore', stdout === 'tail' ? 'pipe' : stdout, stderr === 'tail' ? 'pipe' : stderr],
        env: {
          PATH: process.env['PATH'] ?? '',
          DATABASE_URL: db.url,
          NATS_URL: nats.url,
          NATS_SUBJECT_PREFIX: nats.prefix,
          GRPC_HOST: '127.0.0.1',
          GRPC_PORT: String(grpcPort),
          HTTP_HOST: '127.0.0.1',
          HTTP_PORT: '0',
          LOG_LEVEL: 'warn',
          AUTH_JWT_SECRET: TEST_JWT_SECRET,
          ...options.env,
          ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
        },
      });
      const output = new OutputTail(40);
      output.follow(child);
      started.push({ child, exited: exitOf(child), output });
      const replica: ServiceReplica = { grpcAddress: `127.0.0.1:${grpcPort}`, ports, cpuMs: () => (child.pid === undefined ? Number.NaN : processCpuMs(child.pid)) };
      await waitUntilReady(service, replica, options.ready, child, output);
      replicas.push(replica);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const cpuMs = () => replicas.reduce((sum, r) => sum + r.cpuMs(), 0);
  return {
    db,
    nats,
    replicas,
    grpcAddress: replicas[0]!.grpcAddress,
    port: (name) => {
      const port = replicas[0]!.ports[name];
      if (port === undefined) throw new Error(`${service}: no port ${name} (list it in ports)`);
      return port;
    },
    cpuMs,
    awaitQuiet: (timeoutMs) => awaitQuiet(cpuMs, timeoutMs),
    stop,
  };
}

async function waitUntilReady(service: string, replica: ServiceReplica, ready: ServiceProcessOptions['ready'], child: ChildProcess, output: OutputTail): Promise<void> {
  const where = ready ? `http://127.0.0.1:${replica.ports['HTTP_PORT']}${ready.httpPath}` : replica.grpcAddress;
  const isReady = ready ? () => fetch(where).then((r) => r.ok, () => false) : () => isServing(replica.grpcAddress);
  const deadline = Date.now() + READY_WITHIN_MS;
  while (!(await isReady())) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${service} service exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.text()}`);
    }
    if (Date.now() > deadline) throw new Error(`${service} service not ready on ${where} within ${READY_WITHIN_MS / 1_000} s:\n${output.text()}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The last lines a child wrote to its piped stdout and stderr, for error messages. */
class OutputTail {
  private readonly lines: string[] = [];

  constructor(private readonly keep: number) {}

  follow(child: ChildProcess): void {
    const collect = (chunk: Buffer) => {
      this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      this.lines.splice(0, Math.max(0, this.lines.length - this.keep));
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  }

  text(): string {
    return this.lines.map((l) => `    ${l}`).join('\n');
  }
}

function exitOf(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode ?? 'unknown');
  return new Promise((done) => {
    child.once('error', (error) => done(error.message));
    child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown'));
  });
}

async function awaitQuiet(cpuMs: () => number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let before = cpuMs(); Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuMs();
    if (!(now - before >= 50)) return; // NaN (no /proc) counts as quiet
    before = now;
  }
}
