import { randomUUID } from 'node:crypto';
import { expectEventually, grpcClient, startServiceFromSources, type ServiceFromSources, type TestGrpcClient } from '@helpdesk/testing';
import { ScriptedAmiPeer } from './support/ami-peer';
import { createCtiConnection, postCti, startGatewayApp, type GatewayApp } from './support/gateway-app';

interface Ticket { id: string; number: string; summary: string; description: string; channel: string; status: string; contactId: string; customerId: string; assigneeId: string }
interface WorkEntry { agentId: string; activityType: string; note: string; startTime: { seconds: string }; endTime: { seconds: string }; durationMinutes: number; callId: string; billable: boolean; voided: boolean }
interface Task { kind: string; callId: string; callbackNumber: string; status: string }
interface Message { medium: string; text: string }

jest.setTimeout(240_000);

const ANNA = randomUUID();
// answered.ami + answered-hangup.ami: answered 10:33:32.512, hung up 10:42:07.906 (515 s talk).
const RECORDED = { pbxCallId: '1795430000.101', answeredAt: Date.parse('2026-11-23T10:33:32.512Z'), talkSeconds: 515 };

/**
 * The telephony gateway (in-process) and the ticket service (its own process, from its sources)
 * on one NATS, both real: the directory the ticket service owns reaches the gateway's read model
 * by events, the gateway's call events reach the ticket service's call intake. The tickets, work
 * entries and callback tasks are read through the ticket service's gRPC API, as an agent would.
 */
