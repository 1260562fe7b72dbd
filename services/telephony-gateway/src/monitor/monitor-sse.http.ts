import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthError, hasRole, type JwtVerifier } from '@helpdesk/auth';
import { sendJson } from '../http/send-json';
import { sseFrame } from './monitor-json';
import type { MonitorHub } from './monitor-hub';

const HEARTBEAT_MS = 15_000;

/**
 * `GET /monitor/calls[?agentId=…]`: the hotline monitor as Server-Sent Events for wallboards and
 * browsers. Staff only (agent, admin): a bearer token in `Authorization`, or `?access_token=`
 * because a browser's EventSource cannot set headers. A comment line every 15 s keeps proxies
 * from closing an idle stream.
 */
export class MonitorSse {
  constructor(
    private readonly hub: MonitorHub,
    private readonly verifier: JwtVerifier,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method !== 'GET') {
      response.setHeader('allow', 'GET');
      return sendJson(response, 405, { error: 'the monitor stream takes GET' });
    }
    try {
      const caller = await this.verifier.verify(request.headers.authorization ?? url.searchParams.get('access_token') ?? undefined);
      if (!hasRole(caller, ['agent', 'admin'])) return sendJson(response, 403, { error: 'the monitor is for agents and admins' });
    } catch (error) {
      if (error instanceof AuthError) return sendJson(response, 401, { error: error.message });
      throw error;
    }
    const agentId = url.searchParams.get('agentId') || null;
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    response.write('retry: 3000\n\n');
    const subscription = this.hub.subscribe(agentId, (update) => response.write(sseFrame(update, this.clock())));
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    response.on('close', () => {
      clearInterval(heartbeat);
      subscription.close();
    });
  }
}
