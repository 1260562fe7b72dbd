import type { z } from 'zod';
import { defineEvent } from '../event-definition';
import { callBaseSchema } from '../shared/call';

const schema = callBaseSchema;

/** `helpdesk.call.started.v1`: a call is ringing (inbound) or being dialled (outbound). */
export const callStartedV1 = defineEvent({
  type: 'helpdesk.call.started.v1',
  domain: 'call',
  description:
    'A call started ringing (inbound) or was dialled (outbound), with the caller recognised from the directory where possible. Calls recorded after the fact through the API publish only helpdesk.call.ended.v1.',
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
    extension: null,
    agentId: null,
    pbxQueue: 'hotline',
    contactId: '01936a00-2222-7aaa-8bbb-000000000002',
    customerId: '01936a00-1111-7aaa-8bbb-000000000001',
    startedAt: '2026-11-23T11:58:00.000Z',
  },
});

/** Data of `helpdesk.call.started.v1`. */
export type CallStartedV1 = z.infer<typeof schema>;
