import { withDatabase } from './connection-urls';
import { buildServices } from './build-services';
import { bringUpInfrastructure, type StartedPart } from './infrastructure';
import { formatTag, tagWidth } from './output-prefix';
import { ensureDatabases } from './postgres-databases';
import { describeError } from './probes';
import { discoverServices, type ServiceSpec } from './service-discovery';
import { ServiceProcess, servicePath, type ExitStatus, type OutputSinks } from './service-process';
import type { StartOptions } from './start-options';
import { announceTicketService } from './usage-hint';

/** The supervisor's surroundings, passed in so that nothing below reads globals. */
export interface SupervisorContext extends OutputSinks {
  env: NodeJS.ProcessEnv;
  rootDir: string;
  colour: boolean;
}

/** Why the supervisor stops: a signal (exit 0) or a failure (exit 1). */
interface StopReason {
  message: string;
  exitCode: number;
}

const SELF = 'start';
const SIGNAL_ECHO_MS = 1_000;

/**
 * Brings up PostgreSQL and NATS, creates each service's database, runs every service with
 * prefixed output, and on SIGINT/SIGTERM stops services first, then what it started. A service
 * that exits on its own stops everything with exit code 1: a crash is a bug to read in the
 * output, and restarting hides it (in production Kubernetes restarts pods). Resolves the exit code.
 */
export async function runSupervisor(options: StartOptions, context: SupervisorContext): Promise<number> {
  const stop = new StopRequest();
  const started: StartedPart[] = [];
  const running: ServiceProcess[] = [];
  let selfTag = formatTag(SELF, 0, { width: SELF.length, colour: false });
  const log = (line: string): void => void context.stdout.write(`${selfTag}${line}\n`);
  const warn = (line: string): void => void context.stderr.write(`${selfTag}${line}\n`);
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    // `npm start` forwards the terminal's SIGINT that also reaches us directly, so one Ctrl-C
    // arrives twice; only a signal a moment later is a second Ctrl-C that asks to kill.
    if (firstSignalAt === 0) firstSignalAt = Date.now();
    else if (Date.now() - firstSignalAt > SIGNAL_ECHO_MS) forceKill(running, log);
    stop.request({ message: `${signal} received, stopping`, exitCode: 0 });
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  try {
    const services = await discoverServices(options.servicesDir);
    const width = tagWidth([SELF, ...services.map((s) => s.name)]);
    selfTag = formatTag(SELF, 0, { width, colour: false });
    await bringUp(options, context, services, { stop, log, started, running, style: { width, colour: context.colour } });
  } catch (error) {
    stop.request({ message: describeError(error), exitCode: 1 });
  }
  const reason = stop.reason ?? { message: 'check done, stopping', exitCode: 0 };
  (reason.exitCode === 0 ? log : warn)(reason.message);
  await shutDown(running, started, options.stopTimeoutMs, log);
  process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  return reason.exitCode;
}

interface RunState {
  stop: StopRequest;
  log: (line: string) => void;
  started: StartedPart[];
  running: ServiceProcess[];
  style: { width: number; colour: boolean };
}

async function bringUp(options: StartOptions, context: SupervisorContext, services: ServiceSpec[], state: RunState): Promise<void> {
  const { stop, log } = state;
  const infra = await bringUpInfrastructure(options, context.env, log, (part) => state.started.push(part));
  if (stop.requested) return;
  const created = await ensureDatabases(infra.databaseUrl, services.map((s) => s.database));
  describeServices(services, created, options.servicesDir, log);
  if (options.check) {
    log(`check: infrastructure is up; would start: ${services.map((s) => s.name).join(', ') || 'nothing yet'}`);
    return;
  }
  if (stop.requested) return;
  if (services.length === 0) {
    log('infrastructure is up; nothing else to run — PostgreSQL and NATS keep serving until Ctrl-C');
    await stop.whenRequested(true);
    return;
  }
  await buildServices(context.rootDir, services, log);
  if (stop.requested) return;
  services.forEach((spec, index) => {
    const service = startService(spec, index + 1, infra, context, state.style);
    state.running.push(service);
    void service.exited.then((status) => stop.request({ message: `${spec.name} exited on its own (${describeExit(status)}); stopping everything`, exitCode: 1 }));
  });
  log(`running ${services.length} service${services.length === 1 ? '' : 's'}; Ctrl-C stops them`);
  void announceTicketService(services, context.env, log, () => stop.requested);
  await stop.whenRequested(false);
}

