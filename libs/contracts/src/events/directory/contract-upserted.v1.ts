import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { directoryEntityBaseSchema } from '../shared/directory-entity';
import { dateSchema, uuidSchema } from '../shared/primitives';

const schema = directoryEntityBaseSchema.extend({
  contractId: uuidSchema.describe('Id of the contract.'),
  customerId: uuidSchema.describe('Customer the contract belongs to.'),
  contractNumber: z.string().min(1).describe('Contract number as customers and the ERP quote it; unique.'),
  name: z.string().min(1).describe('Display name, e.g. "Gold Support 2026".'),
  validFrom: dateSchema.describe('First day the contract applies (inclusive), a calendar date.'),
  validUntil: dateSchema.nullable().describe('Last day the contract applies (inclusive); null for open-ended contracts.'),
  slaPolicyId: uuidSchema.nullable().describe('SLA policy (in the SLA service) for tickets under this contract; null for the default policy.'),
  billingPlanId: uuidSchema.nullable().describe('Billing plan (in the billing service) for work under this contract; null when work is not billed through a plan.'),
  freeSupport: z.boolean().describe('True when support under this contract is not charged (warranty, goodwill); billing records effort only.'),
  entitlements: z
    .array(
      z.object({
        kind: z
          .enum(['serial_number', 'customer_number', 'contract_number', 'other'])
          .describe('What identifier entitles a caller or sender to support under this contract.'),
        value: z.string().min(1).describe('The identifier, e.g. a device serial number.'),
      }),
    )
    .describe('Identifiers that prove entitlement (CheckEntitlement looks them up); empty when only the contract number counts.'),
  quotaRef: z
    .string()
    .min(1)
    .nullable()
    .describe('Reference of the included quota/contingent in the billing plan (e.g. "10h-monthly"); null when none.'),
});

/** `helpdesk.directory.contract.upserted.v1`: a contract was created or changed. */
export const contractUpsertedV1 = defineEvent({
  type: 'helpdesk.directory.contract.upserted.v1',
  domain: 'directory',
  description:
    'A support contract was created (version 1) or changed; names its SLA policy and billing plan, which the SLA and billing services apply to the customer\'s tickets.',
  schema,
  example: {
    contractId: '01936a00-3333-7aaa-8bbb-000000000003',
    customerId: '01936a00-1111-7aaa-8bbb-000000000001',
    contractNumber: 'V-2026-0815',
    name: 'Gold Support 2026',
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    slaPolicyId: '01936a00-7777-7aaa-8bbb-000000000007',
    billingPlanId: '01936a00-8888-7aaa-8bbb-000000000008',
    freeSupport: false,
    entitlements: [{ kind: 'serial_number', value: 'SC3000-88412' }],
    quotaRef: '10h-monthly',
    version: 1,
    externalId: 'ERP-CTR-0815',
    active: true,
    updatedAt: '2026-01-02T08:00:00.000Z',
  },
});

/** Data of `helpdesk.directory.contract.upserted.v1`. */
export type ContractUpsertedV1 = z.infer<typeof schema>;
