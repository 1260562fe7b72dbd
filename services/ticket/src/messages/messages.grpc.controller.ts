import type { Metadata } from '@grpc/grpc-js';
import { ticketV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { addMessageRequestSchema, getAttachmentRequestSchema, listMessagesRequestSchema } from './message-requests.grpc-mapper';
import { toGetAttachmentResponse, toListMessagesResponse, toMessageMessage } from './message-responses.grpc-mapper';
import { MessagesService } from './messages.service';

/** The RPCs of `helpdesk.ticket.v1.TicketService` this controller serves. */
export const TICKET_MESSAGE_RPCS = ['addMessage', 'listMessages', 'getAttachment'] as const satisfies readonly (keyof ticketV1.TicketServiceController)[];

/** The part of the generated controller interface {@link MessagesGrpcController} implements. */
export type TicketMessagesController = Pick<ticketV1.TicketServiceController, (typeof TICKET_MESSAGE_RPCS)[number]>;

/**
 * The communication log. Everyone who may read a ticket may call these; the service limits a
 * customer to customer-visible portal messages on its own tickets and to the customer-audience
 * messages and their files.
 */
@GrpcController()
@GrpcServiceMethods(ticketV1.TICKET_SERVICE_NAME, TICKET_MESSAGE_RPCS)
export class MessagesGrpcController implements TicketMessagesController {
  // Explicit token: decorator metadata is not emitted under every test runner.
  constructor(@Inject(MessagesService) private readonly messages: MessagesService) {}

  @Roles('agent', 'admin', 'integration', 'customer')
  async addMessage(request: ticketV1.AddMessageRequest, metadata: Metadata): Promise<ticketV1.AddMessageResponse> {
    const caller = callerFrom(metadata);
    const { ticketId, input } = parseRequest(addMessageRequestSchema, request);
    return { message: toMessageMessage(await this.messages.add(caller, ticketId, input)) };
  }

  @Roles('agent', 'admin', 'integration', 'customer')
  async listMessages(request: ticketV1.ListMessagesRequest, metadata: Metadata): Promise<ticketV1.ListMessagesResponse> {
    const caller = callerFrom(metadata);
    const { ticketId, page } = parseRequest(listMessagesRequestSchema, request);
    return toListMessagesResponse(await this.messages.list(caller, ticketId, page));
  }

  @Roles('agent', 'admin', 'integration', 'customer')
  async getAttachment(request: ticketV1.GetAttachmentRequest, metadata: Metadata): Promise<ticketV1.GetAttachmentResponse> {
    const caller = callerFrom(metadata);
    const { ticketId, sha256 } = parseRequest(getAttachmentRequestSchema, request);
    return toGetAttachmentResponse(await this.messages.attachment(caller, ticketId, sha256));
  }
}
