import { ConfigError, type CommonConfig } from '@helpdesk/config';
import type { JwtVerifierOptions } from './jwt-verifier';

/** The `AUTH_*` part of the common configuration. */
export type AuthConfig = Pick<CommonConfig, 'AUTH_JWKS_URL' | 'AUTH_JWT_SECRET' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>;

/**
 * Verifier options from the loaded configuration. Throws a one-line {@link ConfigError} unless
 * exactly one of `AUTH_JWKS_URL` and `AUTH_JWT_SECRET` is set.
 */
export function jwtVerifierOptionsFromConfig(config: AuthConfig): JwtVerifierOptions {
  const { AUTH_JWKS_URL: jwksUrl, AUTH_JWT_SECRET: secret } = config;
  if (jwksUrl !== undefined && secret !== undefined) {
    throw new ConfigError('AUTH_JWT_SECRET', 'config: AUTH_JWT_SECRET must not be set together with AUTH_JWKS_URL');
  }
  if (jwksUrl === undefined && secret === undefined) {
    throw new ConfigError('AUTH_JWKS_URL', 'config: AUTH_JWKS_URL or AUTH_JWT_SECRET must be set');
  }
  return {
    ...(jwksUrl === undefined ? {} : { jwksUrl }),
    ...(secret === undefined ? {} : { secret }),
    ...(config.AUTH_ISSUER === undefined ? {} : { issuer: config.AUTH_ISSUER }),
    ...(config.AUTH_AUDIENCE === undefined ? {} : { audience: config.AUTH_AUDIENCE }),
  };
}
