import { createHash } from 'node:crypto';
import { invalidField } from '../tickets/ticket.errors';
import type { AttachmentUpload, StoredAttachment } from './message';

/** The default of `TICKET_ATTACHMENT_MAX_BYTES`: 25 MiB, what common mail servers accept. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

/** An upload with its content address, ready to be stored. */
export interface HashedAttachment {
  readonly ref: StoredAttachment;
  readonly content: Uint8Array;
}

/**
 * Refuses the first attachment larger than `maxBytes` with INVALID_FIELD naming it
 * (`attachments[1]: 31457280 bytes exceeds the limit of 26214400`). Runs before anything is
 * written: an over-size file refuses the whole message, it is never silently dropped.
 */
export function assertAttachmentSizes(attachments: readonly AttachmentUpload[], maxBytes: number): void {
  for (const [index, attachment] of attachments.entries()) {
    const size = attachment.content.byteLength;
    if (size > maxBytes) throw invalidField(`attachments[${index}]`, `${size} bytes exceeds the limit of ${maxBytes}`);
  }
}

/** Lower-case hex SHA-256 of a content: its address in the attachment store. */
export function sha256Hex(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Each upload with its SHA-256 and size, in the order given. */
export function hashAttachments(attachments: readonly AttachmentUpload[]): HashedAttachment[] {
  return attachments.map((upload) => ({
    content: upload.content,
    ref: {
      fileName: upload.fileName,
      contentType: upload.contentType,
      sizeBytes: upload.content.byteLength,
      sha256: sha256Hex(upload.content),
      inline: upload.inline,
      contentId: upload.contentId,
    },
  }));
}
