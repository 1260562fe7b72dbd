import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TEST_JWT_SECRET, createTestDatabase, createTestNats, freePort, signTestJwt, type TestDatabase, type TestNats } from '@helpdesk/testing';
import { isServing } from './ticket-grpc-client';

/**
 * The ticket service as production runs it: the built `services/ticket/dist/main.js` in its own
 * process, on a fresh database and a unique subject prefix. The load generator stays in the
 * benchmark process and reaches it only over gRPC, NATS and (for seeding) PostgreSQL.
 */
export interface TicketProcess {
  readonly grpcAddress: string;
  readonly db: TestDatabase;
  readonly nats: TestNats;
  /** Tokens signed with the secret the process verifies. */
  readonly tokens: { readonly agent: string; readonly integration: string };
  customerToken(customerId: string, contactId: string): Promise<string>;
  /** CPU time the service process has used so far, in ms (user + system; Linux only, else NaN). */
  cpuMs(): number;
  /**
   * Resolves once the process has used less than 10 % of a core over half a second (its event
   * consumers and outbox relay have caught up), or after `timeoutMs`.
   */
  awaitQuiet(timeoutMs: number): Promise<void>;
  /** SIGTERM, wait for the exit, then drop the database and delete the streams. */
  stop(): Promise<void>;
}

const REPO_ROOT = resolve(__dirname, '..', '..');
const MAIN = 'services/ticket/dist/main.js';
const READY_WITHIN_MS = 90_000;
const EXIT_WITHIN_MS = 20_000;
const BENCH_AGENT_ID = '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01';

/**
 * Builds the service and the libs it compiles with (`nx run @helpdesk/ticket:build`; cached when
 * nothing changed). `BENCH_SKIP_BUILD=1` uses the existing `dist/`.
 */
export async function buildTicketService(): Promise<void> {
  if (process.env['BENCH_SKIP_BUILD'] === '1') return;
  const startedAt = Date.now();
  const child = spawn('npx', ['nx', 'run', '@helpdesk/ticket:build', '--outputStyle=static'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = new OutputTail(child, 60);
  const code = await exitOf(child);
  if (code !== 0) throw new Error(`npx nx run @helpdesk/ticket:build failed (exit ${code}):\n${output.text()}`);
  console.log(`  built services/ticket in ${((Date.now() - startedAt) / 1_000).toFixed(0)} s`);
}

/**
 * Starts `node services/ticket/dist/main.js` and resolves once gRPC health answers SERVING.
 * `BENCH_TICKET_NODE_ARGS` adds node flags (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */
export async function startTicketProcess(label: string, env: Record<string, string> = {}): Promise<TicketProcess> {
  const db = await createTestDatabase(label);
  const nats = await createTestNats(label);
  const grpcAddress = `127.0.0.1:${await freePort()}`;
  const nodeArgs = (process.env['BENCH_TICKET_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      NATS_SUBJECT_PREFIX: nats.prefix,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: grpcAddress.split(':')[1]!,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      LOG_LEVEL: 'warn',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      ...env,
    },
  });
  const output = new OutputTail(child, 40);
  const exited = exitOf(child);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_WITHIN_MS);
    const code = await exited;
    clearTimeout(timer);
    if (code !== 0) console.log(`  ticket service exited with ${code}; its last output:\n${output.text()}`);
    await nats.cleanup();
    await db.drop();
  };
  try {
    await waitUntilServing(grpcAddress, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    grpcAddress,
    db,
    nats,
    tokens: {
      agent: await signTestJwt({ sub: BENCH_AGENT_ID, roles: ['agent'] }),
      integration: await signTestJwt({ sub: 'bench-load', roles: ['integration'] }),
    },
    customerToken: (customerId, contactId) => signTestJwt({ sub: `contact-${contactId}`, roles: ['customer'], customerId, contactId }),
    cpuMs: () => processCpuMs(child.pid),
    awaitQuiet: (timeoutMs) => awaitQuiet(() => processCpuMs(child.pid), timeoutMs),
    stop,
  };
}

async function waitUntilServing(address: string, child: ChildProcess, output: OutputTail): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (!(await isServing(address))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`ticket service exited (${child.exitCode ?? child.signalCode}) before serving:\n${output.text()}`);
    }
    if (Date.now() > deadline) throw new Error(`ticket service not SERVING on ${address} within ${READY_WITHIN_MS / 1_000} s:\n${output.text()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The last lines a child wrote to stdout and stderr, for error messages. */
class OutputTail {
  private readonly lines: string[] = [];

  constructor(
    child: ChildProcess,
    private readonly keep: number,
  ) {
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

/** utime + stime of a process from /proc (clock ticks of 10 ms on Linux). */
function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

