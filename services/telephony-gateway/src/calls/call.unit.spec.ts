import { answerCall, endCall, outcomeOf, queueCall, startCall, talkSeconds, type Call, type StartCall } from './call';
import { CallError } from './call.errors';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 11, 58, seconds));
const input: StartCall = {
  pbxConnectionId: '01936a00-bbbb-7aaa-8bbb-00000000000b',
  pbxCallId: 'c-1',
  direction: 'inbound',
  from: { raw: '030123456', e164: '+4930123456' },
  to: { raw: '+49401234000', e164: '+49401234000' },
  extension: null,
  agentId: null,
  pbxQueue: 'hotline',
  at: at(0),
};
const ringing = (): Call => startCall(input, { contactId: null, customerId: null }, '01936b33-0000-7abc-8def-000000000041').call;

describe('the call state machine', () => {
  it('starts ringing with a call.started event carrying the E.164 numbers', () => {
    const { call, events } = startCall(input, { contactId: 'c', customerId: 'k' }, 'id-1');
    expect(call).toMatchObject({ state: 'ringing', from: '+4930123456', contactId: 'c', complete: true });
    expect(events).toEqual([expect.objectContaining({ type: 'helpdesk.call.started.v1', subject: 'id-1' })]);
  });

  it('answers once; a repeated answer changes nothing, one from another extension moves the call', () => {
    const answered = answerCall(ringing(), { extension: '214', agentId: 'a', at: at(12) });
    expect(answered.call).toMatchObject({ state: 'talking', extension: '214', answeredAt: at(12) });
    expect(answered.events.map((e) => e.type)).toEqual(['helpdesk.call.answered.v1']);
    expect(answerCall(answered.call, { extension: '214', agentId: 'a', at: at(20) })).toMatchObject({ repeated: true, events: [] });
    expect(answerCall(answered.call, { extension: '215', agentId: 'b', at: at(20) })).toMatchObject({ repeated: false, events: [], call: { extension: '215', agentId: 'b' } });
  });

  it('records the queue a call entered without an event of its own; the next events carry it', () => {
    const queued = queueCall(ringing(), 'second-level');
    expect(queued).toMatchObject({ repeated: false, events: [], call: { pbxQueue: 'second-level', state: 'ringing' } });
    expect(queueCall(queued.call, 'second-level')).toMatchObject({ repeated: true });
    expect(answerCall(queued.call, { extension: '214', agentId: null, at: at(3) }).events[0]?.data).toMatchObject({ pbxQueue: 'second-level' });
    const ended = endCall(queued.call, { cause: 'cancel', pbxCause: null, at: at(5), forwardedTo: null, complete: true }).call;
    expect(queueCall(ended, 'other')).toMatchObject({ repeated: true, call: { pbxQueue: 'second-level' } });
  });

  it('refuses an answer after the end', () => {
    const ended = endCall(ringing(), { cause: 'cancel', pbxCause: 'cancel', at: at(5), forwardedTo: null, complete: true }).call;
    expect(() => answerCall(ended, { extension: '214', agentId: null, at: at(6) })).toThrow(new CallError('CALL_ALREADY_ENDED', 'call c-1 already ended; it cannot be answered'));
  });

  it('ends an answered call with its talk time and a repeated end changes nothing', () => {
    const talking = answerCall(ringing(), { extension: '214', agentId: null, at: at(12) }).call;
    const { call, events } = endCall(talking, { cause: 'normalClearing', pbxCause: 'normalClearing', at: at(59), forwardedTo: null, complete: true });
    expect(call).toMatchObject({ state: 'ended', outcome: 'answered' });
    expect(talkSeconds(call)).toBe(47);
    expect(events[0]?.data).toMatchObject({ outcome: 'answered', ringSeconds: 12, talkSeconds: 47 });
    expect(endCall(call, { cause: 'busy', pbxCause: null, at: at(59), forwardedTo: null, complete: true })).toMatchObject({ repeated: true, events: [] });
  });

  it('never lets a later event move the call back in time', () => {
    const talking = answerCall(ringing(), { extension: '214', agentId: null, at: at(12) }).call;
    const { call } = endCall(talking, { cause: 'normalClearing', pbxCause: null, at: at(3), forwardedTo: null, complete: true });
    expect(call.endedAt).toEqual(at(12));
  });

  it.each([
    ['busy', 'busy'],
    ['congestion', 'failed'],
    ['notFound', 'failed'],
    ['forwarded', 'forwarded'],
    ['normalClearing', 'missed'],
    ['cancel', 'missed'],
    ['noAnswer', 'missed'],
  ] as const)('maps a ringing call ended by %s to %s', (cause, outcome) => {
    expect(outcomeOf('ringing', cause)).toBe(outcome);
    expect(outcomeOf('talking', cause)).toBe('answered');
  });
});
