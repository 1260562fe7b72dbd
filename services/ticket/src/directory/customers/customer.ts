import { customerUpsertedV1, type CustomerUpsertedV1 } from '@helpdesk/contracts';
import { directoryEventBase, type DirectoryRecord } from '../directory-record';

/** Whether an organisation buys support or works on tickets as a third party. */
export type CustomerKind = 'customer' | 'supplier';

/** A postal address. */
export type PostalAddress = {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  /** ISO 3166-2 subdivision such as `DE-BY`; null when unknown. */
  readonly region: string | null;
  /** ISO 3166-1 alpha-2, e.g. `DE`. */
  readonly country: string;
};

/** A customer's own fields (a type alias, not an interface, so it is a JSON object). */
export type CustomerData = {
  readonly kind: CustomerKind;
  /** Unique; what customers quote and the ERP knows. */
  readonly customerNumber: string;
  readonly name: string;
  readonly legalName: string | null;
  readonly vatId: string | null;
  readonly address: PostalAddress | null;
  readonly language: string | null;
  readonly accountManagerId: string | null;
};

/** A customer or supplier organisation. */
export type Customer = DirectoryRecord<CustomerData>;

/** `helpdesk.directory.customer.upserted.v1` for the customer's current version. */
export function customerUpserted(customer: Customer) {
  const data: CustomerUpsertedV1 = { customerId: customer.id, ...customer.data, ...directoryEventBase(customer) };
  return { type: customerUpsertedV1.type, subject: customer.id, time: customer.updatedAt, data };
}
