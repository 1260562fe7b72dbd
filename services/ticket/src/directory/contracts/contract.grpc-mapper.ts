import { directoryV1 } from '@helpdesk/contracts';
import { z } from 'zod';
import { requiredProtoEnumSchema } from '../../tickets/ticket-enums.grpc-mapper';
import {
  checkUuid,
  optionalDate,
  optionalId,
  optionalText,
  pageRequest,
  pickOneof,
  recordMessageFields,
  requiredDate,
  requiredText,
  text,
  toCalendarDateMessage,
  upsertFields,
  upsertTarget,
} from '../directory-common.grpc-mapper';
import type { CalendarDate } from '../calendar-date';
import type { PageRequest } from '../directory-page';
import type { Contract, EntitlementKind } from './contract';
import type { ContractFilter, ContractKey } from './contracts.repository';
import type { ContractUpsert } from './contracts.service';
import type { EntitlementDecision, SupportBasis } from './entitlement';
import type { EntitlementQuery } from './entitlements.service';

const { EntitlementKind: Kind, SupportBasis: Basis } = directoryV1;

/** Entitlement identifier kind → `EntitlementKind`. */
export const ENTITLEMENT_KIND_TO_PROTO: Readonly<Record<EntitlementKind, directoryV1.EntitlementKind>> = {
  serial_number: Kind.ENTITLEMENT_KIND_SERIAL_NUMBER,
  customer_number: Kind.ENTITLEMENT_KIND_CUSTOMER_NUMBER,
  contract_number: Kind.ENTITLEMENT_KIND_CONTRACT_NUMBER,
  other: Kind.ENTITLEMENT_KIND_OTHER,
};

/** Support basis → `SupportBasis`. */
export const SUPPORT_BASIS_TO_PROTO: Readonly<Record<SupportBasis, directoryV1.SupportBasis>> = {
  warranty: Basis.SUPPORT_BASIS_WARRANTY,
  contract: Basis.SUPPORT_BASIS_CONTRACT,
  none: Basis.SUPPORT_BASIS_NONE,
};

/** `UpsertContractRequest` → {@link ContractUpsert}; the name defaults to the number. */
export const upsertContractRequestSchema = z
  .object({
    ...upsertFields,
    customerId: optionalId,
    customerNumber: text.trim(),
    contractNumber: requiredText,
    name: text.trim(),
    validFrom: requiredDate,
    validUntil: optionalDate,
    slaPolicyId: optionalId,
    billingPlanId: optionalId,
    freeSupport: z.boolean(),
    entitlements: z.array(z.object({ kind: requiredProtoEnumSchema(ENTITLEMENT_KIND_TO_PROTO, Kind.ENTITLEMENT_KIND_UNSPECIFIED), value: requiredText })),
    quotaRef: optionalText,
  })
  .transform(({ id, externalSystem, externalId, expectedVersion, archived, customerId, customerNumber, ...contract }, ctx): ContractUpsert => ({
    ...upsertTarget({ id, externalSystem, externalId, expectedVersion }, ctx),
    customer: { id: customerId, number: customerNumber || null },
    contract,
    active: !archived,
  }));

/** `GetContractRequest` → the contract's id or number. */
export const getContractRequestSchema = z
  .object({ id: text.nullish(), contractNumber: text.nullish(), key: text.nullish() })
  .transform((request, ctx): ContractKey => {
    const picked = pickOneof(request, request.key, 'key', ['id', 'contractNumber'], ctx);
    if (!picked) return z.NEVER;
    if (picked.member === 'contractNumber') return { contractNumber: picked.value };
    return checkUuid(picked.value, 'id', ctx) ? { id: picked.value } : z.NEVER;
  });

/** `ListContractsRequest` → filter and page. */
export const listContractsRequestSchema = z
  .object({ customerId: optionalId, validOn: optionalDate, includeArchived: z.boolean(), page: pageRequest })
  .transform(({ customerId, validOn, includeArchived, page }): { filter: ContractFilter; page: PageRequest } => ({
    filter: { ...(customerId ? { customerId } : {}), ...(validOn ? { validOn } : {}), includeArchived },
    page,
  }));

/** `CheckEntitlementRequest` → the identifier and the day (null for today). */
export const checkEntitlementRequestSchema = z
  .object({
    customerNumber: text.nullish(),
    serialNumber: text.nullish(),
    contractNumber: text.nullish(),
    identifier: text.nullish(),
    onDate: optionalDate,
  })
  .transform((request, ctx): { query: EntitlementQuery; onDate: CalendarDate | null } => {
    const picked = pickOneof(request, request.identifier, 'identifier', ['customerNumber', 'serialNumber', 'contractNumber'], ctx);
    if (!picked) return z.NEVER;
    const query = { [picked.member]: picked.value } as EntitlementQuery;
    return { query, onDate: request.onDate };
  });

/** A contract as the `Contract` message. */
export function toContractMessage(contract: Contract): directoryV1.Contract {
  const { data } = contract;
  return {
    id: contract.id,
    customerId: data.customerId,
    contractNumber: data.contractNumber,
    name: data.name,
    validFrom: toCalendarDateMessage(data.validFrom),
    validUntil: toCalendarDateMessage(data.validUntil),
    slaPolicyId: data.slaPolicyId ?? '',
    billingPlanId: data.billingPlanId ?? '',
    freeSupport: data.freeSupport,
    entitlements: data.entitlements.map((e) => ({ kind: ENTITLEMENT_KIND_TO_PROTO[e.kind], value: e.value })),
    quotaRef: data.quotaRef ?? '',
    ...recordMessageFields(contract),
  };
}

/** An entitlement decision as `CheckEntitlementResponse`. */
export function toCheckEntitlementResponse(decision: EntitlementDecision): directoryV1.CheckEntitlementResponse {
  return {
    entitled: decision.entitled,
    freeSupport: decision.freeSupport,
    basis: SUPPORT_BASIS_TO_PROTO[decision.basis],
    contract: decision.contract ? toContractMessage(decision.contract) : undefined,
    slaPolicyId: decision.slaPolicyId ?? '',
    billingPlanId: decision.billingPlanId ?? '',
    customerId: decision.customerId ?? '',
    assetId: decision.assetId ?? '',
    warrantyEnd: toCalendarDateMessage(decision.warrantyEndsOn),
    onDate: toCalendarDateMessage(decision.onDate),
    explanation: decision.explanation,
  };
}
