import { mailV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { createMailboxRequestSchema, listMailboxesRequestSchema, nextPageToken, toMailboxMessage } from './mailbox.grpc-mapper';
import { MailboxesService } from './mailboxes.service';

/** The RPCs of `helpdesk.mail.v1.MailService` this controller serves. */
export const MAILBOX_RPCS = ['createMailbox', 'listMailboxes'] as const satisfies readonly (keyof mailV1.MailServiceController)[];

/** Mailbox administration (admins only: a mailbox holds IMAP credentials). */
@GrpcController()
@GrpcServiceMethods(mailV1.MAIL_SERVICE_NAME, MAILBOX_RPCS)
export class MailboxesGrpcController implements Pick<mailV1.MailServiceController, (typeof MAILBOX_RPCS)[number]> {
  constructor(@Inject(MailboxesService) private readonly mailboxes: MailboxesService) {}

  @Roles('admin')
  async createMailbox(request: mailV1.CreateMailboxRequest): Promise<mailV1.CreateMailboxResponse> {
    const input = parseRequest(createMailboxRequestSchema, request);
    return { mailbox: toMailboxMessage(await this.mailboxes.create(input)) };
  }

  @Roles('admin')
  async listMailboxes(request: mailV1.ListMailboxesRequest): Promise<mailV1.ListMailboxesResponse> {
    const { page } = parseRequest(listMailboxesRequestSchema, request);
    const mailboxes = await this.mailboxes.list(page.after, page.size);
    return { mailboxes: mailboxes.map(toMailboxMessage), page: { nextPageToken: nextPageToken(mailboxes, page.size) } };
  }
}
