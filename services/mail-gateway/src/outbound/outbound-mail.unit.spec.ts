import { decideAfterAttempt, parseSmtpReply } from './outbound-mail';

const policy = { maxAttempts: 3, baseDelayMs: 60_000 };
const now = new Date('2026-11-24T10:00:00.000Z');
const temp = { kind: 'temporary', reply: { code: 451, enhancedStatus: '4.3.0', text: '451 4.3.0 later' }, error: 'x' } as const;

describe('decideAfterAttempt', () => {
  it('retries temporary failures with doubling back-off until the attempts are used up', () => {
    expect(decideAfterAttempt({ attempts: 1 }, temp, policy, now)).toEqual({ status: 'queued', retryAt: new Date('2026-11-24T10:01:00.000Z'), reply: temp.reply });
    expect(decideAfterAttempt({ attempts: 2 }, temp, policy, now)).toMatchObject({ status: 'queued', retryAt: new Date('2026-11-24T10:02:00.000Z') });
    expect(decideAfterAttempt({ attempts: 3 }, temp, policy, now)).toEqual({ status: 'failed', failure: 'retries_exhausted', reply: temp.reply });
  });

  it('fails at once on a permanent error and is done on acceptance', () => {
    const reply = { code: 550, enhancedStatus: '5.1.1', text: 'no' };
    expect(decideAfterAttempt({ attempts: 1 }, { kind: 'permanent', reply, error: 'no' }, policy, now)).toEqual({ status: 'failed', failure: 'rejected', reply });
    expect(decideAfterAttempt({ attempts: 1 }, { kind: 'accepted', reply: { code: 250, enhancedStatus: null, text: 'ok' } }, policy, now).status).toBe('sent');
  });
});

describe('parseSmtpReply', () => {
  it('reads code and enhanced status', () => {
    expect(parseSmtpReply('250 2.0.0 Ok: queued as X')).toEqual({ code: 250, enhancedStatus: '2.0.0', text: '250 2.0.0 Ok: queued as X' });
    expect(parseSmtpReply('Message failed', 421)).toEqual({ code: 421, enhancedStatus: null, text: 'Message failed' });
    expect(parseSmtpReply(undefined)).toBeNull();
  });
});
