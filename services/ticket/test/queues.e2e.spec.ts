import { randomUUID } from 'node:crypto';
import { status, type ServiceError } from '@grpc/grpc-js';
import { fieldViolationsOf } from '@helpdesk/grpc';
import { expectEventually, readEvents } from '@helpdesk/testing';
import type { TestGrpcClient } from '@helpdesk/testing';
import { startTicketApp, type TicketApp } from './support/ticket-app';

interface TicketMessage {
  id: string;
  status: string;
  assigneeId: string;
  queueId: string;
  audit: { version: number };
}

// The harness's agent token has this subject; registering it makes the token's holder an agent.
const ANNA = '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01';
const BERT = randomUUID();
const ALL_DAY = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({
  weekday: `WEEKDAY_${day}`,
  startTime: '00:00',
  endTime: '24:00',
  agentId: ANNA,
}));

describe('queue service over gRPC and NATS', () => {
  let app: TicketApp;
  let queues: TestGrpcClient;

  beforeAll(async () => {
    app = await startTicketApp('queues-e2e');
    queues = app.client('helpdesk.ticket.v1.QueueService', 'helpdesk/ticket/v1/queues.proto');
    for (const [id, displayName] of [[ANNA, 'Anna Schmidt'], [BERT, 'Bert Weber']] as const) {
      await queues.call('UpsertAgent', { id, displayName, email: `${displayName.split(' ')[0]?.toLowerCase()}@helpdesk.example` }, app.tokens.admin);
    }
  });
  afterAll(() => app.stop());

  const createTicket = async (request: object) =>
    (await app.tickets.call<{ ticket: TicketMessage }>('CreateTicket', { summary: 'Printer offline', channel: 'TICKET_CHANNEL_PHONE', ...request }, app.tokens.agent)).ticket;
  const getTicket = async (id: string) => (await app.tickets.call<{ ticket: TicketMessage }>('GetTicket', { id }, app.tokens.agent)).ticket;
  const failure = (call: Promise<unknown>) => call.then(() => undefined, (error: ServiceError) => error);

  it('upserts agents idempotently and publishes agent.upserted once per version', async () => {
    const again = await queues.call<{ outcome: string; agent: { audit: { version: number }; availability: { available: boolean } } }>(
      'UpsertAgent',
      { id: BERT, displayName: 'Bert Weber', email: 'bert@helpdesk.example' },
      app.tokens.integration,
    );
    expect(again).toMatchObject({ outcome: 'UPSERT_OUTCOME_UNCHANGED', agent: { audit: { version: 1 }, availability: { available: true } } });
    // A change after the no-op: the stream must hold Bert's versions 1 and 2 and nothing between.
    await queues.call('UpsertAgent', { id: BERT, displayName: 'Bert Weber', email: 'bert@helpdesk.example', extension: '215' }, app.tokens.integration);
    const events = await readEvents(app.nats.nc, {
      stream: app.nats.naming.streamName('HELPDESK_TICKET'),
      subject: app.nats.naming.subject('helpdesk.directory.agent.upserted.v1'),
      count: 3,
    });
    const berts = events.filter((e) => e.event.subject === BERT).map((e) => (e.event.data as { version: number; extension: string | null }));
    expect(berts).toMatchObject([{ version: 1, extension: null }, { version: 2, extension: '215' }]);
  });

  it('assigns tickets entering a round-robin queue to the members in turn (the routing consumer)', async () => {
    const { queue } = await queues.call<{ queue: { id: string } }>(
      'CreateQueue',
      { key: 'e2e-round-robin', name: 'Round robin', memberIds: [ANNA, BERT], strategy: 'QUEUE_STRATEGY_ROUND_ROBIN' },
      app.tokens.admin,
    );
    const first = await createTicket({ queueId: queue.id });
    await expectEventually(async () => expect(await getTicket(first.id)).toMatchObject({ assigneeId: ANNA, queueId: queue.id, audit: { version: 2 } }));
    const second = await createTicket({ queueId: queue.id });
    await expectEventually(async () => expect(await getTicket(second.id)).toMatchObject({ assigneeId: BERT }));
  });

  it('routes a ticket created without a queue by its category', async () => {
    const { queue } = await queues.call<{ queue: { id: string } }>(
      'CreateQueue',
      { key: 'e2e-billing', name: 'Billing', categories: ['billing'], strategy: 'QUEUE_STRATEGY_MANUAL' },
      app.tokens.admin,
    );
    const ticket = await createTicket({ category: 'billing' });
    await expectEventually(async () => expect(await getTicket(ticket.id)).toMatchObject({ queueId: queue.id, assigneeId: '' }));
  });

  it('shows the unassigned tickets of a schedule queue on the slot member’s work list; taking one assigns and starts it', async () => {
    const { queue } = await queues.call<{ queue: { id: string; audit: { version: number } } }>(
      'CreateQueue',
      { key: 'e2e-hotline', name: 'Hotline', memberIds: [ANNA, BERT], strategy: 'QUEUE_STRATEGY_SCHEDULE', timeZone: 'Europe/Berlin', carryOverInProgress: true },
      app.tokens.admin,
    );
    const scheduled = await queues.call<{ queue: { schedule: unknown[]; audit: { version: number } } }>(
      'SetQueueSchedule',
      { queueId: queue.id, expectedVersion: 1, slots: ALL_DAY },
      app.tokens.admin,
    );
    expect(scheduled.queue).toMatchObject({ audit: { version: 2 }, schedule: expect.arrayContaining([{ weekday: 'WEEKDAY_MONDAY', startTime: '00:00', endTime: '24:00', agentId: ANNA }]) });
    const ticket = await createTicket({ queueId: queue.id });
    const list = await queues.call<{ items: { ticket: TicketMessage; reason: string }[]; activeSlots: { queueKey: string }[] }>('GetWorkList', {}, app.tokens.agent);
    expect(list.items).toContainEqual(expect.objectContaining({ ticket: expect.objectContaining({ id: ticket.id }), reason: 'WORK_ITEM_REASON_SLOT' }));
    expect(list.activeSlots.map((s) => s.queueKey)).toEqual(['e2e-hotline']);
    const bertsList = await queues.call<{ items: { ticket: TicketMessage }[] }>('GetWorkList', { agentId: BERT }, app.tokens.admin);
    expect(bertsList.items.map((item) => item.ticket.id)).not.toContain(ticket.id);

    const taken = await queues.call<{ ticket: TicketMessage }>('TakeTicket', { ticketId: ticket.id, expectedVersion: 1 }, app.tokens.agent);
    expect(taken.ticket).toMatchObject({ assigneeId: ANNA, status: 'TICKET_STATUS_IN_PROGRESS', audit: { version: 3 } });
    const history = await app.tickets.call<{ entries: { kind: string; afterJson: string }[] }>('GetHistory', { id: ticket.id }, app.tokens.agent);
    expect(history.entries.map((e) => e.kind)).toEqual(['created', 'assigned', 'status_changed']);
    expect(JSON.parse(history.entries[1]?.afterJson ?? '{}')).toMatchObject({ assigneeId: ANNA, mode: 'schedule' });
  });

  it('reassigns an absent agent’s open tickets to the substitute, one history entry each', async () => {
    const ticket = await createTicket({});
    await app.tickets.call('AssignTicket', { id: ticket.id, assigneeId: BERT }, app.tokens.admin);
    const result = await queues.call<{ agent: { availability: { absent: boolean; available: boolean; substituteAgentId: string } }; reassignedTicketIds: string[] }>(
      'SetAgentAvailability',
      { agentId: BERT, absent: true, substituteAgentId: ANNA, reason: 'sick leave' },
      app.tokens.admin,
    );
    expect(result.agent.availability).toMatchObject({ absent: true, available: false, substituteAgentId: ANNA });
    expect(result.reassignedTicketIds).toContain(ticket.id);
    expect(await getTicket(ticket.id)).toMatchObject({ assigneeId: ANNA, audit: { version: 3 } });
    const history = await app.tickets.call<{ entries: { kind: string; afterJson: string }[] }>('GetHistory', { id: ticket.id }, app.tokens.agent);
    expect(JSON.parse(history.entries.at(-1)?.afterJson ?? '{}')).toMatchObject({ assigneeId: ANNA, mode: 'substitution', reason: 'sick leave' });
    await expect(queues.call('GetAgent', { id: BERT }, app.tokens.agent)).resolves.toMatchObject({ agent: { availability: { absent: true } } });
  });

  it('keeps configuration for admins and work for agents; customers get nothing', async () => {
    const customer = await app.customerToken(randomUUID(), randomUUID());
    for (const [method, request] of [['ListQueues', {}], ['GetWorkList', {}], ['GetAgent', { id: ANNA }], ['TakeTicket', { ticketId: randomUUID() }]] as const) {
      await expect(queues.call(method, request, customer)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    }
    await expect(queues.call('CreateQueue', { key: 'by-agent', name: 'No' }, app.tokens.agent)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(queues.call('SetAgentAvailability', { agentId: ANNA, absent: true }, app.tokens.agent)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(queues.call('ListQueues', {}, app.tokens.agent)).resolves.toMatchObject({ queues: expect.arrayContaining([expect.objectContaining({ key: 'e2e-hotline' })]) });
  });

  it('answers bad requests with the status and the field at fault', async () => {
    const invalid = await failure(queues.call('CreateQueue', { key: 'bad-members', name: 'Bad', memberIds: ['nope'] }, app.tokens.admin));
    expect(invalid).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(fieldViolationsOf(invalid as ServiceError).map((v) => v.field)).toEqual(['memberIds[0]']);
    const unknownMember = await failure(queues.call('CreateQueue', { key: 'ghost-members', name: 'Ghost', memberIds: [randomUUID()] }, app.tokens.admin));
    expect(fieldViolationsOf(unknownMember as ServiceError).map((v) => v.field)).toEqual(['memberIds[0]']);
    const { queue } = await queues.call<{ queue: { id: string } }>('GetQueue', { key: 'e2e-hotline' }, app.tokens.agent);
    const badSlot = await failure(queues.call('SetQueueSchedule', { queueId: queue.id, slots: [{ ...ALL_DAY[0], startTime: '8 Uhr' }] }, app.tokens.admin));
    expect(fieldViolationsOf(badSlot as ServiceError).map((v) => v.field)).toEqual(['slots[0].startTime']);
    await expect(queues.call('CreateQueue', { key: 'e2e-hotline', name: 'Again' }, app.tokens.admin)).rejects.toMatchObject({ code: status.ALREADY_EXISTS });
    await expect(queues.call('GetQueue', { id: randomUUID() }, app.tokens.agent)).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(queues.call('UpdateQueue', { id: queue.id, updateMask: ['name'], name: 'Stale', expectedVersion: 1 }, app.tokens.admin)).rejects.toMatchObject({
      code: status.ABORTED,
    });
    await expect(queues.call('TakeTicket', { ticketId: randomUUID() }, app.tokens.admin)).rejects.toMatchObject({ code: status.NOT_FOUND });
  });
});
