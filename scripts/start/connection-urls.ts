/** Host and port of a server, as read from its URL. */
export interface Endpoint {
  host: string;
  port: number;
}

/**
 * Parses a server URL of one of `protocols`, filling in `defaultPort`; throws a one-line error
 * naming `variable` when the value is not such a URL.
 */
export function parseServerUrl(variable: string, value: string, protocols: readonly string[], defaultPort: number): Endpoint {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable} must be a ${protocols[0]}// URL (got "${value}")`);
  }
  if (!protocols.includes(url.protocol) || url.hostname === '') {
    throw new Error(`${variable} must be a ${protocols[0]}// URL (got "${value}")`);
  }
  return { host: unbracket(url.hostname), port: url.port === '' ? defaultPort : Number(url.port) };
}

/** The same PostgreSQL URL pointing at another database (credentials and parameters kept). */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** The same URL on another port. */
export function withPort(serverUrl: string, port: number): string {
  const url = new URL(serverUrl);
  url.port = String(port);
  return url.toString();
}

/** Whether `host` is this machine, where the supervisor may start a missing server itself. */
export function isLoopback(host: string): boolean {
  const bare = unbracket(host).toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** Hides the password of a URL for printing. */
export function redactUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.password !== '') url.password = '***';
  return url.toString();
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
