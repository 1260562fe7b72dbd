import { status } from '@grpc/grpc-js';
import { agentUpsertedV1, callEndedV1 } from '@helpdesk/contracts';
import { expectEventually, signTestJwt } from '@helpdesk/testing';
import { createCtiConnection, postCti, startGatewayApp, type GatewayApp } from './support/gateway-app';

const ts = (iso: string) => ({ seconds: String(Math.floor(Date.parse(iso) / 1000)), nanos: 0 });

/** Reads Server-Sent Events from the monitor endpoint into a list as they arrive. */
async function openSse(url: string): Promise<{ status: number; frames: { event: string; data: Record<string, unknown> }[]; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const frames: { event: string; data: Record<string, unknown> }[] = [];
  if (response.ok && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (event && data) frames.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    })();
  }
  return { status: response.status, frames, close: () => controller.abort() };
}

describe('the hotline monitor and calls recorded through the API', () => {
  let app: GatewayApp;
  let apiConnectionId: string;
  let cti: { id: string; token: string };
  beforeAll(async () => {
    app = await startGatewayApp('tel-monitor');
    cti = await createCtiConnection(app, 'cti');
    const created = await app.grpc.call<{ connection: { id: string } }>('CreatePbxConnection', { name: 'crm-dialler', kind: 'PBX_CONNECTION_KIND_API' }, app.tokens.admin);
    apiConnectionId = created.connection.id;
  });
  afterAll(() => app.stop());

  it('streams active calls as Server-Sent Events to staff, and refuses others', async () => {
    expect((await openSse(`${app.httpBase}/monitor/calls`)).status).toBe(401);
    const customer = await signTestJwt({ sub: 'c', roles: ['customer'], customerId: '01936a00-1111-7aaa-8bbb-000000000001', contactId: '01936a00-2222-7aaa-8bbb-000000000002' });
    expect((await openSse(`${app.httpBase}/monitor/calls?access_token=${customer}`)).status).toBe(403);

    const sse = await openSse(`${app.httpBase}/monitor/calls?access_token=${app.tokens.agent}`);
    expect(sse.status).toBe(200);
    await expectEventually(() => expect(sse.frames.map((f) => f.event)).toContain('snapshot-complete'));
    const started = await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'sse-1', direction: 'in', from: '+4930123456', to: '+49401234000' });
    await expectEventually(() => expect(sse.frames.find((f) => f.event === 'call')?.data).toMatchObject({ call: { id: started.body['callId'], state: 'ringing', from: '+4930123456' }, awaitingCallback: false }));
    await postCti(app, cti.id, cti.token, { event: 'answer', callId: 'sse-1', user: '214' });
    await postCti(app, cti.id, cti.token, { event: 'hangup', callId: 'sse-1' });
    await expectEventually(() => expect(sse.frames.at(-1)).toEqual({ event: 'removed', data: { callId: started.body['callId'] } }));
    sse.close();
  });

  it('records a whole call once and takes a missed call off the monitor when it is called back', async () => {
    const missed = {
      pbxConnectionId: apiConnectionId,
      pbxCallId: 'crm-77',
      direction: 'CALL_DIRECTION_INBOUND',
      from: '+49 30 9876543',
      to: '+49401234000',
      outcome: 'CALL_OUTCOME_MISSED',
      startedAt: ts('2026-11-23T09:00:00Z'),
      endedAt: ts('2026-11-23T09:00:25Z'),
    };
    const first = await app.grpc.call<{ call: { id: string; from: string; ringSeconds: number } }>('RecordCall', missed, app.tokens.integration);
    expect(first.call).toMatchObject({ from: '+49309876543', ringSeconds: 25 });
    const again = await app.grpc.call<{ call: { id: string } }>('RecordCall', missed, app.tokens.integration);
    expect(again.call.id).toBe(first.call.id);
    expect(await app.sql(`SELECT 1 FROM outbox WHERE type = $1 AND envelope->>'subject' = $2`, [callEndedV1.type, first.call.id])).toHaveLength(1);

    const watch = app.grpc.watch<{ call?: { call: { id: string }; awaitingCallback: boolean }; removedCallId: string }>('WatchCalls', {}, app.tokens.agent);
    await expectEventually(() => expect(watch.received.find((m) => m.call?.call.id === first.call.id)?.call?.awaitingCallback).toBe(true));
    await app.grpc.call(
      'RecordCall',
      { ...missed, pbxCallId: 'crm-78', direction: 'CALL_DIRECTION_OUTBOUND', from: '214', to: '030 9876543', outcome: 'CALL_OUTCOME_ANSWERED', startedAt: ts('2026-11-23T09:30:00Z'), answeredAt: ts('2026-11-23T09:30:09Z'), endedAt: ts('2026-11-23T09:34:00Z') },
      app.tokens.integration,
    );
    await expectEventually(() => expect(watch.received.some((m) => m.removedCallId === first.call.id)).toBe(true));
    watch.cancel();
  });

  it('refuses an inconsistent recorded call naming the field, and a call for a connection of another kind', async () => {
    const request = { pbxConnectionId: apiConnectionId, pbxCallId: 'crm-79', direction: 'CALL_DIRECTION_INBOUND', from: '', to: '1', outcome: 'CALL_OUTCOME_MISSED', startedAt: ts('2026-11-23T09:00:00Z'), answeredAt: ts('2026-11-23T09:00:05Z'), endedAt: ts('2026-11-23T09:00:25Z') };
    await expect(app.grpc.call('RecordCall', request, app.tokens.integration)).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('answeredAt') });
    await expect(app.grpc.call('RecordCall', { ...request, answeredAt: undefined, pbxConnectionId: cti.id }, app.tokens.integration)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('cti_webhook connection'),
    });
    await expect(app.grpc.call('RecordCall', { ...request, answeredAt: undefined }, app.tokens.agent)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
  });

  it('shows an agent client the calls ringing for everyone and its own, not a colleague\'s', async () => {
    const anna = '0195f3a0-0000-7000-8000-00000000a001';
    const watch = app.grpc.watch<{ call?: { call: { pbxCallId: string } }; snapshotComplete: boolean }>('WatchCalls', { agentId: anna }, app.tokens.agent);
    await expectEventually(() => expect(watch.received.some((m) => m.snapshotComplete)).toBe(true));
    for (const [agentId, extension] of [[anna, '214'], ['0195f3a0-0000-7000-8000-00000000a002', '215']] as const) {
      await app.publish(agentUpsertedV1.type, agentId, { ...agentUpsertedV1.example, agentId, extension });
    }
    await expectEventually(async () => expect(await app.sql('SELECT 1 FROM directory_agents')).toHaveLength(2));
    await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'agent-1', direction: 'out', from: '214', to: '030123456', user: '214' });
    await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'agent-2', direction: 'out', from: '215', to: '030123456', user: '215' });
    await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'agent-3', direction: 'in', from: '030123457', to: '+49401234000' });
    await expectEventually(() => expect(watch.received.filter((m) => m.call).map((m) => m.call?.call.pbxCallId)).toEqual(['agent-1', 'agent-3']));
    watch.cancel();
  });
});
