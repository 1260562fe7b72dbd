import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { timestampSchema } from '../shared/primitives';
import { slaClockSchema, slaTicketRefSchema } from '../shared/sla-clock';
import { slaTrafficLightSchema } from '../shared/ticket-snapshot';

const schema = z.object({
  ticket: slaTicketRefSchema.describe('The ticket the clocks belong to.'),
  version: z
    .int()
    .min(1)
    .describe('Per-ticket sequence of SLA state, +1 with every clock change; apply only if newer than what you hold.'),
  reason: z
    .enum(['started', 'paused', 'resumed', 'met', 'warning', 'breached', 'escalated', 'recomputed', 'cancelled'])
    .describe('What changed: a clock started/paused/resumed/met/was cancelled, a warning or breach moment passed, an escalation, or a policy/calendar change recomputed due times.'),
  trafficLight: slaTrafficLightSchema
    .nullable()
    .describe('Worst traffic light over the ticket\'s running and paused clocks; null when no clock runs any more.'),
  overdue: z.boolean().describe('True while any clock is breached and not met.'),
  nextDueAt: timestampSchema.nullable().describe('Earliest dueAt over running clocks (the ticket list sorts by it); null when none.'),
  clocks: z.array(slaClockSchema).describe('All clocks of the ticket after the change, including met and cancelled ones.'),
});

/** `helpdesk.sla.clock.updated.v1`: the SLA state of a ticket changed. */
export const slaClockUpdatedV1 = defineEvent({
  type: 'helpdesk.sla.clock.updated.v1',
  domain: 'sla',
  description:
    'The SLA state of a ticket changed (clock started, paused, resumed, met, warned, breached, escalated, or due times recomputed); carries all clocks with due times, remaining business time and traffic lights.',
  schema,
  example: {
    ticket: {
      ticketId: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e',
      number: 'T-100234',
      summary: 'VPN connection fails with error 809',
      priority: 'high',
      customerId: '01936a00-1111-7aaa-8bbb-000000000001',
      contractId: '01936a00-3333-7aaa-8bbb-000000000003',
      assigneeId: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f',
      queueId: '01936a00-5555-7aaa-8bbb-000000000005',
      ticketVersion: 6,
    },
    version: 4,
    reason: 'paused',
    trafficLight: 'green',
    overdue: false,
    nextDueAt: null,
    clocks: [
      {
        clockId: '01936b40-0000-7abc-8def-000000000061',
        target: 'resolution',
        taskId: null,
        policyId: '01936a00-7777-7aaa-8bbb-000000000007',
        calendarId: '01936a00-cccc-7aaa-8bbb-00000000000c',
        state: 'paused',
        trafficLight: 'green',
        targetSeconds: 28800,
        elapsedBusinessSeconds: 3600,
        remainingBusinessSeconds: 25200,
        startedAt: '2026-11-23T09:14:43.000Z',
        warningAt: null,
        dueAt: null,
        metAt: null,
        breachedAt: null,
        escalationLevel: 0,
      },
    ],
  },
});

/** Data of `helpdesk.sla.clock.updated.v1`. */
export type SlaClockUpdatedV1 = z.infer<typeof schema>;
