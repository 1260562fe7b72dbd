import { z } from 'zod';
import { sha256Schema } from './primitives';

/**
 * A reference to a stored file. Events carry references, never content: files are stored
 * content-addressed by SHA-256 by their owner and fetched through that owner's gRPC API.
 */
export const attachmentRefSchema = z.object({
  fileName: z.string().min(1).describe('File name as given by the sender, e.g. "error-log.txt".'),
  contentType: z.string().min(1).describe('MIME type, e.g. "application/pdf".'),
  sizeBytes: z.int().min(0).describe('Size of the content in bytes.'),
  sha256: sha256Schema.describe('Lower-case hex SHA-256 of the content: its address in the owner\'s file store.'),
  inline: z.boolean().describe('True for inline parts (e.g. images referenced from HTML by Content-ID), false for real attachments.'),
  contentId: z.string().min(1).nullable().describe('MIME Content-ID without angle brackets, for inline parts; null otherwise.'),
});

/** A reference to a stored file. */
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;
