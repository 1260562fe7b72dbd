import { callAnsweredV1, callEndedV1, callStartedV1, contactUpsertedV1, customerUpsertedV1, ticketCreatedV1, type ContactUpsertedV1 } from '@helpdesk/contracts';
import { expectEventually, readEvents } from '@helpdesk/testing';
import { createCtiConnection, postCti, startGatewayApp, type GatewayApp } from './support/gateway-app';

interface CallMessage {
  id: string;
  from: string;
  to: string;
  state: string;
  outcome: string;
  contactId: string;
  contactName: string;
  customerName: string;
  talkSeconds: number;
  extension: string;
}
interface WatchMessage {
  call?: { call: CallMessage; openTickets: { number: string }[]; awaitingCallback: boolean };
  snapshotComplete: boolean;
  removedCallId: string;
}

const contact: ContactUpsertedV1 = { ...contactUpsertedV1.example, contactId: '01936a00-2222-7aaa-8bbb-0000000000c1', phones: [{ number: '+4930123456', kind: 'landline', primary: true }] };

describe('a call through the Generic CTI webhook', () => {
  let app: GatewayApp;
  let cti: { id: string; token: string };
  beforeAll(async () => {
    app = await startGatewayApp('tel-cti');
    cti = await createCtiConnection(app, 'sipgate');
    await app.publish(customerUpsertedV1.type, contact.customerId ?? '', { ...customerUpsertedV1.example, customerId: contact.customerId });
    await app.publish(contactUpsertedV1.type, contact.contactId, contact);
    await app.publish(ticketCreatedV1.type, 'ticket', {
      ...ticketCreatedV1.example,
      ticket: { ...ticketCreatedV1.example.ticket, contactId: contact.contactId, number: 'T-100042', status: 'open' },
    });
    // The read model is kept from events: wait until the caller is known.
    await expectEventually(async () => {
      expect(await app.sql('SELECT 1 FROM directory_contact_phones p JOIN caller_tickets t ON t.contact_id = p.contact_id JOIN directory_customers c ON c.customer_id = $1', [contact.customerId])).toHaveLength(1);
    }, { timeoutMs: 20_000 });
  });
  afterAll(() => app.stop());

  it('records an answered inbound call: E.164 numbers, the caller recognised, start/answer/end events with the talk time', async () => {
    const monitor = app.grpc.watch<WatchMessage>('WatchCalls', {}, app.tokens.agent);
    await expectEventually(() => expect(monitor.received.some((m) => m.snapshotComplete)).toBe(true));

    const started = await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'sg-1001', direction: 'in', from: '030 123456', to: '+49 40 1234000', 'user[]': 'hotline' });
    expect(started).toMatchObject({ status: 200, body: { state: 'ringing', repeated: false } });
    const callId = String(started.body['callId']);
    await expectEventually(() => {
      const ringing = monitor.received.find((m) => m.call?.call.id === callId);
      expect(ringing?.call).toMatchObject({ call: { state: 'CALL_STATE_RINGING', from: '+4930123456', contactName: 'Max Mustermann', customerName: 'Mustermann Logistik' }, openTickets: [{ number: 'T-100042' }] });
    });

    expect(await postCti(app, cti.id, cti.token, { event: 'answer', callId: 'sg-1001', user: '214' })).toMatchObject({ status: 200, body: { state: 'talking' } });
    expect(await postCti(app, cti.id, cti.token, { event: 'hangup', callId: 'sg-1001', cause: 'normalClearing' })).toMatchObject({ status: 200, body: { state: 'ended', outcome: 'answered' } });
    await expectEventually(() => expect(monitor.received.some((m) => m.removedCallId === callId)).toBe(true));
    monitor.cancel();

    const events = await readEvents(app.nats.nc, { stream: app.nats.naming.streamName('HELPDESK_CALL'), subject: app.nats.naming.subject('helpdesk.call.>'), count: 3 });
    expect(events.map((e) => e.event.type)).toEqual([callStartedV1.type, callAnsweredV1.type, callEndedV1.type]);
    const ended = callEndedV1.schema.parse(events[2]?.event.data);
    expect(ended).toMatchObject({
      callId,
      direction: 'inbound',
      from: '+4930123456',
      fromRaw: '030 123456',
      to: '+49401234000',
      extension: '214',
      contactId: contact.contactId,
      customerId: contact.customerId,
      outcome: 'answered',
      pbxCause: 'normalClearing',
      complete: true,
      ticketId: null,
    });
    expect(ended.talkSeconds).toBe(Math.round((Date.parse(ended.endedAt) - Date.parse(ended.answeredAt ?? '')) / 1000));

    const { call } = await app.grpc.call<{ call: CallMessage }>('GetCall', { id: callId }, app.tokens.agent);
    expect(call).toMatchObject({ state: 'CALL_STATE_ENDED', outcome: 'CALL_OUTCOME_ANSWERED', contactName: 'Max Mustermann', extension: '214' });
  });

  it('ends a missed call once, however often the PBX retries the hangup, and shows it as awaiting a callback', async () => {
    await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'sg-2002', direction: 'in', from: '+4930123456', to: '+49401234000' });
    const first = await postCti(app, cti.id, cti.token, { event: 'hangup', callId: 'sg-2002', cause: 'cancel' });
    const retries = await Promise.all([1, 2, 3].map(() => postCti(app, cti.id, cti.token, { event: 'hangup', callId: 'sg-2002', cause: 'cancel' })));
    expect(first).toMatchObject({ status: 200, body: { outcome: 'missed', repeated: false } });
    for (const retry of retries) expect(retry).toMatchObject({ status: 200, body: { outcome: 'missed', repeated: true } });
    const retriedStart = await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'sg-2002', direction: 'in', from: '+4930123456', to: '+49401234000' });
    expect(retriedStart).toMatchObject({ status: 200, body: { repeated: true, state: 'ended' } });

    expect(await app.sql(`SELECT count(*)::int AS n FROM outbox WHERE type = $1 AND envelope->'data'->>'pbxCallId' = 'sg-2002'`, [callEndedV1.type])).toEqual([{ n: 1 }]);
    const monitor = app.grpc.watch<WatchMessage>('WatchCalls', {}, app.tokens.agent);
    await expectEventually(() => {
      expect(monitor.received.some((m) => m.snapshotComplete)).toBe(true);
      expect(monitor.received.find((m) => m.call?.call.id === first.body['callId'])?.call).toMatchObject({ awaitingCallback: true, call: { outcome: 'CALL_OUTCOME_MISSED' } });
    });
    monitor.cancel();
  });

  it('decides on the stored call, not on this replica\'s copy, when another replica changed it meanwhile', async () => {
    await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'sg-3003', direction: 'in', from: '+4930123456', to: '+49401234000' });
    // Another replica took the answer (extension 215): the stored row moved on, this replica still holds it ringing.
    await app.sql(`UPDATE calls SET state = 'talking', extension = '215', answered_at = started_at, revision = revision + 1 WHERE pbx_call_id = 'sg-3003'`);
    // Decided on the stale copy it would end missed; the conditional write refuses it and the locked path decides again.
    expect(await postCti(app, cti.id, cti.token, { event: 'hangup', callId: 'sg-3003', cause: 'normalClearing' })).toMatchObject({ status: 200, body: { outcome: 'answered', repeated: false } });
    const events = await app.sql<{ data: { outcome: string; extension: string } }>(`SELECT envelope->'data' AS data FROM outbox WHERE type = $1 AND envelope->'data'->>'pbxCallId' = 'sg-3003'`, [callEndedV1.type]);
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ outcome: 'answered', extension: '215' })]);
  });

  it('lists calls by outcome and customer, paged', async () => {
    const all = await app.grpc.call<{ calls: CallMessage[]; page: { nextPageToken: string } }>('ListCalls', { customerId: contact.customerId, page: { pageSize: 1 } }, app.tokens.agent);
    expect(all.calls).toHaveLength(1);
    const next = await app.grpc.call<{ calls: CallMessage[] }>('ListCalls', { customerId: contact.customerId, page: { pageSize: 1, pageToken: all.page.nextPageToken } }, app.tokens.agent);
    expect(next.calls).toHaveLength(1);
    expect(next.calls[0]?.id).not.toBe(all.calls[0]?.id);
    const missed = await app.grpc.call<{ calls: CallMessage[] }>('ListCalls', { outcome: 'CALL_OUTCOME_MISSED' }, app.tokens.agent);
    expect(missed.calls.map((c) => c.outcome)).toEqual(['CALL_OUTCOME_MISSED']);
  });

  it('stores concurrent webhooks of many calls together, each call and event once', async () => {
    const ids = Array.from({ length: 24 }, (_, i) => `burst-${i}`);
    const post = (fields: Record<string, string>) => postCti(app, cti.id, cti.token, fields);
    const started = await Promise.all([...ids, 'burst-0'].map((callId) => post({ event: 'newCall', callId, direction: 'in', from: '+4930123456', to: '+49401234000' })));
    expect(started.map((r) => r.status).every((s) => s === 200)).toBe(true);
    expect(started.filter((r) => r.body['repeated'] === true)).toHaveLength(1);
    const ended = await Promise.all(ids.map((callId, i) => post({ event: 'hangup', callId, cause: i % 2 ? 'busy' : 'cancel' })));
    expect(ended.map((r) => r.body['outcome'])).toEqual(ids.map((_, i) => (i % 2 ? 'busy' : 'missed')));
    const counts = await app.sql<{ type: string; n: number }>(
      `SELECT type, count(*)::int AS n FROM outbox WHERE envelope->'data'->>'pbxCallId' LIKE 'burst-%' GROUP BY type ORDER BY type`,
    );
    expect(counts).toEqual([
      { type: callEndedV1.type, n: 24 },
      { type: callStartedV1.type, n: 24 },
    ]);
    expect(await app.sql(`SELECT 1 FROM calls WHERE pbx_call_id LIKE 'burst-%' AND state = 'ended'`)).toHaveLength(24);
  });
});
