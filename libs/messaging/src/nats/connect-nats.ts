import { readFileSync } from 'node:fs';
import { connect, credsAuthenticator, nkeyAuthenticator, type Authenticator, type NatsConnection } from '@nats-io/transport-node';

/** How a service reaches NATS. */
export interface NatsConnectOptions {
  /** One or more `nats://` URLs, comma-separated. */
  readonly url: string;
  /**
   * Path of the credentials (`NATS_CREDS`): a `.creds` file (user JWT + nkey seed, for servers in
   * operator mode) or an nkey seed file (`SU…`, for servers with accounts in their config, as in
   * deploy/nats); unset for an open server.
   */
  readonly credsFile?: string;
  /** Connection name shown in the NATS monitoring endpoints, e.g. `ticket` or `ticket-relay`. */
  readonly name: string;
  /** Pause between reconnect attempts in milliseconds (default 2 000). */
  readonly reconnectTimeWaitMs?: number;
}

/**
 * Connects and keeps reconnecting for ever: a service outlives a NATS outage, its outbox simply
 * fills up meanwhile, and the first connect also waits for NATS rather than failing the start.
 */
export function connectNats(options: NatsConnectOptions): Promise<NatsConnection> {
  return connect({
    servers: options.url.split(',').map((s) => s.trim()),
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: options.reconnectTimeWaitMs ?? 2_000,
    waitOnFirstConnect: true,
    // An async stack trace costs an Error per request, which shows on the relay's publish path.
    noAsyncTraces: true,
    ...(options.credsFile ? { authenticator: authenticatorFor(options.credsFile) } : {}),
  });
}

const USER_SEED = /^SU[A-Z2-7]{56}$/;

/**
 * Reads the credentials once at start (a rotated Secret takes effect with the next rollout) and
 * tells a `.creds` file from a bare nkey seed by its content, failing with the path on anything else.
 */
export function authenticatorFor(path: string): Authenticator {
  const content = readFileSync(path, 'utf8');
  if (content.includes('BEGIN NATS USER JWT')) return credsAuthenticator(new TextEncoder().encode(content));
  const seed = content.trim();
  if (USER_SEED.test(seed)) return nkeyAuthenticator(new TextEncoder().encode(seed));
  throw new Error(`NATS_CREDS ${path} is neither a .creds file (user JWT + seed) nor an nkey user seed (SU…)`);
}