function startService(spec: ServiceSpec, index: number, infra: { databaseUrl: string; natsUrl: string }, context: SupervisorContext, style: { width: number; colour: boolean }): ServiceProcess {
  const env = {
    ...context.env,
    DATABASE_URL: withDatabase(infra.databaseUrl, spec.database),
    NATS_URL: infra.natsUrl,
    ...developmentAuth(context.env),
    // On a fresh machine there should be something to look at: an empty service loads its demo data.
    DEMO_DATA: context.env['DEMO_DATA'] ?? 'true',
    PATH: servicePath(spec.dir, context.rootDir, context.env['PATH']),
  };
  return new ServiceProcess(spec, env, formatTag(spec.name, index, style), context);
}

function describeServices(services: ServiceSpec[], created: string[], servicesDir: string, log: (line: string) => void): void {
  if (services.length === 0) {
    log(`services    none yet in ${servicesDir} (a folder there whose package.json has a start script or main runs with its own database helpdesk_<name>)`);
    return;
  }
  for (const spec of services) {
    const how = spec.run.kind === 'script' ? spec.run.script : `node ${spec.run.main}`;
    const db = created.includes(spec.database) ? `${spec.database} (created)` : spec.database;
    log(`service     ${spec.name}: ${how} — database ${db}`);
  }
}

async function shutDown(running: ServiceProcess[], started: StartedPart[], timeoutMs: number, log: (line: string) => void): Promise<void> {
  const outcomes = await Promise.all(running.map((service) => service.stop(timeoutMs)));
  const killed = outcomes.filter((outcome) => outcome === 'killed').length;
  if (killed > 0) log(`${killed} service${killed === 1 ? '' : 's'} did not stop within ${timeoutMs} ms and got SIGKILL`);
  for (const part of [...started].reverse()) {
    await part.stop().then(
      () => log(`stopped ${part.name}`),
      (error: unknown) => log(`could not stop ${part.name}: ${describeError(error)}`),
    );
  }
}

function forceKill(running: ServiceProcess[], log: (line: string) => void): void {
  log('second signal: killing services');
  for (const service of running) service.kill();
}

function describeExit(status: ExitStatus): string {
  return status.signal !== null ? `signal ${status.signal}` : `exit code ${status.code ?? 'unknown'}`;
}

/** The first reason to stop wins; later ones (a service dying of the shutdown itself) are ignored. */
class StopRequest {
  reason: StopReason | undefined;
  private readonly listeners: Array<() => void> = [];

  get requested(): boolean {
    return this.reason !== undefined;
  }

  request(reason: StopReason): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    for (const listener of this.listeners.splice(0)) listener();
  }

  /** Resolves once a stop is requested; `keepAlive` holds the event loop open while nothing else does. */
  whenRequested(keepAlive: boolean): Promise<void> {
    if (this.requested) return Promise.resolve();
    const timer = keepAlive ? setInterval(() => undefined, 1 << 30) : undefined;
    return new Promise((resolve) => {
      this.listeners.push(() => {
        clearInterval(timer);
        resolve();
      });
    });
  }
}

/**
 * Without configured keys, services would refuse to start; on a laptop they get a development
 * HS256 secret instead (printed by the supervisor so tokens can be signed for grpcurl).
 */
export const DEVELOPMENT_JWT_SECRET = 'helpdesk-development-secret-change-me-in-production';

function developmentAuth(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env['AUTH_JWKS_URL'] || env['AUTH_JWT_SECRET'] ? {} : { AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET };
}
