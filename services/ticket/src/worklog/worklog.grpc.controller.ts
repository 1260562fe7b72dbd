import type { Metadata } from '@grpc/grpc-js';
import { ticketV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { listWorkRequestSchema, recordWorkRequestSchema, voidWorkRequestSchema } from './worklog-requests.grpc-mapper';
import { toListWorkResponse, toWorkEntryMessage } from './worklog-responses.grpc-mapper';
import { WorklogService } from './worklog.service';

/** The RPCs of `helpdesk.ticket.v1.TicketService` this controller serves. */
export const TICKET_WORK_RPCS = ['recordWork', 'voidWork', 'listWork'] as const satisfies readonly (keyof ticketV1.TicketServiceController)[];

/** The part of the generated controller interface {@link WorklogGrpcController} implements. */
export type TicketWorkController = Pick<ticketV1.TicketServiceController, (typeof TICKET_WORK_RPCS)[number]>;

/**
 * The work log RPCs of `helpdesk.ticket.v1.TicketService`. Staff record and void work;
 * customers may list the work log of their own tickets (billable entries that stand only).
 */
@GrpcController()
@GrpcServiceMethods(ticketV1.TICKET_SERVICE_NAME, TICKET_WORK_RPCS)
export class WorklogGrpcController implements TicketWorkController {
  // Explicit token: decorator metadata is not emitted under every test runner.
  constructor(@Inject(WorklogService) private readonly worklog: WorklogService) {}

  @Roles('agent', 'admin', 'integration')
  async recordWork(request: ticketV1.RecordWorkRequest, metadata: Metadata): Promise<ticketV1.RecordWorkResponse> {
    const caller = callerFrom(metadata);
    const { ticketId, input } = parseRequest(recordWorkRequestSchema, request);
    const entry = await this.worklog.record(caller, ticketId, input);
    return { entry: toWorkEntryMessage({ ...entry, voided: false }) };
  }

  @Roles('agent', 'admin', 'integration')
  async voidWork(request: ticketV1.VoidWorkRequest, metadata: Metadata): Promise<ticketV1.VoidWorkResponse> {
    const caller = callerFrom(metadata);
    const { ticketId, input } = parseRequest(voidWorkRequestSchema, request);
    return { entry: toWorkEntryMessage(await this.worklog.voidEntry(caller, ticketId, input)) };
  }

  @Roles('agent', 'admin', 'integration', 'customer')
  async listWork(request: ticketV1.ListWorkRequest, metadata: Metadata): Promise<ticketV1.ListWorkResponse> {
    const caller = callerFrom(metadata);
    const { ticketId, page } = parseRequest(listWorkRequestSchema, request);
    return toListWorkResponse(await this.worklog.list(caller, ticketId, page));
  }
}
