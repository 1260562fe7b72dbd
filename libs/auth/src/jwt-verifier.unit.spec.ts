import { SignJWT } from 'jose';
import { AuthError } from './auth.errors';
import { signDevToken } from './dev-token';
import { JwtVerifier } from './jwt-verifier';

const SECRET = 'unit-test-secret-that-is-at-least-32-chars';
const verifier = new JwtVerifier({ secret: SECRET, issuer: 'helpdesk-test', audience: 'helpdesk' });
const claimsOptions = { issuer: 'helpdesk-test', audience: 'helpdesk' };

async function rejection(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(error)}`);
  return error;
}

function rawToken(claims: Record<string, unknown>, secret = SECRET): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('user-1')
    .setIssuer('helpdesk-test')
    .setAudience('helpdesk')
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret));
}

describe('JwtVerifier with an HS256 secret', () => {
  it('returns a staff caller for a valid agent token, with or without the Bearer prefix', async () => {
    const token = await signDevToken(SECRET, { subject: 'agent-7', roles: ['agent'] }, claimsOptions);
    const expected = { kind: 'staff', subject: 'agent-7', roles: ['agent'] };
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual(expected);
    await expect(verifier.verify(`bearer ${token}`)).resolves.toEqual(expected);
    await expect(verifier.verify(token)).resolves.toEqual(expected);
  });

  it('accepts the single `role` claim and ignores unknown roles', async () => {
    await expect(verifier.verify(await rawToken({ role: 'admin' }))).resolves.toEqual({
      kind: 'staff',
      subject: 'user-1',
      roles: ['admin'],
    });
    await expect(verifier.verify(await rawToken({ roles: ['superuser', 'integration'] }))).resolves.toEqual({
      kind: 'staff',
      subject: 'user-1',
      roles: ['integration'],
    });
  });

  it('returns a customer caller bound to its customer and contact', async () => {
    const token = await signDevToken(SECRET, { subject: 'c-1', customerId: 'cust-1', contactId: 'cont-1' }, claimsOptions);
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual({
      kind: 'customer',
      subject: 'c-1',
      customerId: 'cust-1',
      contactId: 'cont-1',
    });
  });

  it('rejects a customer token without customer_id or contact_id', async () => {
    const withoutCustomer = await rawToken({ roles: ['customer'], contact_id: 'cont-1' });
    const withoutContact = await rawToken({ role: 'customer', customer_id: 'cust-1' });
    for (const token of [withoutCustomer, withoutContact]) {
      const error = await rejection(verifier.verify(token));
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.message).toBe('a customer token must carry customer_id and contact_id');
    }
  });

  it('rejects a customer token that also claims staff roles', async () => {
    const token = await rawToken({ roles: ['customer', 'admin'], customer_id: 'c', contact_id: 'k' });
    await expect(rejection(verifier.verify(token))).resolves.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'a customer token may not carry other roles',
    });
  });

  it('denies a valid token that grants no helpdesk role', async () => {
    await expect(rejection(verifier.verify(await rawToken({ roles: ['viewer'] })))).resolves.toMatchObject({
      code: 'PERMISSION_DENIED',
      message: 'token grants no helpdesk role',
    });
  });

  it('rejects an expired token beyond the clock tolerance', async () => {
    const expiredAt = Math.floor(Date.now() / 1000) - 60;
    const token = await signDevToken(SECRET, { subject: 'a', roles: ['agent'] }, { ...claimsOptions, expiresIn: expiredAt });
    await expect(rejection(verifier.verify(token))).resolves.toMatchObject({ code: 'UNAUTHENTICATED', message: 'token expired' });
  });

  it('rejects a token signed with another secret', async () => {
    const token = await rawToken({ roles: ['admin'] }, 'another-secret-that-is-also-32-characters-long');
    await expect(rejection(verifier.verify(token))).resolves.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'token signature is invalid',
    });
  });

  it('rejects a token for another issuer or audience', async () => {
    const otherIssuer = await signDevToken(SECRET, { subject: 'a', roles: ['agent'] }, { issuer: 'evil', audience: 'helpdesk' });
    const otherAudience = await signDevToken(SECRET, { subject: 'a', roles: ['agent'] }, { issuer: 'helpdesk-test', audience: 'x' });
    await expect(rejection(verifier.verify(otherIssuer))).resolves.toMatchObject({ message: 'token issuer is not accepted' });
    await expect(rejection(verifier.verify(otherAudience))).resolves.toMatchObject({ message: 'token audience is not accepted' });
  });

  it('rejects a missing token', async () => {
    for (const header of [undefined, '', '  ', 'Bearer', 'Bearer  ']) {
      await expect(rejection(verifier.verify(header))).resolves.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'missing bearer token',
      });
    }
  });

  it('rejects malformed tokens and other schemes', async () => {
    await expect(rejection(verifier.verify('Bearer not-a-jwt'))).resolves.toMatchObject({ message: 'malformed token' });
    await expect(rejection(verifier.verify('Bearer a.b.c'))).resolves.toMatchObject({ message: 'malformed token' });
    await expect(rejection(verifier.verify('Basic dXNlcjpwYXNz'))).resolves.toMatchObject({
      message: 'authorization must use the Bearer scheme',
    });
    await expect(rejection(verifier.verify('Bearer a b'))).resolves.toMatchObject({ message: 'malformed authorization header' });
  });

  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', roles: ['admin'] })).toString('base64url');
    await expect(rejection(verifier.verify(`${header}.${payload}.`))).resolves.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('needs exactly one of jwksUrl and secret', () => {
    expect(() => new JwtVerifier({})).toThrow('set exactly one of jwksUrl and secret');
    expect(() => new JwtVerifier({ secret: SECRET, jwksUrl: 'http://127.0.0.1/jwks' })).toThrow(
      'set exactly one of jwksUrl and secret',
    );
  });
});

describe('JwtVerifier with a token cache', () => {
  const cached = new JwtVerifier({ secret: SECRET, ...claimsOptions, cacheSize: 10 });
  const onlyDate = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

  afterEach(() => jest.useRealTimers());

  it('answers a repeated token with the caller it verified, frozen', async () => {
    const token = await signDevToken(SECRET, { subject: 'agent-7', roles: ['agent'] }, claimsOptions);
    const first = await cached.verify(`Bearer ${token}`);
    const second = await cached.verify(token);
    expect(first).toEqual({ kind: 'staff', subject: 'agent-7', roles: ['agent'] });
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.kind === 'staff' && Object.isFrozen(first.roles)).toBe(true);
  });

  it('verifies a cached token again once it expired, and rejects it then', async () => {
    jest.useFakeTimers({ doNotFake: [...onlyDate] });
    const start = Date.now();
    const token = await signDevToken(SECRET, { subject: 'a', roles: ['agent'] }, { ...claimsOptions, expiresIn: Math.floor(start / 1000) + 30 });
    await expect(cached.verify(token)).resolves.toMatchObject({ subject: 'a' });
    jest.setSystemTime(start + 29_000);
    await expect(cached.verify(token)).resolves.toMatchObject({ subject: 'a' });
    jest.setSystemTime(start + 60_000);
    await expect(rejection(cached.verify(token))).resolves.toMatchObject({ code: 'UNAUTHENTICATED', message: 'token expired' });
  });

  it('never keeps a rejected token', async () => {
    const forged = await rawToken({ roles: ['admin'] }, 'another-secret-that-is-at-least-32-chars');
    await expect(rejection(cached.verify(forged))).resolves.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(rejection(cached.verify(forged))).resolves.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
