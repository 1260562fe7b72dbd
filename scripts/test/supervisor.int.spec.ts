import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { eventually, freePort, makeTempDir, runSupervisor, writeFixtureService, type SupervisorRun } from './supervisor-harness';

// Real PostgreSQL and NATS of this machine; the fixture services' databases are this file's own.
const infrastructure = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', NATS_URL: 'nats://127.0.0.1:4222' };
const DATABASES = ['alpha', 'b', 'steady', 'crash', 'stubborn'].map((name) => `helpdesk_devscripts_${name}`);

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: infrastructure.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropDatabases(): Promise<void> {
  await withAdmin(async (client) => {
    for (const name of DATABASES) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

function outputOf(run: SupervisorRun): string {
  return `--- stdout\n${run.stdout()}--- stderr\n${run.stderr()}`;
}

describe('npm start supervisor', () => {
  let servicesDir: string;
  let run: SupervisorRun | undefined;

  beforeEach(async () => {
    await dropDatabases();
    servicesDir = await makeTempDir('helpdesk-services-');
  });

  afterEach(async () => {
    if (run && run.child.exitCode === null) {
      run.child.kill('SIGKILL');
      await run.exited;
    }
    run = undefined;
    await rm(servicesDir, { recursive: true, force: true });
    await dropDatabases();
  });

  it('runs every service with its own database, prefixes whole lines, and stops all on SIGTERM', async () => {
    await writeFixtureService(servicesDir, 'devscripts-alpha', 'serve', 'script');
    await writeFixtureService(servicesDir, 'devscripts-b', 'serve', 'main');
    await writeFixtureService(servicesDir, 'devscripts-lib', 'serve', 'none');
    const current = (run = runSupervisor({ ...infrastructure, HELPDESK_SERVICES_DIR: servicesDir, DEMO_DATA: undefined }));

    await eventually(() => /devscripts-alpha ready/.test(current.stderr()) && /devscripts-b ready/.test(current.stderr()), () => outputOf(current));

    const stdoutLines = current.stdout().split('\n');
    // Tags are padded to the longest name ("devscripts-alpha"), so every line starts in one column.
    expect(stdoutLines).toContain('[devscripts-alpha] devscripts-alpha partial line');
    expect(stdoutLines).toContain('[devscripts-b]     devscripts-b partial line');
    expect(stdoutLines).toContain('[devscripts-b]     devscripts-b database postgres://postgres@127.0.0.1:5432/helpdesk_devscripts_b');
    expect(stdoutLines).toContain('[devscripts-alpha] devscripts-alpha nats nats://127.0.0.1:4222');
    // Unless the environment says otherwise, services load their demo data into an empty database.
    expect(stdoutLines).toContain('[devscripts-b]     devscripts-b demo data true');
    expect(current.stderr().split('\n')).toContain('[devscripts-alpha] devscripts-alpha on stderr');
    expect(current.stdout()).not.toContain('devscripts-lib');
    const databases = await withAdmin((client) => client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', ['helpdesk_devscripts_%']));
    expect(databases.rows.map((row) => row.datname).sort()).toEqual(['helpdesk_devscripts_alpha', 'helpdesk_devscripts_b']);

    current.child.kill('SIGTERM');

    await expect(current.exited).resolves.toBe(0);
    const finalLines = current.stdout().split('\n');
    expect(finalLines).toContain('[start]            SIGTERM received, stopping');
    // "bye" comes without a trailing newline: the last partial line is flushed when output ends.
    expect(finalLines).toContain('[devscripts-alpha] devscripts-alpha got SIGTERM, bye');
    expect(finalLines).toContain('[devscripts-b]     devscripts-b got SIGTERM, bye');
  });

  it('stops everything with exit code 1 when a service exits on its own', async () => {
    await writeFixtureService(servicesDir, 'devscripts-steady', 'serve');
    await writeFixtureService(servicesDir, 'devscripts-crash', 'crash');
    const current = (run = runSupervisor({ ...infrastructure, HELPDESK_SERVICES_DIR: servicesDir }));
    await eventually(() => /devscripts-steady ready[\s\S]*devscripts-crash ready|devscripts-crash ready[\s\S]*devscripts-steady ready/.test(current.stderr()), () => outputOf(current));

    await writeFile(path.join(servicesDir, 'devscripts-crash', 'crash-now'), '');

    await expect(current.exited).resolves.toBe(1);

    expect(current.stderr()).toMatch(/^\[start\] +devscripts-crash exited on its own \(exit code 3\); stopping everything$/m);
    expect(current.stdout()).toContain('devscripts-steady got SIGTERM, bye');
  });

  it('kills a service that ignores SIGTERM after the stop timeout and still exits 0', async () => {
    await writeFixtureService(servicesDir, 'devscripts-stubborn', 'stubborn');
    const current = (run = runSupervisor({ ...infrastructure, HELPDESK_SERVICES_DIR: servicesDir, HELPDESK_STOP_TIMEOUT_MS: '300' }));
    await eventually(() => current.stderr().includes('devscripts-stubborn ready'), () => outputOf(current));

    current.child.kill('SIGTERM');

    await expect(current.exited).resolves.toBe(0);
    expect(current.stdout()).toContain('devscripts-stubborn ignores SIGTERM');
    expect(current.stdout()).toContain('1 service did not stop within 300 ms and got SIGKILL');
  });

  it('with no services, keeps the infrastructure up until SIGTERM and then exits 0', async () => {
    const current = (run = runSupervisor({ ...infrastructure, HELPDESK_SERVICES_DIR: servicesDir }));
    await eventually(() => current.stdout().includes('nothing else to run'), () => outputOf(current));

    current.child.kill('SIGTERM');

    await expect(current.exited).resolves.toBe(0);
    expect(current.stdout()).toContain(`[start] services    none yet in ${servicesDir}`);
  });

  it('names how to install nats-server, in one line, when NATS must be started and is missing', async () => {
    const natsUrl = `nats://127.0.0.1:${await freePort()}`;
    const current = (run = runSupervisor({
      ...infrastructure,
      NATS_URL: natsUrl,
      HELPDESK_SERVICES_DIR: servicesDir,
      PATH: path.dirname(process.execPath),
    }));

    await expect(current.exited).resolves.toBe(1);

    expect(current.stdout()).toBe('');
    const lines = current.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[start\] nats-server is not on PATH .*apt-get install nats-server/);
  });
});
