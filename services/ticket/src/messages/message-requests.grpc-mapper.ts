import { mailAddressSchema, sha256Schema, ticketV1, uuidSchema } from '@helpdesk/contracts';
import { z } from 'zod';
import { protoEnumSchema } from '../tickets/ticket-enums.grpc-mapper';
import { pageSize, type PageRequest } from '../tickets/ticket-filter';
import type { AddMessageInput, AttachmentUpload } from './message';
import { MESSAGE_AUDIENCE_TO_PROTO, MESSAGE_DIRECTION_TO_PROTO, MESSAGE_MEDIUM_TO_PROTO } from './message-enums.grpc-mapper';

// Zod schemas turning the communication log's request messages (as @grpc/proto-loader delivers
// them: camelCase keys, defaults filled, bytes as Buffer) into the service's inputs. Proto3
// strings cannot say "not given", so '' means it. Audience, medium and direction may be
// UNSPECIFIED here: a customer's are forced anyway, and the service requires them from staff.

/** The content type of an attachment sent without one. */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

const text = z.string({ error: 'must be a string' });
const uuid = text.refine((value) => uuidSchema.safeParse(value).success, 'must be a UUID');
const requiredId = text.min(1, 'must be set').pipe(uuid);
const optionalId = z.union([z.literal('').transform(() => null), uuid]);
const optionalText = text.transform((value) => (value.trim() === '' ? null : value));
const address = text.trim().pipe(mailAddressSchema);
const optionalAddress = z.union([z.literal('').transform(() => null), address]);
const contentType = text
  .trim()
  .transform((value) => value || DEFAULT_CONTENT_TYPE)
  .refine((value) => /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;.*)?$/.test(value), 'must be a MIME type such as application/pdf');

const attachment = z
  .object({
    fileName: text.trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
    contentType,
    content: z.instanceof(Uint8Array, { error: 'must be bytes' }),
    inline: z.boolean({ error: 'must be a boolean' }),
    // Content-IDs travel in angle brackets in MIME headers; the reference is without them.
    contentId: text.trim().transform((value) => value.replace(/^<(.*)>$/, '$1') || null),
  })
  .transform((value): AttachmentUpload => value);

const page = z
  .object({ pageSize: z.number({ error: 'must be a number' }).int('must be a whole number'), pageToken: text })
  .nullish()
  .transform((value): PageRequest => ({ size: pageSize(value?.pageSize ?? 0), token: value?.pageToken ?? '' }));

/** An `AddMessageRequest` as the ticket id and {@link AddMessageInput}. */
export interface AddMessageCommand {
  readonly ticketId: string;
  readonly input: AddMessageInput;
}

/** `AddMessageRequest` → {@link AddMessageCommand}. */
export const addMessageRequestSchema = z
  .object({
    ticketId: requiredId,
    audience: protoEnumSchema(MESSAGE_AUDIENCE_TO_PROTO, ticketV1.MessageAudience.MESSAGE_AUDIENCE_UNSPECIFIED),
    medium: protoEnumSchema(MESSAGE_MEDIUM_TO_PROTO, ticketV1.MessageMedium.MESSAGE_MEDIUM_UNSPECIFIED),
    direction: protoEnumSchema(MESSAGE_DIRECTION_TO_PROTO, ticketV1.MessageDirection.MESSAGE_DIRECTION_UNSPECIFIED),
    from: optionalAddress,
    to: z.array(address),
    cc: z.array(address),
    subject: optionalText,
    text,
    html: optionalText,
    attachments: z.array(attachment),
    inReplyToMessageId: optionalId,
  })
  .transform(({ ticketId, audience, medium, direction, ...rest }): AddMessageCommand => ({
    ticketId,
    input: { ...rest, ...(audience ? { audience } : {}), ...(medium ? { medium } : {}), ...(direction ? { direction } : {}) },
  }));

/** `ListMessagesRequest` → ticket id and page. */
export const listMessagesRequestSchema = z.object({ ticketId: requiredId, page });

/** `GetAttachmentRequest` → ticket id and the content's SHA-256 (lower-cased). */
export const getAttachmentRequestSchema = z.object({
  ticketId: requiredId,
  sha256: text.trim().toLowerCase().pipe(sha256Schema),
});
