import type { Metadata } from '@grpc/grpc-js';
import { ticketV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { linkTicketsRequestSchema, listLinksRequestSchema, toTicketLinkMessages } from './link.grpc-mapper';
import { LinksService } from './links.service';

/** The RPCs of `helpdesk.ticket.v1.TicketService` this controller serves. */
export const TICKET_LINK_RPCS = ['linkTickets', 'listLinks'] as const satisfies readonly (keyof ticketV1.TicketServiceController)[];

/** The part of the generated controller interface {@link LinksGrpcController} implements. */
export type TicketLinksController = Pick<ticketV1.TicketServiceController, (typeof TICKET_LINK_RPCS)[number]>;

/**
 * Ticket links: staff link tickets (customers may not); everyone who may read a ticket may list
 * its links, a customer only those to its own customer's tickets.
 */
@GrpcController()
@GrpcServiceMethods(ticketV1.TICKET_SERVICE_NAME, TICKET_LINK_RPCS)
export class LinksGrpcController implements TicketLinksController {
  // Explicit token: decorator metadata is not emitted under every test runner.
  constructor(@Inject(LinksService) private readonly links: LinksService) {}

  @Roles('agent', 'admin', 'integration')
  async linkTickets(request: ticketV1.LinkTicketsRequest, metadata: Metadata): Promise<ticketV1.LinkTicketsResponse> {
    const caller = callerFrom(metadata);
    const { ticketId, link } = parseRequest(linkTicketsRequestSchema, request);
    return { links: toTicketLinkMessages(await this.links.link(caller, ticketId, link)) };
  }

  @Roles('agent', 'admin', 'integration', 'customer')
  async listLinks(request: ticketV1.ListLinksRequest, metadata: Metadata): Promise<ticketV1.ListLinksResponse> {
    const caller = callerFrom(metadata);
    const { ticketId } = parseRequest(listLinksRequestSchema, request);
    return { links: toTicketLinkMessages(await this.links.list(caller, ticketId)) };
  }
}
