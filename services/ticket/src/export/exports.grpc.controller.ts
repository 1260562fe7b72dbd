import type { Metadata } from '@grpc/grpc-js';
import { ticketV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { exportTicketsRequestSchema } from './export.grpc-mapper';
import { toExportResponses, type ResponseStream } from './export-stream.grpc-adapter';
import { ExportsService } from './exports.service';

/** The RPCs of `helpdesk.ticket.v1.TicketService` this controller serves. */
export const TICKET_EXPORT_RPCS = ['exportTickets'] as const satisfies readonly (keyof ticketV1.TicketServiceController)[];

/** The part of the generated controller interface {@link ExportsGrpcController} implements. */
export type TicketExportController = Pick<ticketV1.TicketServiceController, (typeof TICKET_EXPORT_RPCS)[number]>;

/** Ticket exports; customers export their own customer's tickets only (the list's scope). */
@GrpcController()
@GrpcServiceMethods(ticketV1.TICKET_SERVICE_NAME, TICKET_EXPORT_RPCS)
export class ExportsGrpcController implements TicketExportController {
  // Explicit token: decorator metadata is not emitted under every test runner.
  constructor(@Inject(ExportsService) private readonly exports: ExportsService) {}

  /** Nest hands a streaming handler the grpc-js call as the third argument; it paces the stream. */
  @Roles('agent', 'admin', 'integration', 'customer')
  exportTickets(request: ticketV1.ExportTicketsRequest, metadata: Metadata, call?: ResponseStream): Observable<ticketV1.ExportTicketsResponse> {
    const caller = callerFrom(metadata);
    const { selection, format } = parseRequest(exportTicketsRequestSchema, request);
    return toExportResponses(this.exports.export(caller, selection, format), call);
  }
}
