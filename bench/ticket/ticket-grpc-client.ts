import { platformClient, type UnaryClient } from '../support/grpc-client';

/** A client of `helpdesk.ticket.v1.TicketService` at `address` (host:port). */
export function ticketServiceClient(address: string): UnaryClient {
  return platformClient(address, 'helpdesk/ticket/v1/ticket.proto', 'helpdesk.ticket.v1.TicketService');
}
