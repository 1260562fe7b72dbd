import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { directoryEntityBaseSchema } from '../shared/directory-entity';
import { labelSchema, uuidSchema } from '../shared/primitives';

const schema = directoryEntityBaseSchema.extend({
  queueId: uuidSchema.describe('Id of the queue (ticket pool).'),
  name: z.string().min(1).describe('Display name, e.g. "2nd level network".'),
  category: labelSchema.nullable().describe('Category whose tickets land in the queue by default; null when filled by rules only.'),
  strategy: z
    .enum(['manual', 'round_robin', 'schedule'])
    .describe('manual: members pick; round_robin: next available member; schedule: the member of the active weekly time slot.'),
  leadAgentId: uuidSchema.nullable().describe('Queue lead (SLA escalation recipient "queue lead"); null when none.'),
  memberIds: z.array(uuidSchema).describe('Agents who serve the queue; empty when none.'),
});

/** `helpdesk.directory.queue.upserted.v1`: a queue was created or changed. */
export const queueUpsertedV1 = defineEvent({
  type: 'helpdesk.directory.queue.upserted.v1',
  domain: 'directory',
  description: 'A queue was created (version 1) or changed: name, strategy, lead and members.',
  schema,
  example: {
    queueId: '01936a00-5555-7aaa-8bbb-000000000005',
    name: '2nd level network',
    category: 'technical',
    strategy: 'round_robin',
    leadAgentId: '01936a00-9999-7aaa-8bbb-000000000009',
    memberIds: ['01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f'],
    version: 2,
    externalId: null,
    active: true,
    updatedAt: '2026-11-01T08:00:00.000Z',
  },
});

/** Data of `helpdesk.directory.queue.upserted.v1`. */
export type QueueUpsertedV1 = z.infer<typeof schema>;
