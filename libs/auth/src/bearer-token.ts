import { AuthError } from './auth.errors';

/**
 * The token from an `authorization` value: `Bearer <token>` (scheme case-insensitive) or the bare
 * token. Throws `UNAUTHENTICATED` when it is missing or uses another scheme.
 */
export function bearerToken(authorization: string | undefined): string {
  const value = authorization?.trim() ?? '';
  const parts = value.split(/\s+/);
  if (value === '' || (parts.length === 1 && parts[0]?.toLowerCase() === 'bearer')) {
    throw AuthError.unauthenticated('missing bearer token');
  }
  if (parts.length === 1) return value;
  const [scheme, token] = parts;
  if (parts.length > 2 || token === undefined) throw AuthError.unauthenticated('malformed authorization header');
  if (scheme?.toLowerCase() !== 'bearer') throw AuthError.unauthenticated('authorization must use the Bearer scheme');
  return token;
}
