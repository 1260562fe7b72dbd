import path from 'node:path';
import { isLoopback, redactUrl, withPort, type Endpoint } from './connection-urls';
import { startEmbeddedPostgres } from './embedded-postgres';
import { findOnPath, INSTALL_NATS_HINT, startNatsServer } from './nats-server';
import { isPortFree, probeNats, probePostgres } from './probes';
import { FALLBACK_POSTGRES_PORT, type StartOptions } from './start-options';

/** PostgreSQL and NATS as the services will use them. */
export interface Infrastructure {
  databaseUrl: string;
  natsUrl: string;
}

/** Something the supervisor started and must stop on the way out (in reverse start order). */
export interface StartedPart {
  name: string;
  stop(): Promise<void>;
}

/** What to do about one server, decided before anything is started. */
type Plan = { kind: 'use'; url: string } | { kind: 'start'; endpoint: Endpoint; url: string; note: string };

type Log = (line: string) => void;

/**
 * Uses PostgreSQL and NATS where their URLs point when they answer; otherwise starts them here
 * (embedded PostgreSQL, `nats-server` from PATH). Both are planned before either starts, so a
 * missing `nats-server` fails before PostgreSQL was started for nothing. `onStarted` receives
 * each started part at once, so that a signal during start-up still stops it.
 */
export async function bringUpInfrastructure(options: StartOptions, env: NodeJS.ProcessEnv, log: Log, onStarted: (part: StartedPart) => void): Promise<Infrastructure> {
  const [postgresPlan, natsPlan] = await Promise.all([planPostgres(options), planNats(options)]);
  const natsBinary = natsPlan.kind === 'start' ? await findOnPath('nats-server', env['PATH']) : undefined;
  if (natsPlan.kind === 'start' && natsBinary === undefined) throw new Error(INSTALL_NATS_HINT);
  if (postgresPlan.kind === 'use') log(`PostgreSQL  ${redactUrl(postgresPlan.url)} (already running)`);
  else onStarted(await startPostgres(postgresPlan, options.dataDir, log));
  if (natsPlan.kind === 'use') log(`NATS        ${natsPlan.url} (already running)`);
  else if (natsBinary !== undefined) onStarted(await startNats(natsPlan, natsBinary, options.dataDir, log));
  return { databaseUrl: postgresPlan.url, natsUrl: natsPlan.url };
}

async function startPostgres(plan: Extract<Plan, { kind: 'start' }>, dataDir: string, log: Log): Promise<StartedPart> {
  log(`PostgreSQL  ${plan.note}; starting an embedded PostgreSQL on port ${plan.endpoint.port}`);
  const server = await startEmbeddedPostgres(path.join(dataDir, 'postgres'), plan.endpoint);
  const how = server.initialised ? 'initialised' : 'reused';
  log(`PostgreSQL  ${redactUrl(plan.url)} (embedded, data ${how} in ${shown(server.dataDir)}, log ${shown(server.logFile)})`);
  return { name: 'embedded PostgreSQL', stop: server.stop };
}

async function startNats(plan: Extract<Plan, { kind: 'start' }>, binary: string, dataDir: string, log: Log): Promise<StartedPart> {
  log(`NATS        ${plan.note}; starting ${binary}`);
  const server = await startNatsServer(binary, dataDir, plan.endpoint);
  log(`NATS        ${plan.url} (nats-server with JetStream, store ${shown(server.storeDir)}, log ${shown(server.logFile)})`);
  return { name: 'nats-server', stop: server.stop };
}

async function planPostgres(options: StartOptions): Promise<Plan> {
  const probe = await probePostgres(options.databaseUrl);
  if (probe.ok) return { kind: 'use', url: options.databaseUrl };
  const where = `${redactUrl(options.databaseUrl)} does not answer (${probe.reason})`;
  if (!isLoopback(options.database.host)) throw new Error(`DATABASE_URL ${where}, and it is not on this machine, so no embedded PostgreSQL can stand in`);
  for (const port of [...new Set([options.database.port, FALLBACK_POSTGRES_PORT])]) {
    const endpoint = { host: options.database.host, port };
    if (await isPortFree(endpoint)) return { kind: 'start', endpoint, url: withPort(options.databaseUrl, port), note: where };
  }
  throw new Error(`DATABASE_URL ${where}, and ports ${options.database.port} and ${FALLBACK_POSTGRES_PORT} are both taken`);
}

async function planNats(options: StartOptions): Promise<Plan> {
  const probe = await probeNats(options.nats);
  if (probe.ok) return { kind: 'use', url: options.natsUrl };
  const where = `${options.natsUrl} does not answer (${probe.reason})`;
  if (!isLoopback(options.nats.host)) throw new Error(`NATS_URL ${where}, and it is not on this machine, so no nats-server can be started for it`);
  if (!(await isPortFree(options.nats))) throw new Error(`NATS_URL ${where}, and its port is taken by something else`);
  return { kind: 'start', endpoint: options.nats, url: options.natsUrl, note: where };
}

/** A path as the developer would type it: relative to the working directory when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
