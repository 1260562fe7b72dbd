import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { directoryEntityBaseSchema } from '../shared/directory-entity';
import { mailAddressSchema, uuidSchema } from '../shared/primitives';

const schema = directoryEntityBaseSchema.extend({
  agentId: uuidSchema.describe('Id of the agent (the subject of their tokens).'),
  displayName: z.string().min(1).describe('Name for display and statements, e.g. "Anna Schmidt".'),
  email: mailAddressSchema.describe('Mail address for notifications (SLA escalations, task reminders).'),
  extension: z.string().min(1).nullable().describe('PBX extension, to map calls to the agent; null when the agent takes no calls.'),
  available: z.boolean().describe('False while the agent is absent; their tickets are being reassigned to substitutes or queues.'),
  substituteAgentId: uuidSchema.nullable().describe('Agent who takes over while this one is absent; null when their tickets go back to the queues.'),
});

/** `helpdesk.directory.agent.upserted.v1`: an agent was created or changed (including availability). */
export const agentUpsertedV1 = defineEvent({
  type: 'helpdesk.directory.agent.upserted.v1',
  domain: 'directory',
  description:
    'A support agent was created (version 1) or changed, including availability; lets other services resolve agents to names, mail addresses and extensions.',
  schema,
  example: {
    agentId: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f',
    displayName: 'Anna Schmidt',
    email: 'anna.schmidt@helpdesk.example.com',
    extension: '214',
    available: true,
    substituteAgentId: null,
    version: 5,
    externalId: null,
    active: true,
    updatedAt: '2026-11-23T07:55:00.000Z',
  },
});

/** Data of `helpdesk.directory.agent.upserted.v1`. */
export type AgentUpsertedV1 = z.infer<typeof schema>;
