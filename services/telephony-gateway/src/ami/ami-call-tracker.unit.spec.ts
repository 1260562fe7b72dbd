import { AmiCallTracker, endCauseOf } from './ami-call-tracker';
import { AmiParser, serializeAction } from './ami-protocol';

const at = new Date('2026-11-23T12:00:00Z');

describe('AmiParser', () => {
  it('reads the banner, then messages split across chunks, keys lower-cased', () => {
    const parser = new AmiParser();
    expect(parser.push('Asterisk Call Manager/5.0.2\r\nResponse: Success\r\nActionID: 1\r\n')).toEqual([]);
    expect(parser.banner).toBe('Asterisk Call Manager/5.0.2');
    expect(parser.push('Message: Authentication accepted\r\n\r\nEvent: Hangup\r\nCause-txt: Normal Clearing\r\n\r\n')).toEqual([
      { response: 'Success', actionid: '1', message: 'Authentication accepted' },
      { event: 'Hangup', 'cause-txt': 'Normal Clearing' },
    ]);
  });

  it('writes actions in the line protocol, without line breaks inside values', () => {
    expect(serializeAction({ Action: 'Login', Secret: 'a\r\nb' })).toBe('Action: Login\r\nSecret: a  b\r\n\r\n');
  });
});

describe('AmiCallTracker', () => {
  const tracker = () => new AmiCallTracker(['from-trunk']);

  it('starts an inbound call on the first channel in a trunk context and ignores the other legs', () => {
    const t = tracker();
    expect(t.handle({ event: 'Newchannel', uniqueid: '1.1', linkedid: '1.1', context: 'from-trunk', calleridnum: '030123456', exten: '4940123400' }, at)).toEqual([
      { kind: 'start', input: { pbxCallId: '1.1', direction: 'inbound', from: '030123456', to: '4940123400', extension: null, pbxQueue: null, at } },
    ]);
    expect(t.handle({ event: 'Newchannel', uniqueid: '1.2', linkedid: '1.1', context: 'from-internal', calleridnum: '214' }, at)).toEqual([]);
  });

  it('treats a call from an internal context as outbound from the extension', () => {
    expect(tracker().handle({ event: 'Newchannel', uniqueid: '2.1', linkedid: '2.1', context: 'from-internal', calleridnum: '214', exten: '030123456' }, at)).toMatchObject([
      { kind: 'start', input: { direction: 'outbound', from: '214', to: '030123456', extension: '214' } },
    ]);
  });

  it('ends an unanswered call with the cause of its last dial status', () => {
    const t = tracker();
    t.handle({ event: 'Newchannel', uniqueid: '3.1', linkedid: '3.1', context: 'from-trunk', calleridnum: '1', exten: '2' }, at);
    t.handle({ event: 'DialEnd', uniqueid: '3.1', linkedid: '3.1', dialstatus: 'NOANSWER' }, at);
    expect(t.handle({ event: 'Hangup', uniqueid: '3.1', linkedid: '3.1', cause: '16', 'cause-txt': 'Normal Clearing' }, at)).toMatchObject([
      { kind: 'end', input: { cause: 'noAnswer', pbxCause: '16 Normal Clearing', complete: true } },
    ]);
    expect(t.tracked()).toEqual([]);
  });

  it('learns the queue from the app_queue events of the caller\'s channel, once per queue', () => {
    const t = tracker();
    t.handle({ event: 'Newchannel', uniqueid: '6.1', linkedid: '6.1', context: 'from-trunk', calleridnum: '030123456', exten: '2' }, at);
    expect(t.handle({ event: 'QueueCallerJoin', uniqueid: '6.1', linkedid: '6.1', queue: 'support', position: '1' }, at)).toEqual([{ kind: 'queue', input: { pbxCallId: '6.1', pbxQueue: 'support', at } }]);
    expect(t.handle({ event: 'AgentConnect', uniqueid: '6.1', linkedid: '6.1', queue: 'support', destuniqueid: '6.2' }, at)).toEqual([]);
    expect(t.handle({ event: 'AgentCalled', uniqueid: '6.1', linkedid: '6.1', queue: 'second-level' }, at)).toMatchObject([{ kind: 'queue', input: { pbxQueue: 'second-level' } }]);
    expect(t.handle({ event: 'QueueMemberStatus', queue: 'support', linkedid: '6.1' }, at)).toEqual([]);
    expect(t.handle({ event: 'QueueCallerJoin', uniqueid: '7.1', linkedid: '7.1', queue: 'support' }, at)).toEqual([]);
  });

  it('takes the queue of a channel found waiting in one after a reconnect', () => {
    const commands = tracker().reconcile([], [{ event: 'CoreShowChannel', uniqueid: '8.1', linkedid: '8.1', context: 'ext-queues', calleridnum: '030123456', exten: '400', application: 'Queue', applicationdata: 'support,t,,,300', duration: '00:00:05' }], at);
    expect(commands).toMatchObject([{ kind: 'start', input: { pbxCallId: '8.1', pbxQueue: 'support' } }]);
  });

  it.each([
    [null, 17, 'busy'],
    [null, 19, 'noAnswer'],
    [null, 1, 'notFound'],
    [null, 34, 'congestion'],
    ['CHANUNAVAIL', 16, 'congestion'],
    ['CANCEL', 16, 'cancel'],
    [null, 16, 'normalClearing'],
  ] as const)('maps dial status %s and cause %d to %s', (status, code, cause) => {
    expect(endCauseOf(status, code)).toBe(cause);
  });

  it('after a reconnect ends calls whose channels are gone as incomplete and starts calls it missed', () => {
    const t = tracker();
    const known = { pbxCallId: '4.1', direction: 'inbound', state: 'talking', extension: '214' } as const;
    const commands = t.reconcile([known as never], [{ event: 'CoreShowChannel', uniqueid: '5.1', linkedid: '5.1', context: 'from-trunk', calleridnum: '030123456', exten: '2', duration: '00:00:30' }], at);
    expect(commands).toMatchObject([
      { kind: 'end', input: { pbxCallId: '4.1', complete: false } },
      { kind: 'start', input: { pbxCallId: '5.1', at: new Date('2026-11-23T11:59:30Z') } },
    ]);
    expect(t.handle({ event: 'Hangup', uniqueid: '5.1', linkedid: '5.1', cause: '16' }, at)).toMatchObject([{ kind: 'end', input: { complete: false } }]);
  });
});
