import { AuthError } from './auth.errors';
import type { Caller } from './caller';
import { isRole, type StaffRole } from './role';

/**
 * The token claims this platform reads, besides the standard `sub`, `exp`, `nbf`, `iss`, `aud`:
 * - `roles`: array of role names; or `role`: a single role name (used when `roles` is absent).
 *   Unknown role names are ignored, so an identity provider may add its own.
 * - `customer_id`, `contact_id`: required on a `customer` token; the directory ids it is bound to.
 */
export const TOKEN_CLAIMS = {
  roles: 'roles',
  role: 'role',
  customerId: 'customer_id',
  contactId: 'contact_id',
} as const;

/** Turns a verified claim set into a {@link Caller}, rejecting shapes the platform cannot trust. */
export function callerFromClaims(claims: Readonly<Record<string, unknown>>): Caller {
  const subject = claims['sub'];
  if (typeof subject !== 'string' || subject === '') {
    throw AuthError.unauthenticated('token has no subject (sub)');
  }
  const roles = claimedRoles(claims).filter(isRole);
  if (roles.includes('customer')) {
    if (roles.length > 1) throw AuthError.unauthenticated('a customer token may not carry other roles');
    const customerId = claims[TOKEN_CLAIMS.customerId];
    const contactId = claims[TOKEN_CLAIMS.contactId];
    if (!isNonEmptyString(customerId) || !isNonEmptyString(contactId)) {
      throw AuthError.unauthenticated('a customer token must carry customer_id and contact_id');
    }
    return { kind: 'customer', subject, customerId, contactId };
  }
  const staffRoles = roles.filter((role): role is StaffRole => role !== 'customer');
  if (staffRoles.length === 0) throw AuthError.permissionDenied('token grants no helpdesk role');
  return { kind: 'staff', subject, roles: [...new Set(staffRoles)] };
}

function claimedRoles(claims: Readonly<Record<string, unknown>>): unknown[] {
  const roles = claims[TOKEN_CLAIMS.roles];
  if (Array.isArray(roles)) return roles;
  const role = claims[TOKEN_CLAIMS.role];
  return role === undefined ? [] : [role];
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
