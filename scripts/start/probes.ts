import net from 'node:net';
import { Client } from 'pg';
import type { Endpoint } from './connection-urls';

/**
 * Outcome of asking a server whether it answers; `reason` says why not, for the user, and
 * `final` that waiting longer cannot help (the server process has exited).
 */
export type ProbeResult = { ok: true } | { ok: false; reason: string; final?: boolean };

/** Whether a PostgreSQL server accepts `databaseUrl` (connects, authenticates, runs `SELECT 1`). */
export async function probePostgres(databaseUrl: string, timeoutMs = 2_000): Promise<ProbeResult> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  // A server that goes away mid-probe emits 'error' on the client; the failed query reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether a NATS server listens at `endpoint`: a NATS server greets every connection with an
 * `INFO {…}` line, so reading that line is enough and needs no client library.
 */
export function probeNats(endpoint: Endpoint, timeoutMs = 2_000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: endpoint.host, port: endpoint.port });
    let received = '';
    const finish = (result: ProbeResult): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish({ ok: false, reason: `no answer within ${timeoutMs} ms` }));
    socket.on('error', (error) => finish({ ok: false, reason: describeError(error) }));
    socket.on('close', () => finish({ ok: false, reason: 'connection closed before a greeting' }));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (!received.includes('\n') && received.length < 8) return;
      finish(received.startsWith('INFO ') ? { ok: true } : { ok: false, reason: 'something else listens there (not NATS)' });
    });
  });
}

/** Whether nothing listens on `endpoint`, so a server can be started there. */
export function isPortFree(endpoint: Endpoint): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: endpoint.host, port: endpoint.port, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/**
 * Polls `check` every `intervalMs` until it succeeds, fails finally or `timeoutMs` passes;
 * returns the last result. Starting servers reports readiness only by answering, hence polling with a deadline.
 */
export async function pollUntil(check: () => Promise<ProbeResult>, timeoutMs: number, intervalMs = 100): Promise<ProbeResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result.ok || result.final === true || Date.now() >= deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A one-line description of a caught value (its message, or its code for bare socket errors). */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  if (error instanceof Error) return error.message !== '' ? error.message : error.name;
  return String(error);
}