describe('calls reaching the ticket service', () => {
  let app: GatewayApp;
  let ticketService: ServiceFromSources;
  let peer: ScriptedAmiPeer;
  let tickets: TestGrpcClient;
  let directory: TestGrpcClient;
  let queues: TestGrpcClient;
  let cti: { id: string; token: string };
  let contact: { id: string; customerId: string };

  beforeAll(async () => {
    peer = await ScriptedAmiPeer.start();
    app = await startGatewayApp('tel-with-ticket');
    ticketService = await startServiceFromSources({ service: 'ticket', label: 'tel-with-ticket-ticket', nats: app.nats });
    tickets = grpcClient(ticketService.grpcAddress, 'helpdesk.ticket.v1.TicketService', 'helpdesk/ticket/v1/ticket.proto');
    directory = grpcClient(ticketService.grpcAddress, 'helpdesk.ticket.v1.DirectoryService', 'helpdesk/ticket/v1/directory.proto');
    queues = grpcClient(ticketService.grpcAddress, 'helpdesk.ticket.v1.QueueService', 'helpdesk/ticket/v1/queues.proto');
    // The peer compiles its sources at start: wait until it answers.
    await expectEventually(async () => expect(await directory.call('ListCustomers', {}, app.tokens.agent)).toBeDefined(), { timeoutMs: 180_000, intervalMs: 1_000 });

    const { customer } = await directory.call<{ customer: { id: string } }>('UpsertCustomer', { customerNumber: 'K-4711', name: 'Mustermann Logistik' }, app.tokens.integration);
    const upserted = await directory.call<{ contact: { id: string } }>(
      'UpsertContact',
      { customerId: customer.id, firstName: 'Max', lastName: 'Mustermann', phones: [{ number: '030 123456', kind: 'PHONE_KIND_LANDLINE', primary: true }] },
      app.tokens.integration,
    );
    contact = { id: upserted.contact.id, customerId: customer.id };
    await queues.call('UpsertAgent', { id: ANNA, displayName: 'Anna Schmidt', email: 'anna@example.com', extension: '214' }, app.tokens.admin);
    // The gateway learns contact, customer and agent from the ticket service's directory events.
    await expectEventually(async () => {
      expect(await app.sql('SELECT 1 FROM directory_contact_phones WHERE number = $1 AND contact_id = $2', ['+4930123456', contact.id])).toHaveLength(1);
      expect(await app.sql('SELECT 1 FROM directory_agents WHERE agent_id = $1 AND extension = $2', [ANNA, '214'])).toHaveLength(1);
      expect(await app.sql('SELECT 1 FROM directory_customers WHERE customer_id = $1', [customer.id])).toHaveLength(1);
    }, { timeoutMs: 60_000 });

    cti = await createCtiConnection(app, 'sipgate');
    await app.grpc.call(
      'CreatePbxConnection',
      { name: 'freepbx', kind: 'PBX_CONNECTION_KIND_AMI', ami: { host: '127.0.0.1', port: peer.port, username: 'helpdesk', secret: 'amp111', inboundContexts: [] } },
      app.tokens.admin,
    );
    await expectEventually(() => expect(peer.logins).toBe(1));
  }, 240_000);

  afterAll(async () => {
    tickets?.close();
    directory?.close();
    queues?.close();
    await app?.stop();
    await ticketService?.stop();
    await peer?.close();
  });

  const ticketsOf = async (contactId: string) => (await tickets.call<{ tickets: Ticket[] }>('ListTickets', { contactId }, app.tokens.agent)).tickets;
  const workOn = async (ticketId: string) => (await tickets.call<{ entries: WorkEntry[] }>('ListWork', { ticketId }, app.tokens.agent)).entries;
  const tasksOn = async (ticketId: string) => (await tickets.call<{ tasks: Task[] }>('ListTasks', { ticketId }, app.tokens.agent)).tasks;
  const phoneMessagesOn = async (ticketId: string) =>
    (await tickets.call<{ messages: Message[] }>('ListMessages', { ticketId }, app.tokens.agent)).messages.filter((m) => m.medium === 'MESSAGE_MEDIUM_PHONE');

  it('opens a phone ticket for an answered CTI call of a known caller without an open ticket, pre-filled, with the talk time as one phone_support entry', async () => {
    await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'sg-1001', direction: 'in', from: '030 123456', to: '+49 40 1234000', 'user[]': 'hotline' });
    await postCti(app, cti.id, cti.token, { event: 'answer', callId: 'sg-1001', user: '214' });
    // The caller talks for a moment: the webhook takes its times from the events' arrival.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const hangup = await postCti(app, cti.id, cti.token, { event: 'hangup', callId: 'sg-1001', cause: 'normalClearing' });
    expect(hangup).toMatchObject({ status: 200, body: { outcome: 'answered' } });
    const [ended] = await app.sql<{ data: { callId: string; from: string; answeredAt: string; talkSeconds: number } }>(
      `SELECT envelope->'data' AS data FROM outbox WHERE type = 'helpdesk.call.ended.v1' AND envelope->'data'->>'pbxCallId' = 'sg-1001'`,
    );
    const call = ended?.data;
    expect(call).toMatchObject({ callId: hangup.body['callId'], from: '+4930123456' });
    expect(call?.talkSeconds).toBeGreaterThanOrEqual(1);

    const ticket = await expectEventually(async () => {
      const found = await ticketsOf(contact.id);
      expect(found).toHaveLength(1);
      return found[0] as Ticket;
    }, { timeoutMs: 30_000 });
    // Pre-filled: the caller's contact and customer, the agent who answered, the number, the time and the talk time.
    const answered = `${call?.answeredAt.slice(0, 19).replace('T', ' ')} UTC`;
    expect(ticket).toMatchObject({
      channel: 'TICKET_CHANNEL_PHONE',
      contactId: contact.id,
      customerId: contact.customerId,
      assigneeId: ANNA,
      summary: 'Call from Max Mustermann',
      description: `Inbound call from +4930123456, answered ${answered}, talk time ${call?.talkSeconds} s.`,
    });
    const entries = await expectEventually(async () => {
      const found = await workOn(ticket.id);
      expect(found).toHaveLength(1);
      return found;
    });
    // A call under half a minute books the smallest entry, one minute; the note carries the exact talk time.
    expect(entries[0]).toMatchObject({ agentId: ANNA, activityType: 'phone_support', callId: call?.callId, durationMinutes: 1, billable: true, voided: false });
    expect(entries[0]?.note).toContain(`talk time ${call?.talkSeconds} s`);
  });

  it('attaches the caller\'s next answered call (AMI) to the open ticket, its talk time one more entry of exactly that length', async () => {
    const [ticket] = await ticketsOf(contact.id);
    peer.play('answered.ami');
    peer.play('answered-hangup.ami');
    await expectEventually(async () => expect(await phoneMessagesOn(ticket?.id ?? '')).toHaveLength(2), { timeoutMs: 30_000 });
    expect(await ticketsOf(contact.id)).toHaveLength(1);
    const [call] = await app.sql<{ id: string }>('SELECT id FROM calls WHERE pbx_call_id = $1', [RECORDED.pbxCallId]);
    const entries = await expectEventually(async () => {
      const found = await workOn(ticket?.id ?? '');
      expect(found).toHaveLength(2);
      return found.filter((entry) => entry.callId === call?.id);
    });
    expect(entries).toEqual([expect.objectContaining({ agentId: ANNA, activityType: 'phone_support', billable: true })]);
    expect(Number(entries[0]?.startTime.seconds)).toBe(Math.floor(RECORDED.answeredAt / 1000));
    expect(Number(entries[0]?.endTime.seconds) - Number(entries[0]?.startTime.seconds)).toBe(RECORDED.talkSeconds);
  });

  it('asks for exactly one callback for a missed call, however often the PBX retries its webhooks', async () => {
    const unknown = { from: '+49 89 7654321', e164: '+49897654321' };
    const newCall = { event: 'newCall', callId: 'sg-3001', direction: 'in', from: unknown.from, to: '+49 40 1234000' };
    await postCti(app, cti.id, cti.token, newCall);
    const hangups = await Promise.all([1, 2, 3, 4].map(() => postCti(app, cti.id, cti.token, { event: 'hangup', callId: 'sg-3001', cause: 'cancel' })));
    expect(hangups.map((h) => h.status)).toEqual([200, 200, 200, 200]);
    expect(hangups.filter((h) => h.body['repeated'] === false)).toHaveLength(1);
    expect(await postCti(app, cti.id, cti.token, newCall)).toMatchObject({ status: 200, body: { repeated: true, outcome: 'missed' } });

    // The gateway published one call.ended; the ticket service opened one ticket (an unknown caller has none) with one callback.
    expect(await app.sql(`SELECT count(*)::int AS n FROM outbox WHERE type = 'helpdesk.call.ended.v1' AND envelope->'data'->>'pbxCallId' = 'sg-3001'`)).toEqual([{ n: 1 }]);
    const [missed] = await app.sql<{ id: string }>('SELECT id FROM calls WHERE pbx_call_id = $1', ['sg-3001']);
    const missedTickets = async () => (await tickets.call<{ tickets: Ticket[] }>('ListTickets', {}, app.tokens.agent)).tickets.filter((t) => t.summary === `Missed call from ${unknown.e164}`);
    const [first] = await expectEventually(async () => {
      const found = await missedTickets();
      expect(found).toHaveLength(1);
      return found;
    }, { timeoutMs: 30_000 });
    await expectEventually(async () => expect(await tasksOn(first?.id ?? '')).toEqual([expect.objectContaining({ kind: 'TASK_KIND_CALLBACK', callId: missed?.id, callbackNumber: unknown.e164 })]));

    // A later missed call of the same caller is a call of its own; once its callback exists, the retries above still added none.
    await postCti(app, cti.id, cti.token, { ...newCall, callId: 'sg-3002' });
    await postCti(app, cti.id, cti.token, { event: 'hangup', callId: 'sg-3002', cause: 'noAnswer' });
    const both = await expectEventually(async () => {
      const found = await missedTickets();
      expect(found).toHaveLength(2);
      for (const ticket of found) expect(await tasksOn(ticket.id)).toHaveLength(1);
      return found;
    }, { timeoutMs: 30_000 });
    const callbacks = (await Promise.all(both.map((t) => tasksOn(t.id)))).flat();
    expect(callbacks.filter((t) => t.callId === missed?.id)).toHaveLength(1);
  });
});
