import { isPhoneCountry, normalisePhoneNumber } from './phone-number';

describe('normalisePhoneNumber', () => {
  it.each(['+49 89 1234567', '089 1234567', '0049891234567', '(089) 123-4567', '+49 (0)89 1234567'])('reads %p as the Munich number +49891234567', (input) => {
    expect(normalisePhoneNumber(input, 'DE')).toEqual({ ok: true, phone: { e164: '+49891234567', extension: null, kind: 'landline' } });
  });

  it('reads national numbers in the given default country', () => {
    expect(normalisePhoneNumber('01 2345678', 'AT')).toMatchObject({ ok: true, phone: { e164: '+4312345678' } });
    expect(normalisePhoneNumber('(415) 555-2671', 'US')).toMatchObject({ ok: true, phone: { e164: '+14155552671' } });
    // An explicit country code wins over the default.
    expect(normalisePhoneNumber('+1 415 555 2671', 'DE')).toMatchObject({ ok: true, phone: { e164: '+14155552671' } });
  });

  it('tells mobile from landline numbers and keeps an extension apart', () => {
    expect(normalisePhoneNumber('0170 1234567', 'DE')).toMatchObject({ ok: true, phone: { e164: '+491701234567', kind: 'mobile' } });
    expect(normalisePhoneNumber('089 1234567 ext. 12', 'DE')).toMatchObject({ ok: true, phone: { e164: '+49891234567', extension: '12' } });
  });

  it.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    ['call me', 'is not a phone number'],
    ['12', 'is not a valid phone number'],
    ['+49 89', 'is not a valid phone number'],
    ['+999 1234', 'is not a phone number'],
  ])('refuses %p (%s)', (input, problem) => {
    const result = normalisePhoneNumber(input, 'DE');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toContain(problem);
  });

  it('refuses an unknown default country instead of guessing', () => {
    expect(normalisePhoneNumber('089 1234567', 'XX')).toEqual({ ok: false, problem: 'cannot be read with the unknown default country "XX"' });
    expect(isPhoneCountry('DE')).toBe(true);
    expect(isPhoneCountry('de')).toBe(false);
  });
});
