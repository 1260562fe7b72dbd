import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { AuthError } from './auth.errors';
import { JwtVerifier } from './jwt-verifier';

interface SigningKey {
  readonly kid: string;
  readonly alg: string;
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
}

async function signingKey(kid: string, alg: 'RS256' | 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

function sign(key: SigningKey, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setSubject('svc-1')
    .setIssuer('https://idp.test')
    .setExpirationTime('5m')
    .sign(key.privateKey);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('JwtVerifier with a JWKS endpoint', () => {
  let server: Server;
  let jwksUrl: string;
  let fetches = 0;
  let rsa: SigningKey;
  let ec: SigningKey;
  let stranger: SigningKey;

  beforeAll(async () => {
    [rsa, ec, stranger] = await Promise.all([signingKey('rsa-1', 'RS256'), signingKey('ec-1', 'ES256'), signingKey('rsa-x', 'RS256')]);
    const body = JSON.stringify({ keys: [rsa.publicJwk, ec.publicJwk] });
    server = createServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  it('verifies RS256 and ES256 tokens against the served key set, fetching it once', async () => {
    const verifier = new JwtVerifier({ jwksUrl, issuer: 'https://idp.test' });
    fetches = 0;
    await expect(verifier.verify(`Bearer ${await sign(rsa, { roles: ['integration'] })}`)).resolves.toEqual({
      kind: 'staff',
      subject: 'svc-1',
      roles: ['integration'],
    });
    await expect(
      verifier.verify(`Bearer ${await sign(ec, { role: 'customer', customer_id: 'cust-9', contact_id: 'cont-9' })}`),
    ).resolves.toEqual({ kind: 'customer', subject: 'svc-1', customerId: 'cust-9', contactId: 'cont-9' });
    expect(fetches).toBe(1);
  });

  it('rejects a token signed by a key outside the set', async () => {
    const verifier = new JwtVerifier({ jwksUrl });
    const error = await rejection(verifier.verify(await sign(stranger, { roles: ['admin'] })));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'no trusted key matches the token' });
  });

  it('rejects a token whose kid names a served key but whose signature is forged', async () => {
    const verifier = new JwtVerifier({ jwksUrl });
    const forged = await sign({ ...stranger, kid: rsa.kid }, { roles: ['admin'] });
    await expect(rejection(verifier.verify(forged))).resolves.toMatchObject({ message: 'token signature is invalid' });
  });

  it('refuses an HS256 token even when it names a served kid', async () => {
    const verifier = new JwtVerifier({ jwksUrl });
    const token = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
      .setSubject('x')
      .sign(new TextEncoder().encode('some-shared-secret-of-32-characters!!'));
    await expect(rejection(verifier.verify(token))).resolves.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'token algorithm is not allowed',
    });
  });

  it('surfaces an unreachable JWKS endpoint as an infrastructure error, not as the caller’s fault', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const verifier = new JwtVerifier({ jwksUrl: `http://127.0.0.1:${port}/jwks` });
    const error = await rejection(verifier.verify(await sign(rsa, { roles: ['admin'] })));
    // Node's own errors come from another realm under jest, so match on the code.
    expect(error).not.toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
  });
});
