import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { bearerToken } from './bearer-token';
import type { Caller } from './caller';
import { callerFromClaims } from './claims';
import { authErrorFromJose } from './jose-errors';
import { VerifiedTokenCache } from './verified-token-cache';

/** How bearer tokens are verified. Exactly one of `jwksUrl` and `secret` must be set. */
export interface JwtVerifierOptions {
  /** JWKS endpoint of the identity provider (production); tokens must be signed asymmetrically. */
  readonly jwksUrl?: string;
  /** HS256 shared secret (development), at least 32 characters. */
  readonly secret?: string;
  /** Expected `iss` claim; unchecked when unset. */
  readonly issuer?: string;
  /** Expected `aud` claim; unchecked when unset. */
  readonly audience?: string;
  /** Accepted clock skew for `exp`/`nbf`, in seconds. Default 5. */
  readonly clockTolerance?: number;
  /**
   * Keep up to this many verified tokens in memory (by token string, until their `exp`, at most
   * 5 minutes) so a client's repeated token is not verified again on every call. Default: off.
   */
  readonly cacheSize?: number;
}

/** Asymmetric algorithms accepted from a JWKS; `none` and HMAC are never taken from a key set. */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const HMAC_ALGORITHMS = ['HS256'];

/**
 * Verifies bearer JWTs and turns them into {@link Caller}s. Remote key sets are fetched lazily,
 * cached and refreshed by jose when an unknown `kid` shows up.
 */
export class JwtVerifier {
  private readonly key: JWTVerifyGetKey | Uint8Array;
  private readonly verifyOptions: JWTVerifyOptions;
  private readonly cache: VerifiedTokenCache | undefined;

  constructor(options: JwtVerifierOptions) {
    const { jwksUrl, secret } = options;
    if ((jwksUrl === undefined) === (secret === undefined)) {
      throw new Error('JwtVerifier: set exactly one of jwksUrl and secret');
    }
    this.key = jwksUrl !== undefined ? createRemoteJWKSet(new URL(jwksUrl)) : new TextEncoder().encode(secret);
    this.verifyOptions = {
      algorithms: jwksUrl !== undefined ? JWKS_ALGORITHMS : HMAC_ALGORITHMS,
      clockTolerance: options.clockTolerance ?? 5,
      ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
      ...(options.audience === undefined ? {} : { audience: options.audience }),
    };
    this.cache = options.cacheSize ? new VerifiedTokenCache({ maxEntries: options.cacheSize }) : undefined;
  }

  /**
   * Verifies `Bearer <token>` (or a bare token) and returns the caller. Throws an `AuthError`
   * (`UNAUTHENTICATED` or `PERMISSION_DENIED`) for a token the caller got wrong; other errors
   * (an unreachable JWKS endpoint) propagate unchanged.
   */
  async verify(authorizationHeaderOrToken: string | undefined): Promise<Caller> {
    const token = bearerToken(authorizationHeaderOrToken);
    const cached = this.cache?.get(token);
    if (cached) return cached;
    try {
      const { payload } = await this.verifyToken(token);
      const caller = callerFromClaims(payload);
      if (!this.cache) return caller;
      // One object for every call with this token: frozen, so no caller can change it for the next.
      const shared = Object.freeze(caller.kind === 'staff' ? { ...caller, roles: Object.freeze([...caller.roles]) } : caller);
      this.cache.set(token, shared, payload.exp);
      return shared;
    } catch (error) {
      throw authErrorFromJose(error);
    }
  }

  private verifyToken(token: string) {
    // The two overloads of jwtVerify cannot be called through a union-typed key.
    return this.key instanceof Uint8Array
      ? jwtVerify(token, this.key, this.verifyOptions)
      : jwtVerify(token, this.key, this.verifyOptions);
  }
}
