import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleSlaClock, exampleSlaTicket } from '../shared/examples';
import { timestampSchema } from '../shared/primitives';
import { slaClockEventBaseSchema } from '../shared/sla-clock';

const schema = slaClockEventBaseSchema.extend({
  breachedAt: timestampSchema.describe('The due time that passed unmet (equals clock.dueAt); publishing may lag it by the timer latency.'),
});

/** `helpdesk.sla.breached.v1`: a clock passed its due time without the target being met (red). */
export const slaBreachedV1 = defineEvent({
  type: 'helpdesk.sla.breached.v1',
  domain: 'sla',
  description: 'An SLA clock passed its due time without the target being met (traffic light red); published once per clock.',
  schema,
  example: {
    ticket: exampleSlaTicket,
    clock: exampleSlaClock({
      trafficLight: 'red',
      elapsedBusinessSeconds: 7200,
      remainingBusinessSeconds: 0,
      breachedAt: '2026-11-23T11:14:43.000Z',
    }),
    breachedAt: '2026-11-23T11:14:43.000Z',
  },
});

/** Data of `helpdesk.sla.breached.v1`. */
export type SlaBreachedV1 = z.infer<typeof schema>;
