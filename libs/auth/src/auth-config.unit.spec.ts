import { ConfigError } from '@helpdesk/config';
import { jwtVerifierOptionsFromConfig } from './auth-config';

describe('jwtVerifierOptionsFromConfig', () => {
  const secret = 'x'.repeat(32);

  it('maps the AUTH_* variables', () => {
    expect(jwtVerifierOptionsFromConfig({ AUTH_JWT_SECRET: secret, AUTH_ISSUER: 'iss' })).toEqual({ secret, issuer: 'iss' });
    expect(jwtVerifierOptionsFromConfig({ AUTH_JWKS_URL: 'https://idp/jwks', AUTH_AUDIENCE: 'aud' })).toEqual({
      jwksUrl: 'https://idp/jwks',
      audience: 'aud',
    });
  });

  it('fails with one line naming the variable unless exactly one key source is set', () => {
    expect(() => jwtVerifierOptionsFromConfig({})).toThrow(
      new ConfigError('AUTH_JWKS_URL', 'config: AUTH_JWKS_URL or AUTH_JWT_SECRET must be set'),
    );
    expect(() => jwtVerifierOptionsFromConfig({ AUTH_JWKS_URL: 'https://idp/jwks', AUTH_JWT_SECRET: secret })).toThrow(
      'config: AUTH_JWT_SECRET must not be set together with AUTH_JWKS_URL',
    );
  });
});
