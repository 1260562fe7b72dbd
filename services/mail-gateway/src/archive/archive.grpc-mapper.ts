import { sha256Schema, uuidSchema } from '@helpdesk/contracts';
import { z } from 'zod';

const text = z.string({ error: 'must be a string' }).trim();
const requiredId = text.min(1, 'must be set').refine((value) => uuidSchema.safeParse(value).success, 'must be a UUID');

/** `GetRawMessageRequest`. */
export const getRawMessageRequestSchema = z.object({ mailId: requiredId });

/** `GetAttachmentRequest`: mail id with part id, or sha256 alone. */
export const getAttachmentRequestSchema = z
  .object({ mailId: text, partId: text, sha256: text.toLowerCase() })
  .superRefine((r, ctx) => {
    if (r.sha256 !== '') {
      if (!sha256Schema.safeParse(r.sha256).success) ctx.addIssue({ code: 'custom', path: ['sha256'], message: 'must be a lower-case hex SHA-256 digest' });
      return;
    }
    if (!uuidSchema.safeParse(r.mailId).success) ctx.addIssue({ code: 'custom', path: ['mailId'], message: 'must be a UUID (or give sha256)' });
    if (r.partId === '') ctx.addIssue({ code: 'custom', path: ['partId'], message: 'must be set with mailId' });
  })
  .transform((r) => (r.sha256 !== '' ? { sha256: r.sha256 } : { mailId: r.mailId, partId: r.partId }));

/** `GetOutboundDeliveryRequest`. */
export const getOutboundDeliveryRequestSchema = z.object({ outboundId: requiredId });
