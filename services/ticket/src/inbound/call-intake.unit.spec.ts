import { callEndedV1, type CallEndedV1 } from '@helpdesk/contracts';
import { systemMessageRequest } from '../messages/message-addition';
import { callRecordInput, callRecordText, callTicketInput, callbackInput, planCall } from './call-intake';

const answered = (over: Partial<CallEndedV1> = {}): CallEndedV1 => ({ ...callEndedV1.example, ...over });
const missed = (over: Partial<CallEndedV1> = {}): CallEndedV1 =>
  answered({ outcome: 'missed', answeredAt: null, talkSeconds: 0, extension: null, agentId: null, pbxCause: 'noAnswer', ...over });

describe('planCall', () => {
  it('records answered calls in both directions and asks for a callback for an inbound call nobody took', () => {
    expect(planCall(answered())).toEqual({ kind: 'record' });
    expect(planCall(answered({ direction: 'outbound' }))).toEqual({ kind: 'record' });
    expect(planCall(missed())).toEqual({ kind: 'callback' });
    expect(planCall(missed({ outcome: 'busy' }))).toEqual({ kind: 'callback' });
    expect(planCall(missed({ from: null, fromRaw: '' }))).toEqual({ kind: 'callback' });
  });

  it('ignores outbound calls not answered, failed and forwarded calls, and missed calls with no one to call back', () => {
    expect(planCall(missed({ direction: 'outbound' }))).toMatchObject({ kind: 'ignore' });
    expect(planCall(missed({ outcome: 'failed' }))).toMatchObject({ kind: 'ignore' });
    expect(planCall(missed({ outcome: 'forwarded', forwardedTo: '+4940999' }))).toMatchObject({ kind: 'ignore' });
    expect(planCall(missed({ from: null, fromRaw: '', contactId: null, customerId: null }))).toMatchObject({ kind: 'ignore' });
  });
});

describe('call content', () => {
  it('records the call for the customer audience with what the customer knows: number, time, talk time', () => {
    const input = callRecordInput(answered());
    expect(input).toMatchObject({ audience: 'customer', medium: 'phone', direction: 'inbound', callId: callEndedV1.example.callId });
    expect(input.text).toBe('Inbound call from +4930123456, answered 2026-11-23 11:58:12 UTC, talk time 8 min 35 s.');
    expect(() => systemMessageRequest(input)).not.toThrow();
    expect(callRecordText(answered({ direction: 'outbound', talkSeconds: 42, complete: false }))).toBe(
      'Outbound call to +49401234000, answered 2026-11-23 11:58:12 UTC, talk time 42 s. Times are approximate: the telephony gateway lost track of the call and reconstructed its end.',
    );
  });

  it('opens a phone ticket for the caller, assigned to the agent who answered', () => {
    expect(callTicketInput(answered(), 'Max Mustermann')).toMatchObject({
      summary: 'Call from Max Mustermann',
      channel: 'phone',
      category: 'other',
      contactId: callEndedV1.example.contactId,
      customerId: callEndedV1.example.customerId,
      assigneeId: callEndedV1.example.agentId,
      callId: callEndedV1.example.callId,
    });
    expect(callTicketInput(missed(), null)).toMatchObject({ summary: 'Missed call from +4930123456', assigneeId: null, description: 'Missed call at 2026-11-23 12:06:47 UTC from +4930123456.' });
    expect(callTicketInput(missed({ from: null, fromRaw: '' }), null).summary).toBe('Missed call from a withheld number');
  });

  it('asks for the callback to the calling number, due from the end of the ringing', () => {
    expect(callbackInput(missed(), 'Max Mustermann')).toEqual({
      callId: callEndedV1.example.callId,
      callbackNumber: '+4930123456',
      callerName: 'Max Mustermann',
      missedAt: new Date(callEndedV1.example.endedAt),
    });
  });
});
