import { directoryV1 } from '@helpdesk/contracts';
import { z } from 'zod';
import { protoEnumSchema } from '../../tickets/ticket-enums.grpc-mapper';
import {
  checkUuid,
  optionalId,
  optionalLanguage,
  optionalText,
  pageRequest,
  pickOneof,
  recordMessageFields,
  requiredText,
  text,
  upsertFields,
  upsertTarget,
} from '../directory-common.grpc-mapper';
import type { PageRequest } from '../directory-page';
import type { UpsertContent } from '../directory-record';
import type { UpsertTarget } from '../directory-store';
import type { Customer, CustomerData, CustomerKind, PostalAddress } from './customer';
import type { CustomerFilter, CustomerKey } from './customers.repository';

const { CustomerKind: Kind } = directoryV1;

/** Customer kind → `CustomerKind`. */
export const CUSTOMER_KIND_TO_PROTO: Readonly<Record<CustomerKind, directoryV1.CustomerKind>> = {
  customer: Kind.CUSTOMER_KIND_CUSTOMER,
  supplier: Kind.CUSTOMER_KIND_SUPPLIER,
};

const kind = protoEnumSchema(CUSTOMER_KIND_TO_PROTO, Kind.CUSTOMER_KIND_UNSPECIFIED);

const address = z
  .object({
    street: text.trim(),
    postalCode: text.trim(),
    city: text.trim(),
    region: optionalText,
    country: text
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as DE'),
  })
  .nullish()
  .transform((value): PostalAddress | null => value ?? null);

/** An UpsertCustomer request as the service takes it. */
export interface CustomerUpsert {
  readonly target: UpsertTarget;
  readonly content: UpsertContent<CustomerData>;
}

/** `UpsertCustomerRequest` → target and content; the kind defaults to customer. */
export const upsertCustomerRequestSchema = z
  .object({
    ...upsertFields,
    kind,
    customerNumber: requiredText,
    name: requiredText,
    legalName: optionalText,
    vatId: optionalText,
    address,
    language: optionalLanguage,
    accountManagerId: optionalId,
  })
  .transform(({ id, externalSystem, externalId, expectedVersion, archived, kind: given, ...data }, ctx): CustomerUpsert => ({
    target: upsertTarget({ id, externalSystem, externalId, expectedVersion }, ctx),
    content: { data: { ...data, kind: given ?? 'customer' }, active: !archived },
  }));

/** `GetCustomerRequest` → the customer's id or number. */
export const getCustomerRequestSchema = z
  .object({ id: text.nullish(), customerNumber: text.nullish(), key: text.nullish() })
  .transform((request, ctx): CustomerKey => {
    const picked = pickOneof(request, request.key, 'key', ['id', 'customerNumber'], ctx);
    if (!picked) return z.NEVER;
    if (picked.member === 'customerNumber') return { customerNumber: picked.value };
    return checkUuid(picked.value, 'id', ctx) ? { id: picked.value } : z.NEVER;
  });

/** `ListCustomersRequest` → filter and page. */
export const listCustomersRequestSchema = z
  .object({ kind, text: text.trim(), includeArchived: z.boolean(), page: pageRequest })
  .transform(({ kind: k, text: t, includeArchived, page }): { filter: CustomerFilter; page: PageRequest } => ({
    filter: { ...(k ? { kind: k } : {}), ...(t ? { text: t } : {}), includeArchived },
    page,
  }));

/** A customer as the `Customer` message. */
export function toCustomerMessage(customer: Customer): directoryV1.Customer {
  const { data } = customer;
  return {
    id: customer.id,
    kind: CUSTOMER_KIND_TO_PROTO[data.kind],
    customerNumber: data.customerNumber,
    name: data.name,
    legalName: data.legalName ?? '',
    vatId: data.vatId ?? '',
    address: data.address ? { ...data.address, region: data.address.region ?? '' } : undefined,
    language: data.language ?? '',
    accountManagerId: data.accountManagerId ?? '',
    ...recordMessageFields(customer),
  };
}
