import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@helpdesk/telemetry';
import { CallError } from '../calls/call.errors';
import type { CallResult, CallsService } from '../calls/calls.service';
import type { ConnectionCache } from '../connections/connection-cache';
import { tokenMatches } from '../connections/pbx-connection';
import { sendJson } from '../http/send-json';
import { CtiInputError, parseCtiEvent, type CtiEvent } from './cti-event';
import { ctiHttpStatus } from './cti-http-status';
import { BodyError, readFields } from './request-body';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A refused webhook request: the status and the reason the PBX (and the log) get. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `POST /cti/{connectionId}`: the Generic CTI webhook. Authenticated by the connection's token
 * (`Authorization: Bearer …` or `?token=…`, as Zammad-style PBX settings put it in the URL).
 * Answers 200 `{ callId, state, repeated }`; a refusal is a 4xx with `{ error }`, logged, and
 * changes nothing.
 */
export class CtiWebhook {
  constructor(
    private readonly calls: CallsService,
    private readonly connections: ConnectionCache,
    private readonly maxBytes: number,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse, connectionId: string, url: URL): Promise<void> {
    const at = this.clock();
    try {
      if (request.method !== 'POST') {
        response.setHeader('allow', 'POST');
        throw new Refusal(405, 'the CTI webhook takes POST');
      }
      await this.authenticate(request, connectionId, url);
      const event = parseCtiEvent(await readFields(request, this.maxBytes));
      const result = await this.apply(connectionId, event, at);
      sendJson(response, 200, { callId: result.call.id, state: result.call.state, outcome: result.call.outcome, repeated: result.repeated });
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      this.logger.warn({ connectionId, status: refusal.status, reason: refusal.message }, 'CTI webhook refused');
      // A body left unread would otherwise be parsed as the next request on a keep-alive connection.
      if (!request.readableEnded) response.setHeader('connection', 'close');
      sendJson(response, refusal.status, { error: refusal.message });
    }
  }

  private async authenticate(request: IncomingMessage, connectionId: string, url: URL): Promise<void> {
    const token = bearer(request.headers.authorization) ?? url.searchParams.get('token');
    if (!token) throw new Refusal(401, 'missing token: send Authorization: Bearer <token> or ?token=<token>');
    const connection = UUID.test(connectionId) ? await this.connections.get(connectionId) : undefined;
    if (!connection || connection.kind !== 'cti_webhook') throw new Refusal(404, `no CTI webhook connection ${connectionId.slice(0, 40)}`);
    if (!tokenMatches(connection, token)) throw new Refusal(401, 'invalid token');
    if (!connection.enabled) throw new Refusal(403, `connection ${connection.name} is disabled`);
  }

  private apply(connectionId: string, event: CtiEvent, at: Date): Promise<CallResult> {
    switch (event.event) {
      case 'newCall':
        return this.calls.start(connectionId, { pbxCallId: event.callId, direction: event.direction, from: event.from, to: event.to, extension: event.user, pbxQueue: event.queue, at });
      case 'answer':
        return this.calls.answer(connectionId, { pbxCallId: event.callId, extension: event.user, at });
      case 'hangup':
        return this.calls.end(connectionId, { pbxCallId: event.callId, cause: event.cause, pbxCause: event.cause, forwardedTo: event.forwardedTo, at });
    }
  }
}

function refusalOf(error: unknown): Refusal | undefined {
  if (error instanceof Refusal) return error;
  if (error instanceof BodyError) return new Refusal(error.status, error.message);
  if (error instanceof CtiInputError) return new Refusal(400, error.message);
  if (error instanceof CallError) return new Refusal(ctiHttpStatus(error.code), error.message);
  return undefined;
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}
