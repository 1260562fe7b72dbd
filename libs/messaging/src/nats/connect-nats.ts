import { readFileSync } from 'node:fs';
import { connect, credsAuthenticator, type NatsConnection } from '@nats-io/transport-node';

/** How a service reaches NATS. */
export interface NatsConnectOptions {
  /** One or more `nats://` URLs, comma-separated. */
  readonly url: string;
  /** Path of a `.creds` file (JWT + nkey seed); unset for an open server. */
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
    ...(options.credsFile ? { authenticator: credsAuthenticator(readFileSync(options.credsFile)) } : {}),
  });
}
