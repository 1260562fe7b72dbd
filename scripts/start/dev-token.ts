import { isRole, signDevToken, type StaffRole } from '@helpdesk/auth';
import { DEVELOPMENT_JWT_SECRET } from './supervisor';

const USAGE = 'usage: npm run -s dev-token [-- admin|agent|integration [subject]]';

/**
 * A development token for the services `npm start` runs: signed with the `AUTH_JWT_SECRET` of
 * the environment, else with the development secret the supervisor gives the services, with the
 * `AUTH_ISSUER` / `AUTH_AUDIENCE` they then expect. Valid for 8 hours. `argv`: an optional staff
 * role (default admin) and subject (default `dev-<role>`; an agent's id makes it that agent's token).
 */
export async function devToken(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  if (argv.length > 2) throw new Error(USAGE);
  const [role = 'admin', subject = `dev-${role}`] = argv;
  if (!isStaffRole(role)) throw new Error(`unknown role "${role}" (${USAGE})`);
  if (env['AUTH_JWKS_URL']) throw new Error('the services verify tokens against AUTH_JWKS_URL: get a token from that identity provider');
  const secret = env['AUTH_JWT_SECRET'] || DEVELOPMENT_JWT_SECRET;
  const options = {
    expiresIn: '8h',
    ...(env['AUTH_ISSUER'] ? { issuer: env['AUTH_ISSUER'] } : {}),
    ...(env['AUTH_AUDIENCE'] ? { audience: env['AUTH_AUDIENCE'] } : {}),
  };
  return signDevToken(secret, { subject, roles: [role] }, options);
}

function isStaffRole(role: string): role is StaffRole {
  return isRole(role) && role !== 'customer';
}
