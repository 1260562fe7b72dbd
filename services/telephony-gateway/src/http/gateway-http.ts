import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@helpdesk/telemetry';
import type { CtiWebhook } from '../cti/cti-webhook.http';
import type { MonitorSse } from '../monitor/monitor-sse.http';
import { sendJson } from './send-json';

/**
 * The gateway's HTTP paths besides the ops endpoints, on the same port: `POST /cti/{connectionId}`
 * (CTI webhook) and `GET /monitor/calls` (monitor stream). An unexpected failure answers 500 and
 * is logged; it never takes the process down.
 */
export function gatewayHttpHandler(webhook: CtiWebhook, monitor: MonitorSse, logger: Logger) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://gateway');
    const cti = /^\/cti\/([^/]+)$/.exec(url.pathname);
    const handled = cti
      ? webhook.handle(request, response, cti[1] ?? '', url)
      : url.pathname === '/monitor/calls'
        ? monitor.handle(request, response, url)
        : Promise.resolve(sendJson(response, 404, { error: 'not found' }));
    handled.catch((error: unknown) => {
      logger.error({ err: error, path: url.pathname }, 'HTTP request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  };
}
