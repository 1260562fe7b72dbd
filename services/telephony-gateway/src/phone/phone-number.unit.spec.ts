import { MalformedNumberError, readPartyNumber } from './phone-number';

describe('readPartyNumber', () => {
  it.each([
    ['030 123456', '+4930123456'],
    ['+49 (0)30 123456', '+4930123456'],
    ['004930123456', '+4930123456'],
    ['+1 212-555-0123', '+12125550123'],
    ['sip:+4930123456@pbx.example', '+4930123456'],
  ])('normalises %s to %s', (input, e164) => {
    expect(readPartyNumber(input, 'DE').e164).toBe(e164);
  });

  it('keeps an extension or an invalid number raw, without E.164', () => {
    expect(readPartyNumber('214', 'DE')).toEqual({ raw: '214', e164: null });
  });

  it('reads withheld markers as an empty number', () => {
    expect(readPartyNumber('anonymous', 'DE')).toEqual({ raw: '', e164: null });
    expect(readPartyNumber('', 'DE')).toEqual({ raw: '', e164: null });
  });

  it.each(['call me maybe', '+49 30 12345678901234567890123456789012345678', '--'])('refuses %s', (input) => {
    expect(() => readPartyNumber(input, 'DE')).toThrow(MalformedNumberError);
  });
});
