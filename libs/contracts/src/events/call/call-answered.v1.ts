import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { callBaseSchema } from '../shared/call';
import { timestampSchema } from '../shared/primitives';

const schema = callBaseSchema.extend({
  answeredAt: timestampSchema.describe('When the call was answered; talk time starts here.'),
});

/** `helpdesk.call.answered.v1`: a call was answered; extension and agentId name who answered. */
export const callAnsweredV1 = defineEvent({
  type: 'helpdesk.call.answered.v1',
  domain: 'call',
  description: 'A call was answered; extension and agentId name the agent who took it.',
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
    answeredAt: '2026-11-23T11:58:12.000Z',
  },
});

/** Data of `helpdesk.call.answered.v1`. */
export type CallAnsweredV1 = z.infer<typeof schema>;
