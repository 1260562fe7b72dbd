import type { ticketV1 } from '@helpdesk/contracts';
import { toTimestamp } from '@helpdesk/grpc';
import type { Page } from '../tickets/ticket-filter';
import { toActorMessage } from '../tickets/ticket-responses.grpc-mapper';
import type { Message, StoredAttachment } from './message';
import { MESSAGE_AUDIENCE_TO_PROTO, MESSAGE_DIRECTION_TO_PROTO, MESSAGE_MEDIUM_TO_PROTO } from './message-enums.grpc-mapper';
import type { AttachmentContent } from './messages.repository';

// Domain values → response messages; proto3 strings have no null, so null becomes ''.

/** A stored file reference as `AttachmentRef` (size as the int64 decimal string). */
export function toAttachmentRefMessage(ref: StoredAttachment): ticketV1.AttachmentRef {
  return {
    fileName: ref.fileName,
    contentType: ref.contentType,
    sizeBytes: String(ref.sizeBytes),
    sha256: ref.sha256,
    inline: ref.inline,
    contentId: ref.contentId ?? '',
  };
}

/** A message of the log as the `Message` message. */
export function toMessageMessage(message: Message): ticketV1.Message {
  return {
    id: message.id,
    ticketId: message.ticketId,
    audience: MESSAGE_AUDIENCE_TO_PROTO[message.audience],
    medium: MESSAGE_MEDIUM_TO_PROTO[message.medium],
    direction: MESSAGE_DIRECTION_TO_PROTO[message.direction],
    author: toActorMessage(message.author),
    from: message.from ?? '',
    to: [...message.to],
    cc: [...message.cc],
    subject: message.subject ?? '',
    text: message.text,
    html: message.html ?? '',
    attachments: message.attachments.map(toAttachmentRefMessage),
    createTime: toTimestamp(message.createdAt),
    inReplyToMessageId: message.inReplyToMessageId ?? '',
  };
}

/** A page of messages as `ListMessagesResponse`. */
export function toListMessagesResponse(page: Page<Message>): ticketV1.ListMessagesResponse {
  return { messages: page.items.map(toMessageMessage), page: { nextPageToken: page.nextToken } };
}

/** An attachment with its content as `GetAttachmentResponse`. */
export function toGetAttachmentResponse(found: AttachmentContent): ticketV1.GetAttachmentResponse {
  return { attachment: toAttachmentRefMessage(found.ref), content: found.content };
}
