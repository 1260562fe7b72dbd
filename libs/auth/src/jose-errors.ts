import { errors } from 'jose';
import { AuthError } from './auth.errors';

/**
 * Translates jose's verification failures into client-safe {@link AuthError}s. Anything that is
 * not the token's fault (the JWKS endpoint timing out or serving garbage, a network error) is
 * returned unchanged, so it surfaces as an internal error instead of blaming the caller.
 */
export function authErrorFromJose(error: unknown): unknown {
  if (error instanceof errors.JWTExpired) return AuthError.unauthenticated('token expired', error);
  if (error instanceof errors.JWTClaimValidationFailed) {
    return AuthError.unauthenticated(claimMessage(error.claim, error.reason), error);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSMultipleMatchingKeys) {
    return AuthError.unauthenticated('token signature is invalid', error);
  }
  if (error instanceof errors.JWKSNoMatchingKey) return AuthError.unauthenticated('no trusted key matches the token', error);
  if (error instanceof errors.JOSEAlgNotAllowed) return AuthError.unauthenticated('token algorithm is not allowed', error);
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return AuthError.unauthenticated('malformed token', error);
  }
  return error;
}

function claimMessage(claim: string, reason: string): string {
  switch (claim) {
    case 'nbf':
      return 'token not yet valid';
    case 'iss':
      return 'token issuer is not accepted';
    case 'aud':
      return 'token audience is not accepted';
    default:
      return `token claim ${claim} is invalid (${reason})`;
  }
}
