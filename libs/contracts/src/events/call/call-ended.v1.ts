import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { callBaseSchema } from '../shared/call';
import { timestampSchema, uuidSchema } from '../shared/primitives';

const schema = callBaseSchema.extend({
  outcome: z
    .enum(['answered', 'missed', 'busy', 'failed', 'forwarded'])
    .describe(
      'answered: talked to an agent; missed: nobody answered or the caller hung up while ringing (inbound: the ticket service creates a callback task); busy: the callee was busy; failed: network or PBX error (congestion, not found); forwarded: passed to a number outside this PBX.',
    ),
  pbxCause: z
    .string()
    .min(1)
    .nullable()
    .describe('Hang-up cause as the PBX reported it (e.g. CTI "normalClearing", "noAnswer", Asterisk cause 16); null when none.'),
  answeredAt: timestampSchema.nullable().describe('When the call was answered; null unless outcome is answered.'),
  endedAt: timestampSchema.describe('When the call ended.'),
  ringSeconds: z.int().min(0).describe('Seconds from start until answered or ended, whole seconds.'),
  talkSeconds: z.int().min(0).describe('Talk duration in whole seconds from answer to hang-up; 0 unless answered. Billing prices the call from it.'),
  forwardedTo: z.string().min(1).nullable().describe('Number the call was forwarded to (E.164 when parseable); null unless outcome is forwarded.'),
  complete: z
    .boolean()
    .describe('False when the gateway lost PBX events (e.g. a reconnect mid-call) and reconstructed the end; times may then be approximate.'),
  ticketId: uuidSchema.nullable().describe('Ticket an integration named when recording the call through the API; null for PBX calls (the ticket service decides).'),
});

/** `helpdesk.call.ended.v1`: a call ended, with outcome and durations; the billable and documentable record. */
export const callEndedV1 = defineEvent({
  type: 'helpdesk.call.ended.v1',
  domain: 'call',
  description:
    'A call ended: outcome (answered, missed, busy, failed, forwarded) and durations in seconds. The ticket service documents it (phone message, work log, or a callback task for a missed inbound call) and billing prices answered calls.',
  schema,
  example: {
    callId: '01936b33-0000-7abc-8def-000000000041',
    pbxConnectionId: '01936a00-bbbb-7aaa-8bbb-00000000000b',
    pbxCallId: '3f1b8c2e9a',
    direction: 'inbound',
    from: '+4930123456',
    fromRaw: '030123456',
    to: '+49401234000',
    toRaw: '+49401234000',
    extension: '214',
    agentId: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f',
    pbxQueue: 'hotline',
    contactId: '01936a00-2222-7aaa-8bbb-000000000002',
    customerId: '01936a00-1111-7aaa-8bbb-000000000001',
    startedAt: '2026-11-23T11:58:00.000Z',
    outcome: 'answered',
    pbxCause: 'normalClearing',
    answeredAt: '2026-11-23T11:58:12.000Z',
    endedAt: '2026-11-23T12:06:47.000Z',
    ringSeconds: 12,
    talkSeconds: 515,
    forwardedTo: null,
    complete: true,
    ticketId: null,
  },
});

/** Data of `helpdesk.call.ended.v1`. */
export type CallEndedV1 = z.infer<typeof schema>;
