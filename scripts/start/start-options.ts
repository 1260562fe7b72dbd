import path from 'node:path';
import { parseServerUrl, type Endpoint } from './connection-urls';

/** Where PostgreSQL and NATS are expected when no URL is given (the defaults of every service). */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** See {@link DEFAULT_DATABASE_URL}. */
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
/** Port the embedded PostgreSQL falls back to when the URL's port is taken by something else. */
export const FALLBACK_POSTGRES_PORT = 55432;

/** Everything the supervisor reads from its command line and environment, in one place. */
export interface StartOptions {
  /** `--check` / `START_ONCE=1`: bring infrastructure up, print the status, stop, exit. */
  check: boolean;
  /** Maintenance connection (any database) of the server the services' databases live on. */
  databaseUrl: string;
  database: Endpoint;
  natsUrl: string;
  nats: Endpoint;
  /** Folder whose sub-folders are services (`HELPDESK_SERVICES_DIR`, default `services/`). */
  servicesDir: string;
  /** Local state: embedded PostgreSQL cluster, JetStream store, logs (`HELPDESK_DATA_DIR`, default `.data/`). */
  dataDir: string;
  /** How long a service may take to stop after SIGTERM before it gets SIGKILL (`HELPDESK_STOP_TIMEOUT_MS`). */
  stopTimeoutMs: number;
}

/** Parses `argv` (without node and script) and `env`; throws a one-line error on a bad value. */
export function parseStartOptions(argv: readonly string[], env: NodeJS.ProcessEnv, rootDir: string): StartOptions {
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]} (usage: npm start [-- --check])`);
  const databaseUrl = nonEmpty(env['DATABASE_URL']) ?? DEFAULT_DATABASE_URL;
  const natsUrl = nonEmpty(env['NATS_URL']) ?? DEFAULT_NATS_URL;
  return {
    check: argv.includes('--check') || env['START_ONCE'] === '1',
    databaseUrl,
    database: parseServerUrl('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:'], 5432),
    natsUrl,
    nats: parseServerUrl('NATS_URL', natsUrl, ['nats:'], 4222),
    servicesDir: path.resolve(rootDir, nonEmpty(env['HELPDESK_SERVICES_DIR']) ?? 'services'),
    dataDir: path.resolve(rootDir, nonEmpty(env['HELPDESK_DATA_DIR']) ?? '.data'),
    stopTimeoutMs: parseTimeout(env['HELPDESK_STOP_TIMEOUT_MS']),
  };
}

function parseTimeout(value: string | undefined): number {
  if (nonEmpty(value) === undefined) return 10_000;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new Error(`HELPDESK_STOP_TIMEOUT_MS must be a positive whole number of milliseconds (got "${value}")`);
  }
  return ms;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
