import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { directoryEntityBaseSchema } from '../shared/directory-entity';
import { languageSchema, uuidSchema } from '../shared/primitives';

const addressSchema = z.object({
  street: z.string().describe('Street and house number; may be empty.'),
  postalCode: z.string().describe('Postal code; may be empty.'),
  city: z.string().describe('City; may be empty.'),
  region: z.string().nullable().describe('ISO 3166-2 subdivision such as "DE-BY" (selects public holidays); null when unknown.'),
  country: z.string().regex(/^[A-Z]{2}$/).describe('ISO 3166-1 alpha-2 country code, e.g. "DE".'),
});

const schema = directoryEntityBaseSchema.extend({
  customerId: uuidSchema.describe('Id of the customer (organisation).'),
  kind: z
    .enum(['customer', 'supplier'])
    .describe('customer: buys support; supplier: a third party that works on tickets (its contacts can be task assignees).'),
  customerNumber: z.string().min(1).describe('Customer number as customers quote it and the ERP knows it; unique.'),
  name: z.string().min(1).describe('Display name of the organisation.'),
  legalName: z.string().nullable().describe('Registered legal name for statements; null when equal to name or unknown.'),
  vatId: z.string().nullable().describe('VAT identification number for the ERP; null when unknown.'),
  address: addressSchema.nullable().describe('Postal address; null when unknown.'),
  language: languageSchema.nullable().describe('Preferred language for communication (e.g. "de"); null for the platform default.'),
  accountManagerId: uuidSchema
    .nullable()
    .describe('Agent who manages the account (SLA escalation and quota notifications go to them); null when none.'),
});

/** `helpdesk.directory.customer.upserted.v1`: a customer (or supplier) organisation was created or changed. */
export const customerUpsertedV1 = defineEvent({
  type: 'helpdesk.directory.customer.upserted.v1',
  domain: 'directory',
  description: 'A customer or supplier organisation was created (version 1) or changed; carries the whole record.',
  schema,
  example: {
    customerId: '01936a00-1111-7aaa-8bbb-000000000001',
    kind: 'customer',
    customerNumber: 'K-10042',
    name: 'Mustermann Logistik',
    legalName: 'Mustermann Logistik GmbH',
    vatId: 'DE123456789',
    address: { street: 'Hafenstraße 1', postalCode: '20457', city: 'Hamburg', region: 'DE-HH', country: 'DE' },
    language: 'de',
    accountManagerId: '01936a00-6666-7aaa-8bbb-000000000006',
    version: 3,
    externalId: 'ERP-CUST-10042',
    active: true,
    updatedAt: '2026-11-20T09:00:00.000Z',
  },
});

/** Data of `helpdesk.directory.customer.upserted.v1`. */
export type CustomerUpsertedV1 = z.infer<typeof schema>;
