import { z } from 'zod';
import { ConfigError, commonConfigSchema, duration, isTimeZone, loadConfig, natsUrl, parseDurationMs, port, subjectPrefix, timeZone } from '../src';

describe('loadConfig', () => {
  it('fills defaults from the common schema', () => {
    const config = loadConfig(commonConfigSchema, {});
    expect(config).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/helpdesk',
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_SUBJECT_PREFIX: '',
      EVENT_RETENTION: 30 * 86_400_000,
      CONSUMER_MAX_DELIVER: 5,
      LOG_LEVEL: 'info',
    });
  });

  it('fails with one line naming the variable and what it got', () => {
    expect(() => loadConfig(commonConfigSchema, { NATS_URL: 'localhost' })).toThrow(
      new ConfigError('NATS_URL', 'config: NATS_URL must be a nats:// URL (comma-separated for several servers) (got "localhost")'),
    );
    expect(() => loadConfig(z.object({ GRPC_PORT: port() }), {})).toThrow(/^config: GRPC_PORT .* \(got nothing\)$/);
    expect(() => loadConfig(z.object({ P: port() }), { P: '70000' })).toThrow('config: P must be a port number between 0 and 65535 (got "70000")');
  });

  it('treats an empty value as unset so defaults apply', () => {
    expect(loadConfig(commonConfigSchema, { LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });

  it('parses the field helpers', () => {
    const schema = z.object({ D: duration(), N: natsUrl(), S: subjectPrefix() });
    expect(loadConfig(schema, { D: '1500ms', N: 'nats://a:4222,nats://b:4222', S: 'staging.' })).toEqual({
      D: 1500,
      N: 'nats://a:4222,nats://b:4222',
      S: 'staging.',
    });
    expect(() => loadConfig(schema, { D: '5 minutes', N: 'nats://a', S: '' })).toThrow(/^config: D must be a duration/);
    expect(() => loadConfig(schema, { D: '5m', N: 'nats://a', S: 'no-dot' })).toThrow(/^config: S must be empty or dot-separated/);
    expect(parseDurationMs('2h')).toBe(7_200_000);
  });

  it('rejects a short JWT secret', () => {
    expect(() => loadConfig(commonConfigSchema, { AUTH_JWT_SECRET: 'short' })).toThrow('config: AUTH_JWT_SECRET must be at least 32 characters (got a value of 5 characters)');
  });

  it('never echoes a password inside a URL', () => {
    expect(() => loadConfig(commonConfigSchema, { DATABASE_URL: 'mysql://u:hunter2@db/x' })).toThrow(
      'config: DATABASE_URL must be a postgres:// URL (got "mysql://u:***@db/x")',
    );
  });

  it('checks IANA time zones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(() => loadConfig(z.object({ TZ_TEST: timeZone() }), { TZ_TEST: 'Europe/Berln' })).toThrow(
      'config: TZ_TEST must be an IANA time zone such as Europe/Berlin (got "Europe/Berln")',
    );
  });
});
