import type { StaffRole } from './role';

/** An agent, admin or integration: sees every customer's data, limited only by role checks. */
export interface StaffCaller {
  readonly kind: 'staff';
  /** The token's `sub`: user or client id at the identity provider. */
  readonly subject: string;
  /** At least one role; never `customer`. */
  readonly roles: readonly StaffRole[];
}

/** A customer's contact: bound to one customer and one contact, sees only their own data. */
export interface CustomerCaller {
  readonly kind: 'customer';
  /** The token's `sub`. */
  readonly subject: string;
  /** The directory customer this token is bound to (`customer_id` claim). */
  readonly customerId: string;
  /** The directory contact this token is bound to (`contact_id` claim). */
  readonly contactId: string;
}

/** Who is calling, as proven by a verified bearer token. */
export type Caller = StaffCaller | CustomerCaller;
