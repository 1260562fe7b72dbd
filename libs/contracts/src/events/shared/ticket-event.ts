import { z } from 'zod';
import { actorSchema } from './actor';
import { ticketSnapshotSchema } from './ticket-snapshot';

/**
 * The fields every `helpdesk.ticket.*` event starts with: the ticket after the change and who
 * made it. Event schemas extend this object with what is specific to them.
 */
export const ticketEventBaseSchema = z.object({
  ticket: ticketSnapshotSchema.describe('The ticket as it is after this change; keep read models with "apply if ticket.version is newer".'),
  actor: actorSchema.describe('Who made the change.'),
});
