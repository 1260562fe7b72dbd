import { rm } from 'node:fs/promises';
import path from 'node:path';
import { freePort, makeTempDir, runSupervisor, writeFixtureService } from './supervisor-harness';
import { isPortFree } from '../start/probes';

// Nothing answers the URLs below, so the supervisor starts an embedded PostgreSQL (initdb takes
// about a second) and a nats-server, both with their data in a temporary folder.
describe('npm start --check without running infrastructure', () => {
  let dataDir: string;
  let servicesDir: string;

  beforeAll(async () => {
    // A folder that does not exist yet, like .data/ on a first `npm start`.
    dataDir = path.join(await makeTempDir('helpdesk-data-'), 'state', '.data');
    servicesDir = await makeTempDir('helpdesk-services-');
    await writeFixtureService(servicesDir, 'devscripts-embedded', 'serve');
  });

  afterAll(async () => {
    await rm(path.dirname(path.dirname(dataDir)), { recursive: true, force: true });
    await rm(servicesDir, { recursive: true, force: true });
  });

  it('starts embedded PostgreSQL and nats-server, creates the databases, stops both; a second run reuses the data', async () => {
    const [postgresPort, natsPort] = [await freePort(), await freePort()];
    const env = {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${postgresPort}/postgres`,
      NATS_URL: `nats://127.0.0.1:${natsPort}`,
      HELPDESK_DATA_DIR: dataDir,
      HELPDESK_SERVICES_DIR: servicesDir,
    };

    const first = runSupervisor(env, ['--check']);
    await expect(first.exited).resolves.toBe(0);

    const output = first.stdout();
    expect(output).toContain(`starting an embedded PostgreSQL on port ${postgresPort}`);
    expect(output).toContain(`(embedded, data initialised in ${dataDir}/postgres`);
    expect(output).toContain(`nats://127.0.0.1:${natsPort} (nats-server with JetStream, store ${dataDir}/nats`);
    expect(output).toContain('database helpdesk_devscripts_embedded (created)');
    expect(output).toContain('would start: devscripts-embedded');
    expect(output).not.toContain('devscripts-embedded ready');
    expect(output).toContain('stopped nats-server');
    expect(output).toContain('stopped embedded PostgreSQL');
    await expect(isPortFree({ host: '127.0.0.1', port: postgresPort })).resolves.toBe(true);
    await expect(isPortFree({ host: '127.0.0.1', port: natsPort })).resolves.toBe(true);

    const second = runSupervisor({ ...env, START_ONCE: '1' });
    await expect(second.exited).resolves.toBe(0);

    expect(second.stdout()).toContain(`(embedded, data reused in ${dataDir}/postgres`);
    expect(second.stdout()).toMatch(/database helpdesk_devscripts_embedded$/m);
  });
});
