import { AuthError } from './auth.errors';
import type { Caller } from './caller';
import type { Role } from './role';

/** The roles a caller holds: a customer holds exactly `customer`. */
export function rolesOf(caller: Caller): readonly Role[] {
  return caller.kind === 'customer' ? ['customer'] : caller.roles;
}

/** True when the caller holds at least one of `allowed`. */
export function hasRole(caller: Caller, allowed: readonly Role[]): boolean {
  return rolesOf(caller).some((role) => allowed.includes(role));
}

/**
 * Throws `PERMISSION_DENIED` unless the caller holds one of `allowed`. `action` names what was
 * attempted and appears in the message: "role customer may not call TicketService/AssignTicket".
 */
export function requireRole(caller: Caller, allowed: readonly Role[], action: string): void {
  if (hasRole(caller, allowed)) return;
  const roles = rolesOf(caller).join(', ');
  const label = rolesOf(caller).length === 1 ? 'role' : 'roles';
  throw AuthError.permissionDenied(`${label} ${roles} may not call ${action}`);
}
