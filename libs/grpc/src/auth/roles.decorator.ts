import { SetMetadata } from '@nestjs/common';
import type { Role } from '@helpdesk/auth';

/** Metadata key under which {@link Roles} stores the allowed roles. */
export const ROLES_METADATA = 'helpdesk:grpc:roles';

/**
 * The roles allowed to call an RPC (on a method) or every RPC of a controller (on the class; a
 * method's own `@Roles` wins). Without `@Roles` an RPC is open to every staff role (`admin`,
 * `agent`, `integration`) and closed to customers: a customer-facing RPC must say `'customer'`.
 */
export const Roles = (role: Role, ...more: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_METADATA, [role, ...more]);

/** Who may call an RPC that has no {@link Roles}. */
export const DEFAULT_ALLOWED_ROLES: readonly Role[] = ['admin', 'agent', 'integration'];
