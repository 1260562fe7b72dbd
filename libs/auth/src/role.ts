/** The roles a bearer token can grant. */
export type Role = 'admin' | 'agent' | 'integration' | 'customer';

/** The roles of staff and machine callers: everything except `customer`. */
export type StaffRole = Exclude<Role, 'customer'>;

/** Every role, in a fixed order (for validation and documentation). */
export const ROLES: readonly Role[] = ['admin', 'agent', 'integration', 'customer'];

/** True when `value` names one of the {@link ROLES}. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
