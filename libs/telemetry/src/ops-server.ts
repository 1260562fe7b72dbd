import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { metricsRegistry } from './metrics-registry';
import { OPS_PATHS } from './ops-paths';
import { DEFAULT_READINESS_TIMEOUT_MS, runReadinessChecks, type ReadinessCheck } from './readiness';
import { handleInSpan } from './traced-request';

/** What {@link startOpsServer} needs to know. */
export interface OpsServerOptions {
  /** Interface to bind; default all interfaces (probes and scrapers come from outside the pod). */
  host?: string;
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Checks behind `/readyz`; all must pass. */
  readiness: readonly ReadinessCheck[];
  /** Milliseconds each readiness check may take; default 2000. */
  readinessTimeoutMs?: number;
  /** Registry served at `/metrics`; default {@link metricsRegistry}. */
  registry?: Registry;
  /** Logs readiness changes and handler failures. */
  logger?: Logger;
  /**
   * Handles requests for any other path (e.g. a gateway's webhooks on the same port) instead of
   * the 404, inside a SERVER span that continues the caller's `traceparent`.
   */
  fallback?: (request: IncomingMessage, response: ServerResponse) => void;
}

/** A listening ops server. */
export interface OpsServer {
  /** The bound port (the chosen one when started with port 0). */
  readonly port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Serves the operations endpoints over plain node:http:
 * `GET /healthz` 200 `{"status":"ok"}` while the process runs;
 * `GET /readyz` 200 `{"status":"ready","checks":[…]}` when every check passes, otherwise 503
 * `{"status":"not_ready","failing":["nats"],"checks":[…]}`;
 * `GET /metrics` the registry in Prometheus text format.
 * Other paths answer 404 (or go to `fallback`); other methods on these paths 405.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const handle = opsRequestHandler(options);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.logger?.error({ err: error }, 'ops request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  });
  await listen(server, options);
  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close: () => (closing ??= close(server)),
  };
}

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

function opsRequestHandler(options: OpsServerOptions): Handler {
  const registry = options.registry ?? metricsRegistry;
  const timeoutMs = options.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS;
  let wasReady: boolean | undefined;

  const routes: Record<string, Handler> = {
    '/healthz': async (_, response) => sendJson(response, 200, { status: 'ok' }),
    '/readyz': async (_, response) => {
      const checks = await runReadinessChecks(options.readiness, timeoutMs);
      const failing = checks.filter((check) => !check.ok).map((check) => check.name);
      const ready = failing.length === 0;
      // Probes repeat every few seconds; log only the changes.
      if (ready !== wasReady) {
        if (ready) options.logger?.info('ready');
        else options.logger?.warn({ checks: checks.filter((check) => !check.ok) }, 'not ready');
        wasReady = ready;
      }
      if (ready) sendJson(response, 200, { status: 'ready', checks });
      else sendJson(response, 503, { status: 'not_ready', failing, checks });
    },
    '/metrics': async (_, response) => {
      const body = await registry.metrics();
      response.writeHead(200, { 'content-type': registry.contentType }).end(body);
    },
  };

  return async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://ops').pathname;
    const route = OPS_PATHS.has(path) ? routes[path] : undefined;
    if (!route) {
      if (options.fallback) handleInSpan(request, response, options.fallback);
      else sendJson(response, 404, { error: 'not found' });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      sendJson(response, 405, { error: 'method not allowed' });
      return;
    }
    await route(request, response);
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

function listen(server: Server, options: OpsServerOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host, port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
