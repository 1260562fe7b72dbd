import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleSlaClock, exampleSlaTicket } from '../shared/examples';
import { mailAddressSchema, timestampSchema, uuidSchema } from '../shared/primitives';
import { slaClockEventBaseSchema } from '../shared/sla-clock';

const recipientSchema = z.object({
  role: z
    .enum(['assignee', 'queue_lead', 'account_manager', 'agent', 'address'])
    .describe('Why this recipient is notified: the policy names a role (assignee, queue lead, account manager), a specific agent, or a plain address.'),
  agentId: uuidSchema.nullable().describe('The agent, when the recipient is one; null for plain addresses.'),
  displayName: z.string().min(1).describe('Name for the salutation.'),
  email: mailAddressSchema.describe('Where the mail gateway sends the escalation notification.'),
});

const schema = slaClockEventBaseSchema.extend({
  level: z.int().min(1).describe('Escalation level reached, 1 = first level.'),
  previousLevel: z.int().min(0).describe('Level before this escalation; 0 when none.'),
  trigger: z
    .enum(['warning', 'breach', 'after_breach'])
    .describe('What reached the level: the warning moment, the breach, or a configured time after the breach (e.g. breach + 2 h).'),
  recipients: z.array(recipientSchema).describe('Who is to be notified, resolved to mail addresses; empty when the level names no one reachable.'),
  escalatedAt: timestampSchema.describe('The moment the level was reached.'),
});

/** `helpdesk.sla.escalated.v1`: a clock reached an escalation level; the mail gateway notifies the recipients. */
export const slaEscalatedV1 = defineEvent({
  type: 'helpdesk.sla.escalated.v1',
  domain: 'sla',
  description:
    'An SLA clock reached an escalation level of its policy; carries the level and the recipients, whom the mail gateway notifies by mail.',
  schema,
  example: {
    ticket: exampleSlaTicket,
    clock: exampleSlaClock({
      trafficLight: 'red',
      elapsedBusinessSeconds: 7200,
      remainingBusinessSeconds: 0,
      breachedAt: '2026-11-23T11:14:43.000Z',
      escalationLevel: 2,
    }),
    level: 2,
    previousLevel: 1,
    trigger: 'breach',
    recipients: [
      {
        role: 'queue_lead',
        agentId: '01936a00-9999-7aaa-8bbb-000000000009',
        displayName: 'Jonas Weber',
        email: 'jonas.weber@helpdesk.example.com',
      },
    ],
    escalatedAt: '2026-11-23T11:14:43.000Z',
  },
});

/** Data of `helpdesk.sla.escalated.v1`. */
export type SlaEscalatedV1 = z.infer<typeof schema>;
