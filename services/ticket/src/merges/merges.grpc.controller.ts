import type { Metadata } from '@grpc/grpc-js';
import { ticketV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { toTicketMessage } from '../tickets/ticket-responses.grpc-mapper';
import { mergeTicketsRequestSchema } from './merge.grpc-mapper';
import { MergesService } from './merges.service';

/** The RPCs of `helpdesk.ticket.v1.TicketService` this controller serves. */
export const TICKET_MERGE_RPCS = ['mergeTickets'] as const satisfies readonly (keyof ticketV1.TicketServiceController)[];

/** The part of the generated controller interface {@link MergesGrpcController} implements. */
export type TicketMergeController = Pick<ticketV1.TicketServiceController, (typeof TICKET_MERGE_RPCS)[number]>;

/** Merging tickets: a decision of agents and admins. */
@GrpcController()
@GrpcServiceMethods(ticketV1.TICKET_SERVICE_NAME, TICKET_MERGE_RPCS)
export class MergesGrpcController implements TicketMergeController {
  // Explicit token: decorator metadata is not emitted under every test runner.
  constructor(@Inject(MergesService) private readonly merges: MergesService) {}

  @Roles('agent', 'admin')
  async mergeTickets(request: ticketV1.MergeTicketsRequest, metadata: Metadata): Promise<ticketV1.MergeTicketsResponse> {
    const caller = callerFrom(metadata);
    const { sourceTicketId, targetTicketId, reason } = parseRequest(mergeTicketsRequestSchema, request);
    const { target, source } = await this.merges.merge(caller, sourceTicketId, targetTicketId, reason);
    return { target: toTicketMessage(target), source: toTicketMessage(source) };
  }
}
