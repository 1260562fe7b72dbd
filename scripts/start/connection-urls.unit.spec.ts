import { isLoopback, parseServerUrl, redactUrl, withDatabase, withPort } from './connection-urls';

describe('connection URLs', () => {
  it('parses host and port, with the default port when none is given', () => {
    expect(parseServerUrl('X', 'nats://[::1]', ['nats:'], 4222)).toEqual({ host: '::1', port: 4222 });
    expect(parseServerUrl('X', 'postgres://u@10.0.0.5:6543/db', ['postgres:'], 5432)).toEqual({ host: '10.0.0.5', port: 6543 });
  });

  it('points a PostgreSQL URL at another database, keeping credentials and parameters', () => {
    expect(withDatabase('postgres://dev:secret@127.0.0.1:5432/postgres?sslmode=disable', 'helpdesk_mail_gateway')).toBe(
      'postgres://dev:secret@127.0.0.1:5432/helpdesk_mail_gateway?sslmode=disable',
    );
  });

  it('moves a URL to another port', () => {
    expect(withPort('postgres://postgres@127.0.0.1:5432/postgres', 55432)).toBe('postgres://postgres@127.0.0.1:55432/postgres');
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['10.0.0.5', false],
    ['db.internal', false],
  ])('%s is loopback: %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  it('hides passwords for printing', () => {
    expect(redactUrl('postgres://dev:secret@db/x')).toBe('postgres://dev:***@db/x');
    expect(redactUrl('postgres://postgres@db/x')).toBe('postgres://postgres@db/x');
  });
});
