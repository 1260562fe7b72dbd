import { randomUUID } from 'node:crypto';
import { expectEventually, startServiceFromSources, type ServiceFromSources } from '@helpdesk/testing';
import { startBillingApp, type BillingApp } from './support/billing-app';
import { period, planRequest } from './support/fixtures';
import { grpcClient, type TestGrpcClient } from '@helpdesk/testing';

interface Statement { statementNumber: string; customerId: string; grossTotal: { amountMinor: string }; lines: { kind: string; ticketNumber: string; roundedMinutes: number; amount: { amountMinor: string }; sourceItems: { sourceId: string }[] }[] }

jest.setTimeout(180_000);

describe('journey: a work log entry in the ticket service becomes a line on an issued statement', () => {
  let billing: BillingApp;
  let ticketService: ServiceFromSources;
  let tickets: TestGrpcClient;
  let directory: TestGrpcClient;

  beforeAll(async () => {
    billing = await startBillingApp('billing-journey');
    ticketService = await startServiceFromSources({ service: 'ticket', label: 'billing-journey-ticket', nats: billing.nats });
    tickets = grpcClient(ticketService.grpcAddress, 'helpdesk.ticket.v1.TicketService', 'helpdesk/ticket/v1/ticket.proto');
    directory = grpcClient(ticketService.grpcAddress, 'helpdesk.ticket.v1.DirectoryService', 'helpdesk/ticket/v1/directory.proto');
    // The peer compiles its sources at start: wait until it answers.
    await expectEventually(async () => expect(await directory.call('ListCustomers', {}, billing.tokens.agent)).toBeDefined(), { timeoutMs: 120_000, intervalMs: 1_000 });
  }, 180_000);
  afterAll(async () => {
    tickets?.close();
    directory?.close();
    await ticketService?.stop();
    await billing?.stop();
  });

  it('bills the entry an agent records on a ticket of a customer whose contract names the plan', async () => {
    const planId = randomUUID();
    await billing.billing.call('CreatePlan', planRequest(planId), billing.tokens.admin);
    const { customer } = await directory.call<{ customer: { id: string } }>('UpsertCustomer', { customerNumber: `K-${Date.now()}`, name: 'Stadtwerke Nordheim' }, billing.tokens.integration);
    const { contract } = await directory.call<{ contract: { id: string } }>(
      'UpsertContract',
      { customerId: customer.id, contractNumber: `V-${Date.now()}`, name: 'Silver', validFrom: { year: 2020, month: 1, day: 1 }, billingPlanId: planId },
      billing.tokens.integration,
    );
    const { ticket } = await tickets.call<{ ticket: { id: string; number: string } }>('CreateTicket', { summary: 'VPN drops', channel: 'TICKET_CHANNEL_PHONE', customerId: customer.id, contractId: contract.id }, billing.tokens.agent);
    const { entry } = await tickets.call<{ entry: { id: string } }>('RecordWork', { ticketId: ticket.id, activityType: 'remote_support', durationMinutes: 35, billable: true, materials: [], note: 'Reset the VPN gateway' }, billing.tokens.agent);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const month = { from: `${today.slice(0, 7)}-01`, to: today };
    const statement = await expectEventually(async () => {
      const preview = await billing.billing.call<{ statements: Statement[] }>('PreviewRun', { period: period(month.from, month.to), customerIds: [customer.id] }, billing.tokens.integration);
      expect(preview.statements).toHaveLength(1);
      return preview.statements[0];
    }, { timeoutMs: 60_000 });
    expect(statement?.lines).toEqual([expect.objectContaining({ kind: 'LINE_KIND_WORK', ticketNumber: ticket.number, roundedMinutes: 45, amount: { amountMinor: '7350', currency: 'EUR' } })]);

    const issued = await billing.billing.call<{ statements: Statement[] }>('IssueRun', { period: period(month.from, month.to), customerIds: [customer.id] }, billing.tokens.integration);
    expect(issued.statements[0]?.lines[0]?.sourceItems.map((s) => s.sourceId)).toEqual([entry.id]);
    expect(issued.statements[0]?.grossTotal.amountMinor).toBe('8747');
  });
});
