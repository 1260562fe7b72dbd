import { SignJWT } from 'jose';

/** The HS256 secret test services are configured with (`AUTH_JWT_SECRET`). */
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** Claims of a test token; see libs/auth for their meaning. */
export interface TestTokenClaims {
  readonly sub?: string;
  readonly roles?: readonly string[];
  readonly customerId?: string;
  readonly contactId?: string;
  /** Seconds from now until expiry; negative for an expired token (default 3600). */
  readonly expiresInSeconds?: number;
}

/** Signs a bearer token the way a development identity provider would. */
export async function signTestJwt(claims: TestTokenClaims = {}, secret: string = TEST_JWT_SECRET): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = { roles: claims.roles ?? ['agent'] };
  if (claims.customerId) payload['customer_id'] = claims.customerId;
  if (claims.contactId) payload['contact_id'] = claims.contactId;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub ?? 'test-user')
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.expiresInSeconds ?? 3600))
    .sign(new TextEncoder().encode(secret));
}
