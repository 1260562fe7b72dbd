import type { Metadata } from '@grpc/grpc-js';
import { ticketV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import {
  assignTicketRequestSchema,
  changeStatusRequestSchema,
  createTicketRequestSchema,
  getHistoryRequestSchema,
  getTicketRequestSchema,
  listTicketsRequestSchema,
  updateTicketRequestSchema,
  verifyHistoryRequestSchema,
} from './ticket-requests.grpc-mapper';
import {
  toGetHistoryResponse,
  toListTicketsResponse,
  toTicketMessage,
  toVerifyHistoryResponse,
} from './ticket-responses.grpc-mapper';
import { TicketsService } from './tickets.service';

/**
 * The RPCs of `helpdesk.ticket.v1.TicketService` this controller serves: the ticket lifecycle
 * and its history. The service's other RPCs (messages, work, tasks, links, export) belong to
 * their feature folders' controllers.
 */
export const TICKET_LIFECYCLE_RPCS = [
  'createTicket',
  'getTicket',
  'listTickets',
  'updateTicket',
  'changeStatus',
  'assignTicket',
  'getHistory',
  'verifyHistory',
] as const satisfies readonly (keyof ticketV1.TicketServiceController)[];

/** The part of the generated controller interface {@link TicketsGrpcController} implements. */
export type TicketLifecycleController = Pick<ticketV1.TicketServiceController, (typeof TICKET_LIFECYCLE_RPCS)[number]>;

/**
 * `helpdesk.ticket.v1.TicketService` lifecycle RPCs: who (the verified caller), what (the parsed request), call
 * the service, map the result. Customers may read (the service scopes them to their own
 * customer's tickets, NOT_FOUND otherwise) and open tickets; changing tickets is for staff;
 * verifying the history chain for agents and admins.
 */
@GrpcController()
@GrpcServiceMethods(ticketV1.TICKET_SERVICE_NAME, TICKET_LIFECYCLE_RPCS)
export class TicketsGrpcController implements TicketLifecycleController {
  // Explicit token: decorator metadata is not emitted under every test runner.
  constructor(@Inject(TicketsService) private readonly tickets: TicketsService) {}

  @Roles('agent', 'admin', 'integration', 'customer')
  async createTicket(request: ticketV1.CreateTicketRequest, metadata: Metadata): Promise<ticketV1.CreateTicketResponse> {
    const caller = callerFrom(metadata);
    const input = parseRequest(createTicketRequestSchema, request);
    return { ticket: toTicketMessage(await this.tickets.create(caller, input)) };
  }

  @Roles('agent', 'admin', 'integration', 'customer')
  async getTicket(request: ticketV1.GetTicketRequest, metadata: Metadata): Promise<ticketV1.GetTicketResponse> {
    const caller = callerFrom(metadata);
    const key = parseRequest(getTicketRequestSchema, request);
    return { ticket: toTicketMessage(await this.tickets.get(caller, key)) };
  }

  @Roles('agent', 'admin', 'integration', 'customer')
  async listTickets(request: ticketV1.ListTicketsRequest, metadata: Metadata): Promise<ticketV1.ListTicketsResponse> {
    const caller = callerFrom(metadata);
    const { filter, page } = parseRequest(listTicketsRequestSchema, request);
    return toListTicketsResponse(await this.tickets.list(caller, filter, page));
  }

  @Roles('agent', 'admin', 'integration')
  async updateTicket(request: ticketV1.UpdateTicketRequest, metadata: Metadata): Promise<ticketV1.UpdateTicketResponse> {
    const caller = callerFrom(metadata);
    const { id, patch, expectedVersion } = parseRequest(updateTicketRequestSchema, request);
    return { ticket: toTicketMessage(await this.tickets.update(caller, id, patch, expectedVersion)) };
  }

  @Roles('agent', 'admin', 'integration')
  async changeStatus(request: ticketV1.ChangeStatusRequest, metadata: Metadata): Promise<ticketV1.ChangeStatusResponse> {
    const caller = callerFrom(metadata);
    const { id, input, expectedVersion } = parseRequest(changeStatusRequestSchema, request);
    return { ticket: toTicketMessage(await this.tickets.changeStatus(caller, id, input, expectedVersion)) };
  }

  @Roles('agent', 'admin', 'integration')
  async assignTicket(request: ticketV1.AssignTicketRequest, metadata: Metadata): Promise<ticketV1.AssignTicketResponse> {
    const caller = callerFrom(metadata);
    const { id, input, expectedVersion } = parseRequest(assignTicketRequestSchema, request);
    return { ticket: toTicketMessage(await this.tickets.assign(caller, id, input, expectedVersion)) };
  }

  @Roles('agent', 'admin', 'integration', 'customer')
  async getHistory(request: ticketV1.GetHistoryRequest, metadata: Metadata): Promise<ticketV1.GetHistoryResponse> {
    const caller = callerFrom(metadata);
    const { id, page } = parseRequest(getHistoryRequestSchema, request);
    return toGetHistoryResponse(await this.tickets.history(caller, id, page));
  }

  @Roles('agent', 'admin')
  async verifyHistory(request: ticketV1.VerifyHistoryRequest, metadata: Metadata): Promise<ticketV1.VerifyHistoryResponse> {
    const caller = callerFrom(metadata);
    const { id } = parseRequest(verifyHistoryRequestSchema, request);
    return toVerifyHistoryResponse(await this.tickets.verifyHistory(caller, id));
  }
}
