import { z } from 'zod';
import { e164Schema, timestampSchema, uuidSchema } from './primitives';

/** Fields every `helpdesk.call.*` event carries: the call as the gateway knows it at that moment. */
export const callBaseSchema = z.object({
  callId: uuidSchema.describe('Id of the call record in the telephony gateway; the CloudEvent `subject`.'),
  pbxConnectionId: uuidSchema.describe('PBX connection (CTI webhook, AMI server or API client) the call came from.'),
  pbxCallId: z.string().min(1).describe('The PBX\'s own call id (e.g. the CTI callId or the Asterisk linkedid).'),
  direction: z.enum(['inbound', 'outbound']).describe('inbound: a customer calls the hotline; outbound: an agent calls out (e.g. a callback).'),
  from: e164Schema.nullable().describe('Calling number in E.164; null when withheld or not parseable (see fromRaw).'),
  fromRaw: z.string().describe('Calling number exactly as the PBX sent it; empty when withheld.'),
  to: e164Schema.nullable().describe('Called number in E.164; null when not parseable (e.g. an internal extension, see toRaw).'),
  toRaw: z.string().describe('Called number exactly as the PBX sent it.'),
  extension: z.string().min(1).nullable().describe('Agent extension/PBX user handling the call; null while no agent is involved (ringing in a queue).'),
  agentId: uuidSchema.nullable().describe('Agent mapped from the extension; null when none or unknown.'),
  pbxQueue: z.string().min(1).nullable().describe('PBX queue or hunt group the call went through; null when none.'),
  contactId: uuidSchema
    .nullable()
    .describe('Contact recognised by the external party\'s number (caller for inbound, callee for outbound); null when not recognised.'),
  customerId: uuidSchema.nullable().describe('Customer of the recognised contact; null when not recognised.'),
  startedAt: timestampSchema.describe('When the call started ringing (inbound) or was dialled (outbound).'),
});

/** Fields shared by every call event. */
export type CallBase = z.infer<typeof callBaseSchema>;
