import type { Caller } from './caller';

/**
 * What customer data a read may return. Repositories take this as a required, typed parameter
 * on every read of customer data, so a customer token cannot produce an unscoped query:
 * `{ kind: 'all' }` for staff, otherwise one customer and contact.
 */
export type CustomerScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'customer'; readonly customerId: string; readonly contactId: string };

/** The scope a caller's reads are limited to. */
export function scopeOf(caller: Caller): CustomerScope {
  if (caller.kind === 'staff') return { kind: 'all' };
  return { kind: 'customer', customerId: caller.customerId, contactId: caller.contactId };
}
