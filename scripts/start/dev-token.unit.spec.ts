import { JwtVerifier } from '@helpdesk/auth';
import { devToken } from './dev-token';
import { DEVELOPMENT_JWT_SECRET } from './supervisor';

describe('devToken', () => {
  it('signs an admin token with the development secret the supervisor gives the services', async () => {
    const token = await devToken([], {});
    await expect(new JwtVerifier({ secret: DEVELOPMENT_JWT_SECRET }).verify(token)).resolves.toEqual({ kind: 'staff', subject: 'dev-admin', roles: ['admin'] });
  });

  it('takes a role and subject, and the secret, issuer and audience of the environment', async () => {
    const secret = 'a-secret-of-my-own-that-is-at-least-32-chars';
    const token = await devToken(['agent', '0195f3a0-0000-7000-8000-00000000a001'], { AUTH_JWT_SECRET: secret, AUTH_ISSUER: 'https://id.example', AUTH_AUDIENCE: 'helpdesk' });
    const verifier = new JwtVerifier({ secret, issuer: 'https://id.example', audience: 'helpdesk' });
    await expect(verifier.verify(token)).resolves.toEqual({ kind: 'staff', subject: '0195f3a0-0000-7000-8000-00000000a001', roles: ['agent'] });
  });

  it('refuses customer tokens, unknown roles and a JWKS setup', async () => {
    await expect(devToken(['customer'], {})).rejects.toThrow('unknown role "customer"');
    await expect(devToken(['root'], {})).rejects.toThrow('usage: npm run -s dev-token');
    await expect(devToken([], { AUTH_JWKS_URL: 'https://id.example/jwks' })).rejects.toThrow('AUTH_JWKS_URL');
  });
});
