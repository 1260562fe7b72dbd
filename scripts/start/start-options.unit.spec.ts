import { parseStartOptions } from './start-options';

const ROOT = '/repo';

describe('parseStartOptions', () => {
  it('defaults to loopback PostgreSQL and NATS, services/ and .data/ under the root', () => {
    expect(parseStartOptions([], {}, ROOT)).toEqual({
      check: false,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      database: { host: '127.0.0.1', port: 5432 },
      natsUrl: 'nats://127.0.0.1:4222',
      nats: { host: '127.0.0.1', port: 4222 },
      servicesDir: '/repo/services',
      dataDir: '/repo/.data',
      stopTimeoutMs: 10_000,
    });
  });

  it('reads the URLs, folders and stop timeout from the environment', () => {
    const options = parseStartOptions(
      [],
      {
        DATABASE_URL: 'postgresql://dev:secret@db.internal/helpdesk',
        NATS_URL: 'nats://localhost:14222',
        HELPDESK_SERVICES_DIR: '/tmp/services',
        HELPDESK_DATA_DIR: 'state',
        HELPDESK_STOP_TIMEOUT_MS: '500',
      },
      ROOT,
    );

    expect(options).toMatchObject({
      database: { host: 'db.internal', port: 5432 },
      nats: { host: 'localhost', port: 14222 },
      servicesDir: '/tmp/services',
      dataDir: '/repo/state',
      stopTimeoutMs: 500,
    });
  });

  it.each([[['--check'], {}], [[], { START_ONCE: '1' }]])('check mode from %j %j', (argv, env) => {
    expect(parseStartOptions(argv, env, ROOT).check).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(parseStartOptions([], { DATABASE_URL: ' ', NATS_URL: '' }, ROOT).natsUrl).toBe('nats://127.0.0.1:4222');
  });

  it.each([
    [{ DATABASE_URL: 'localhost:5432' }, 'DATABASE_URL must be a postgres:// URL (got "localhost:5432")'],
    [{ DATABASE_URL: 'mysql://127.0.0.1/x' }, 'DATABASE_URL must be a postgres:// URL (got "mysql://127.0.0.1/x")'],
    [{ NATS_URL: 'localhost' }, 'NATS_URL must be a nats:// URL (got "localhost")'],
    [{ HELPDESK_STOP_TIMEOUT_MS: '1.5' }, 'HELPDESK_STOP_TIMEOUT_MS must be a positive whole number of milliseconds (got "1.5")'],
  ])('fails in one line naming the variable: %j', (env, message) => {
    expect(() => parseStartOptions([], env, ROOT)).toThrow(message);
  });

  it('rejects unknown arguments with the usage', () => {
    expect(() => parseStartOptions(['--watch'], {}, ROOT)).toThrow('unknown argument --watch (usage: npm start [-- --check])');
  });
});
