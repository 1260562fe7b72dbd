import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { exampleSlaClock, exampleSlaTicket } from '../shared/examples';
import { timestampSchema } from '../shared/primitives';
import { slaClockEventBaseSchema } from '../shared/sla-clock';

const schema = slaClockEventBaseSchema.extend({
  warnedAt: timestampSchema.describe('The moment the clock entered its warning lead (its warningAt).'),
});

/** `helpdesk.sla.warning.v1`: a clock entered its warning lead (traffic light yellow). */
export const slaWarningV1 = defineEvent({
  type: 'helpdesk.sla.warning.v1',
  domain: 'sla',
  description: 'An SLA clock entered its warning lead: the target is due soon and not yet met (traffic light yellow).',
  schema,
  example: {
    ticket: exampleSlaTicket,
    clock: exampleSlaClock(),
    warnedAt: '2026-11-23T10:44:43.000Z',
  },
});

/** Data of `helpdesk.sla.warning.v1`. */
export type SlaWarningV1 = z.infer<typeof schema>;
