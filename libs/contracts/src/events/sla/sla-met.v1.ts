import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleSlaClock, exampleSlaTicket } from '../shared/examples';
import { timestampSchema } from '../shared/primitives';
import { slaClockEventBaseSchema } from '../shared/sla-clock';

const schema = slaClockEventBaseSchema.extend({
  metAt: timestampSchema.describe('When the target was reached (e.g. the first agent reply was sent).'),
  late: z.boolean().describe('True when the target was met only after it had been breached.'),
});

/** `helpdesk.sla.met.v1`: a clock's target was reached (on time or late). */
export const slaMetV1 = defineEvent({
  type: 'helpdesk.sla.met.v1',
  domain: 'sla',
  description: 'An SLA target was reached and its clock stopped; late tells whether it had been breached before.',
  schema,
  example: {
    ticket: exampleSlaTicket,
    clock: exampleSlaClock({
      state: 'met',
      trafficLight: 'yellow',
      elapsedBusinessSeconds: 5820,
      remainingBusinessSeconds: 1380,
      metAt: '2026-11-23T10:51:43.000Z',
    }),
    metAt: '2026-11-23T10:51:43.000Z',
    late: false,
  },
});

/** Data of `helpdesk.sla.met.v1`. */
export type SlaMetV1 = z.infer<typeof schema>;
