import { CtiInputError, parseCtiEvent } from './cti-event';

describe('parseCtiEvent', () => {
  it('reads a sipgate-style newCall with user[] and in/out directions', () => {
    expect(parseCtiEvent({ event: 'newCall', callId: 'a', direction: 'in', from: '030123456', to: '4940123400', 'user[]': ['Anna', 'Jonas'] })).toEqual({
      event: 'newCall',
      callId: 'a',
      direction: 'inbound',
      from: '030123456',
      to: '4940123400',
      user: 'Anna',
      queue: null,
    });
    expect(parseCtiEvent({ event: 'newCall', callId: 'a', direction: 'out', to: '030123456', user: '214' })).toMatchObject({ direction: 'outbound', from: '', user: '214' });
  });

  it('reads hangup causes case-insensitively, defaulting to normalClearing', () => {
    expect(parseCtiEvent({ event: 'hangup', callId: 'a', cause: 'NOANSWER' })).toMatchObject({ cause: 'noAnswer' });
    expect(parseCtiEvent({ event: 'hangup', callId: 'a' })).toMatchObject({ cause: 'normalClearing' });
    expect(parseCtiEvent({ event: 'hangup', callId: 'a', cause: 'forwarded', answeringNumber: '+4989123' })).toMatchObject({ cause: 'forwarded', forwardedTo: '+4989123' });
  });

  it.each([
    [{ event: 'answer' }, 'callId: is required'],
    [{ event: 'answer', callId: 'x'.repeat(201) }, 'callId: must be at most 200 characters'],
    [{ event: 'newCall', callId: 'a', direction: 'in' }, 'to: is required'],
  ])('refuses %j naming the field', (fields, message) => {
    expect(() => parseCtiEvent(fields)).toThrow(new CtiInputError(message.split(':')[0] ?? '', message.slice(message.indexOf(':') + 2)));
  });
});
