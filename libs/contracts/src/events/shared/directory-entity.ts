import { z } from 'zod';
import { timestampSchema } from './primitives';

/**
 * Fields every `helpdesk.directory.*.upserted` event carries. Directory events carry the whole
 * record after the change, so consumers keep read models by "apply if version is newer".
 */
export const directoryEntityBaseSchema = z.object({
  version: z
    .int()
    .min(1)
    .describe('Per-record version, 1 when the record was created and +1 with every change; apply only if newer than what you hold.'),
  externalId: z
    .string()
    .min(1)
    .nullable()
    .describe('Id of the record in the ERP/CRM it is synchronised from (the upsert key); null for records created in the helpdesk.'),
  active: z.boolean().describe('False once the record is archived; archived records stay resolvable by id but are offered for no new work.'),
  updatedAt: timestampSchema.describe('When this version was written.'),
});
