import { randomUUID } from 'node:crypto';
import type { Clients, Tokens } from './clients';

/**
 * The billing plan of the Gold contract, in minor units (EUR cents). The journey computes the
 * statement it expects from these numbers, not from the service's output.
 */
export const GOLD_PLAN = {
  remoteSupportHourly: 9_800,
  phoneSupportHourly: 9_500,
  defaultHourly: 9_000,
  roundingIncrementMinutes: 15,
  roundingMinimumMinutes: 15,
  callRatePerStartedMinute: 150,
  quotaRef: 'E2E-GOLD-30MIN',
  quotaMinutesPerMonth: 30,
  taxBasisPoints: 1_900,
} as const;

/** The Gold SLA policy's targets for priority `normal` (24/7 calendar), in seconds. */
export const GOLD_NORMAL_TARGETS = { firstResponse: 2 * 3_600, nextUpdate: 4 * 3_600, resolution: 24 * 3_600 } as const;

/** The service desk the journey plays in: every id the test needs later. */
export interface ServiceDesk {
  readonly agentId: string;
  readonly agentExtension: string;
  readonly customerId: string;
  readonly contactId: string;
  readonly contactEmail: string;
  /** The contact's phone number as the customer's PBX sends it (national notation). */
  readonly contactPhoneNational: string;
  readonly contractId: string;
  readonly slaPolicyId: string;
  readonly planId: string;
  readonly supportAddress: string;
  readonly hotlineNumber: string;
  readonly ctiConnectionId: string;
  readonly ctiToken: string;
}

const eur = (minor: number) => ({ amountMinor: String(minor), currency: 'EUR' });

/**
 * Creates the service desk through the services' own gRPC APIs, as an administrator and the ERP
 * would: a 24/7 calendar and the Gold SLA policy (sla), the Gold billing plan with a 30-minute
 * monthly quota (billing), an agent with a phone extension, a customer with a contact (mail
 * address and phone number) and a Gold contract naming policy, plan and quota (ticket directory),
 * the support mailbox (mail gateway) and a CTI webhook connection (telephony gateway).
 */
export async function createServiceDesk(clients: Clients, tokens: Tokens, agentId: string): Promise<ServiceDesk> {
  const run = randomUUID().slice(0, 8);
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(new Date()));

  const { calendar } = await clients.sla.call<{ calendar: { id: string } }>('CreateCalendar', { settings: { name: 'Rund um die Uhr', alwaysOpen: true } }, tokens.admin);
  const targets = (priority: string, firstResponse: string, nextUpdate: string, resolution: string) => ({ priority, firstResponse, nextUpdate, resolution });
  const { policy } = await clients.sla.call<{ policy: { id: string } }>(
    'CreatePolicy',
    {
      settings: {
        name: 'Gold',
        calendarId: calendar.id,
        targets: [targets('low', 'PT4H', 'PT8H', 'P3D'), targets('normal', 'PT2H', 'PT4H', 'PT24H'), targets('high', 'PT1H', 'PT2H', 'PT8H'), targets('critical', 'PT30M', 'PT1H', 'PT4H')],
        warningLeadPercent: 20,
        pauseStatuses: ['pending'],
      },
    },
    tokens.admin,
  );

  const planId = randomUUID();
  await clients.billing.call(
    'CreatePlan',
    {
      planId,
      validFrom: { year, month: 1, day: 1 },
      terms: {
        name: 'Gold Hotline',
        currency: 'EUR',
        activityRates: [
          { activityType: 'remote_support', hourlyRate: eur(GOLD_PLAN.remoteSupportHourly) },
          { activityType: 'phone_support', hourlyRate: eur(GOLD_PLAN.phoneSupportHourly) },
        ],
        defaultHourlyRate: eur(GOLD_PLAN.defaultHourly),
        rounding: { incrementMinutes: GOLD_PLAN.roundingIncrementMinutes, minimumMinutes: GOLD_PLAN.roundingMinimumMinutes, scope: 'ROUNDING_SCOPE_ENTRY' },
        callPricing: { mode: 'CALL_PRICING_MODE_PER_STARTED_MINUTE', intervalSeconds: 0, unitRate: eur(GOLD_PLAN.callRatePerStartedMinute), flatFee: eur(0), freeMinutes: 0 },
        materialPrices: [],
        taxRateBasisPoints: GOLD_PLAN.taxBasisPoints,
        quotas: [{ ref: GOLD_PLAN.quotaRef, includedMinutes: GOLD_PLAN.quotaMinutesPerMonth, period: 'QUOTA_PERIOD_MONTHLY', carryOver: false }],
        quotaThresholdsPercent: [100],
      },
    },
    tokens.admin,
  );

  const agentExtension = '201';
  await clients.queues.call('UpsertAgent', { id: agentId, displayName: 'Anna Schmidt', email: `anna.schmidt.${run}@systemhaus-nord.example`, extension: agentExtension }, tokens.admin);

  const { customer } = await clients.directory.call<{ customer: { id: string } }>(
    'UpsertCustomer',
    { customerNumber: `K-E2E-${run}`, name: 'Müller Maschinenbau GmbH', language: 'de' },
    tokens.integration,
  );
  const contactEmail = `t.berger.${run}@mueller-maschinenbau.example`;
  // Fiction range of the Bundesnetzagentur (089 99998 xxx).
  const contactPhoneNational = '089 99998 777';
  const { contact } = await clients.directory.call<{ contact: { id: string } }>(
    'UpsertContact',
    { customerId: customer.id, firstName: 'Thomas', lastName: 'Berger', emails: [{ address: contactEmail, primary: true }], phones: [{ number: contactPhoneNational, primary: true }], defaultCountry: 'DE', language: 'en' },
    tokens.integration,
  );
  const { contract } = await clients.directory.call<{ contract: { id: string } }>(
    'UpsertContract',
    {
      customerId: customer.id,
      contractNumber: `SV-E2E-${run}`,
      name: 'Gold Service (24/7, 2 h Reaktionszeit)',
      validFrom: { year, month: 1, day: 1 },
      slaPolicyId: policy.id,
      billingPlanId: planId,
      freeSupport: false,
      quotaRef: GOLD_PLAN.quotaRef,
    },
    tokens.integration,
  );

  const supportAddress = `support-${run}@helpdesk.e2e.example`;
  await clients.mail.call('CreateMailbox', { name: 'Support', address: supportAddress, language: 'en', defaultCategory: 'technical' }, tokens.admin);
  const { connection, token } = await clients.telephony.call<{ connection: { id: string }; token: string }>('CreatePbxConnection', { name: `Hotline ${run}`, kind: 'PBX_CONNECTION_KIND_CTI_WEBHOOK' }, tokens.admin);

  return {
    agentId,
    agentExtension,
    customerId: customer.id,
    contactId: contact.id,
    contactEmail,
    contactPhoneNational,
    contractId: contract.id,
    slaPolicyId: policy.id,
    planId,
    supportAddress,
    hotlineNumber: '+49 89 99998 100',
    ctiConnectionId: connection.id,
    ctiToken: token,
  };
}
