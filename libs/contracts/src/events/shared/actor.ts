import { z } from 'zod';
import { uuidSchema } from './primitives';

/** Who caused a change: a person signed in with a role, an integration token, or the platform itself. */
export const actorKindSchema = z.enum(['agent', 'contact', 'integration', 'system']);

/** Who caused a change, as recorded in the ticket history. */
export const actorSchema = z.object({
  kind: actorKindSchema.describe(
    'agent: a support agent or admin; contact: a customer contact (portal, mail, phone); integration: an API client token; system: the platform itself (a gateway, the SLA service, an automation rule).',
  ),
  id: uuidSchema
    .nullable()
    .describe('Agent id, contact id or integration client id; null for system actors and for senders the directory does not know.'),
  displayName: z
    .string()
    .min(1)
    .describe('Human-readable name at the time of the change, e.g. "Anna Schmidt" or "mail-gateway"; for display only, never for matching.'),
});

/** Who caused a change. */
export type Actor = z.infer<typeof actorSchema>;
