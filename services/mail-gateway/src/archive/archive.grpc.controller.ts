import { mailV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, parseRequest, toTimestamp } from '@helpdesk/grpc';
import { DATA_SOURCE } from '@helpdesk/runtime';
import { Inject } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MailError } from '../errors/mail.errors';
import { OutboundMailsRepository } from '../outbound/outbound-mails.repository';
import { toDeliveryMessage } from '../outbound/outbound-mail.grpc-mapper';
import { getAttachmentRequestSchema, getOutboundDeliveryRequestSchema, getRawMessageRequestSchema } from './archive.grpc-mapper';
import { ArchiveRepository } from './archive.repository';

/** The RPCs of `helpdesk.mail.v1.MailService` this controller serves. */
export const ARCHIVE_RPCS = ['getRawMessage', 'getAttachment', 'getOutboundDelivery'] as const satisfies readonly (keyof mailV1.MailServiceController)[];

/**
 * Reads of what the gateway keeps: the raw originals (agents, admins — they may contain what
 * the sanitized text left out), attachment contents by reference and outbound delivery state.
 */
@GrpcController()
@GrpcServiceMethods(mailV1.MAIL_SERVICE_NAME, ARCHIVE_RPCS)
export class ArchiveGrpcController implements Pick<mailV1.MailServiceController, (typeof ARCHIVE_RPCS)[number]> {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Roles('agent', 'admin')
  async getRawMessage(request: mailV1.GetRawMessageRequest): Promise<mailV1.GetRawMessageResponse> {
    const { mailId } = parseRequest(getRawMessageRequestSchema, request);
    const mail = await new ArchiveRepository(this.dataSource.manager).rawMessage(mailId);
    if (!mail) throw new MailError('MAIL_NOT_FOUND', `mail ${mailId} not found`);
    return { mailId: mail.id, mailboxId: mail.mailboxId, raw: mail.raw, sha256: mail.sha256, messageIdHeader: mail.messageIdHeader, source: mail.source, receivedAt: toTimestamp(mail.receivedAt) };
  }

  @Roles('agent', 'admin', 'integration')
  async getAttachment(request: mailV1.GetAttachmentRequest): Promise<mailV1.GetAttachmentResponse> {
    const key = parseRequest(getAttachmentRequestSchema, request);
    const file = await new ArchiveRepository(this.dataSource.manager).attachment(key);
    if (!file) throw new MailError('ATTACHMENT_NOT_FOUND', 'sha256' in key ? `no attachment with sha256 ${key.sha256}` : `mail ${key.mailId} has no attachment part ${key.partId}`);
    return { fileName: file.fileName, contentType: file.contentType, content: file.content, sha256: file.sha256 };
  }

  @Roles('agent', 'admin', 'integration')
  async getOutboundDelivery(request: mailV1.GetOutboundDeliveryRequest): Promise<mailV1.GetOutboundDeliveryResponse> {
    const { outboundId } = parseRequest(getOutboundDeliveryRequestSchema, request);
    const mail = await new OutboundMailsRepository(this.dataSource.manager).byId(outboundId);
    if (!mail) throw new MailError('DELIVERY_NOT_FOUND', `outbound mail ${outboundId} not found`);
    return { delivery: toDeliveryMessage(mail) };
  }
}
