import { SignJWT } from 'jose';
import { TOKEN_CLAIMS } from './claims';
import type { StaffRole } from './role';

/** Who a development token stands for: staff roles, or one customer's contact. */
export type DevTokenSubject =
  | { readonly subject: string; readonly roles: readonly StaffRole[] }
  | { readonly subject: string; readonly customerId: string; readonly contactId: string };

/** Optional claims and lifetime of a development token. */
export interface DevTokenOptions {
  readonly issuer?: string;
  readonly audience?: string;
  /** Lifetime as a jose time span (`15m`, `1h`) or an absolute `exp` in epoch seconds. Default `1h`. */
  readonly expiresIn?: string | number;
}

/**
 * Signs an HS256 token in the platform's claim format, for local development and tests against a
 * service configured with `AUTH_JWT_SECRET`. Production tokens come from the identity provider.
 */
export async function signDevToken(secret: string, who: DevTokenSubject, options: DevTokenOptions = {}): Promise<string> {
  const claims =
    'roles' in who
      ? { [TOKEN_CLAIMS.roles]: [...who.roles] }
      : { [TOKEN_CLAIMS.roles]: ['customer'], [TOKEN_CLAIMS.customerId]: who.customerId, [TOKEN_CLAIMS.contactId]: who.contactId };
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(who.subject)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h');
  if (options.issuer !== undefined) jwt = jwt.setIssuer(options.issuer);
  if (options.audience !== undefined) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
