import { randomUUID } from 'node:crypto';
import { callEndedV1, contractUpsertedV1, customerUpsertedV1, ticketWorklogRecordedV1, ticketWorklogVoidedV1, type CallEndedV1, type ContractUpsertedV1, type TicketWorklogRecordedV1, type TicketWorklogVoidedV1, type WorkLogEntry } from '@helpdesk/contracts';
import type { BillingApp } from './billing-app';

const eur = (minor: number) => ({ amountMinor: String(minor), currency: 'EUR' });

/** A CreatePlanRequest body: remote support 98 €/h, 15-minute rounding, calls 1.50 €/started minute + 0.50 € per call. */
export function planRequest(planId: string, overrides: { quotas?: object[]; validFrom?: string; remoteRate?: number } = {}): object {
  const [year, month, day] = (overrides.validFrom ?? '2026-01-01').split('-').map(Number);
  return {
    planId,
    validFrom: { year, month, day },
    terms: {
      name: 'Hotline Silver',
      currency: 'EUR',
      activityRates: [{ activityType: 'remote_support', hourlyRate: eur(overrides.remoteRate ?? 9_800) }],
      defaultHourlyRate: eur(9_000),
      rounding: { incrementMinutes: 15, minimumMinutes: 15, scope: 'ROUNDING_SCOPE_ENTRY' },
      callPricing: { mode: 'CALL_PRICING_MODE_PER_STARTED_MINUTE', intervalSeconds: 0, unitRate: eur(150), flatFee: eur(50), freeMinutes: 0 },
      materialPrices: [{ sku: 'LIC-VPN-5', unitPrice: eur(4_900) }],
      taxRateBasisPoints: 1_900,
      quotas: overrides.quotas ?? [],
      quotaThresholdsPercent: [80, 100],
    },
  };
}

/** Directory events that make `customerId` a customer with one contract under `planId`. */
export async function publishCustomer(app: BillingApp, customerId: string, planId: string, extra: Partial<ContractUpsertedV1> = {}): Promise<string> {
  const contractId = extra.contractId ?? randomUUID();
  await app.publish(customerUpsertedV1.type, customerId, { ...customerUpsertedV1.example, customerId, customerNumber: `K-${customerId.slice(0, 6)}`, name: `Customer ${customerId.slice(0, 6)}`, legalName: null, version: 1 });
  await app.publish(contractUpsertedV1.type, contractId, {
    ...contractUpsertedV1.example, contractId, customerId, contractNumber: `V-${contractId.slice(0, 8)}`, billingPlanId: planId, quotaRef: null, validFrom: '2026-01-01', validUntil: null, version: 1, ...extra,
  });
  return contractId;
}

/** A work log entry of `minutes` on `performedOn` (ISO instant). */
export function entry(minutes: number, performedOn: string, overrides: Partial<WorkLogEntry> = {}): WorkLogEntry {
  return { ...ticketWorklogRecordedV1.example.entry, entryId: randomUUID(), durationMinutes: minutes, performedOn, startedAt: null, endedAt: null, materials: [], note: '', ...overrides };
}

/** Publishes `helpdesk.ticket.worklog.recorded.v1` for a ticket of the customer; returns the event id. */
export function recordWork(app: BillingApp, ticket: { ticketId: string; number: string; customerId: string; contractId: string | null }, e: WorkLogEntry, eventId?: string): Promise<string> {
  const data: TicketWorklogRecordedV1 = {
    ...ticketWorklogRecordedV1.example,
    ticket: { ...ticketWorklogRecordedV1.example.ticket, ticketId: ticket.ticketId, number: ticket.number, customerId: ticket.customerId, contractId: ticket.contractId },
    entry: e,
  };
  return app.publish(ticketWorklogRecordedV1.type, ticket.ticketId, data, eventId);
}

/** Publishes `helpdesk.ticket.worklog.voided.v1` for an entry. */
export function voidWork(app: BillingApp, ticket: { ticketId: string; number: string; customerId: string; contractId: string | null }, e: WorkLogEntry): Promise<string> {
  const data: TicketWorklogVoidedV1 = {
    ...ticketWorklogVoidedV1.example,
    ticket: { ...ticketWorklogVoidedV1.example.ticket, ticketId: ticket.ticketId, number: ticket.number, customerId: ticket.customerId, contractId: ticket.contractId },
    voidEntryId: randomUUID(),
    voidedEntry: e,
  };
  return app.publish(ticketWorklogVoidedV1.type, ticket.ticketId, data);
}

/** Publishes an answered call of the customer. */
export function answeredCall(app: BillingApp, customerId: string, talkSeconds: number, answeredAt: string, overrides: Partial<CallEndedV1> = {}): Promise<string> {
  const callId = overrides.callId ?? randomUUID();
  const data: CallEndedV1 = { ...callEndedV1.example, callId, customerId, talkSeconds, answeredAt, startedAt: answeredAt, endedAt: answeredAt, ...overrides };
  return app.publish(callEndedV1.type, callId, data);
}

/** A DateRange message for a period. */
export function period(from: string, to: string): object {
  const d = (s: string) => ({ year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)) });
  return { startDate: d(from), endDate: d(to) };
}
