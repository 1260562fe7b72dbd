import type { Metadata } from '@grpc/grpc-js';
import { telephonyV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, decodePageToken, encodePageToken, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { Observable } from 'rxjs';
import { MonitorHub } from '../monitor/monitor-hub';
import { getCallRequestSchema, listCallsRequestSchema, recordCallRequestSchema, watchCallsRequestSchema } from './calls-requests.grpc-mapper';
import { toCallMessage, toWatchCallsResponse } from './calls-responses.grpc-mapper';
import { CallsService } from './calls.service';

/** The RPCs of `helpdesk.telephony.v1.TelephonyService` this controller serves. */
export const CALL_RPCS = ['recordCall', 'getCall', 'listCalls', 'watchCalls'] as const satisfies readonly (keyof telephonyV1.TelephonyServiceController)[];

/** The part of the generated controller interface {@link CallsGrpcController} implements. */
export type CallsController = Pick<telephonyV1.TelephonyServiceController, (typeof CALL_RPCS)[number]>;

/** Call records and the hotline monitor. Staff read; integrations record. */
@GrpcController()
@GrpcServiceMethods(telephonyV1.TELEPHONY_SERVICE_NAME, CALL_RPCS)
export class CallsGrpcController implements CallsController {
  // Explicit tokens: decorator metadata is not emitted under every test runner.
  constructor(
    @Inject(CallsService) private readonly calls: CallsService,
    @Inject(MonitorHub) private readonly monitor: MonitorHub,
  ) {}

  @Roles('integration', 'admin')
  async recordCall(request: telephonyV1.RecordCallRequest, _metadata: Metadata): Promise<telephonyV1.RecordCallResponse> {
    const input = parseRequest(recordCallRequestSchema, request);
    return { call: toCallMessage((await this.calls.record(input)).call) };
  }

  @Roles('agent', 'admin', 'integration')
  async getCall(request: telephonyV1.GetCallRequest, _metadata: Metadata): Promise<telephonyV1.GetCallResponse> {
    const { id } = parseRequest(getCallRequestSchema, request);
    const call = await this.calls.get(id);
    const caller = call.contactId ? await this.calls.caller(call.contactId) : null;
    return { call: toCallMessage(call, caller) };
  }

  @Roles('agent', 'admin', 'integration')
  async listCalls(request: telephonyV1.ListCallsRequest, _metadata: Metadata): Promise<telephonyV1.ListCallsResponse> {
    const { filter, page } = parseRequest(listCallsRequestSchema, request);
    const key = decodePageToken('calls', page.token, 2);
    const cursor = key ? { startedAt: new Date(key[0] ?? ''), id: key[1] ?? '' } : null;
    const calls = await this.calls.list(filter, cursor, page.size + 1);
    const shown = calls.slice(0, page.size);
    const last = shown.at(-1);
    const next = calls.length > page.size && last ? encodePageToken('calls', [last.startedAt.toISOString(), last.id]) : '';
    return { calls: shown.map((call) => toCallMessage(call)), page: { nextPageToken: next } };
  }

  @Roles('agent', 'admin')
  watchCalls(request: telephonyV1.WatchCallsRequest, _metadata: Metadata): Observable<telephonyV1.WatchCallsResponse> {
    const { agentId } = parseRequest(watchCallsRequestSchema, request);
    return new Observable((subscriber) => {
      const subscription = this.monitor.subscribe(agentId, (update) => subscriber.next(toWatchCallsResponse(update, new Date())));
      return () => subscription.close();
    });
  }
}
