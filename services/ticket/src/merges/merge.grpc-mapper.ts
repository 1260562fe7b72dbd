import { uuidSchema } from '@helpdesk/contracts';
import { z } from 'zod';

const text = z.string({ error: 'must be a string' });
const requiredId = text.min(1, 'must be set').refine((value) => uuidSchema.safeParse(value).success, 'must be a UUID');

/** `MergeTicketsRequest` → source, target and reason ('' → none). */
export const mergeTicketsRequestSchema = z.object({
  sourceTicketId: requiredId,
  targetTicketId: requiredId,
  reason: text.transform((value) => value.trim() || null),
});
