import { agentUpsertedV1, callEndedV1, contactUpsertedV1, type CallEndedV1 } from '@helpdesk/contracts';
import { expectEventually } from '@helpdesk/testing';
import { coreShowChannel, ScriptedAmiPeer } from './support/ami-peer';
import { startGatewayApp, type GatewayApp } from './support/gateway-app';

const ANNA = '0195f3a0-0000-7000-8000-00000000a001';
const JONAS = '0195f3a0-0000-7000-8000-00000000a002';
const CONTACT = '01936a00-2222-7aaa-8bbb-0000000000a1';

describe('calls from Asterisk over AMI', () => {
  let app: GatewayApp;
  let peer: ScriptedAmiPeer;
  beforeAll(async () => {
    peer = await ScriptedAmiPeer.start();
    app = await startGatewayApp('tel-ami', { TELEPHONY_AMI_RECONNECT_MS: '50' });
    await app.publish(contactUpsertedV1.type, CONTACT, { ...contactUpsertedV1.example, contactId: CONTACT, phones: [{ number: '+4930123456', kind: 'landline', primary: true }] });
    for (const [agentId, extension] of [[ANNA, '214'], [JONAS, '215']] as const) {
      await app.publish(agentUpsertedV1.type, agentId, { ...agentUpsertedV1.example, agentId, extension });
    }
    await expectEventually(async () => {
      expect(await app.sql('SELECT 1 FROM directory_agents')).toHaveLength(2);
      expect(await app.sql('SELECT 1 FROM directory_contacts')).toHaveLength(1);
    }, { timeoutMs: 20_000 });
    await app.grpc.call(
      'CreatePbxConnection',
      { name: 'freepbx', kind: 'PBX_CONNECTION_KIND_AMI', ami: { host: '127.0.0.1', port: peer.port, username: 'helpdesk', secret: 'amp111', inboundContexts: [] } },
      app.tokens.admin,
    );
    await expectEventually(() => expect(peer.logins).toBe(1));
  });
  afterAll(async () => {
    await app.stop();
    await peer.close();
  });

  const endedEvents = async (pbxCallId: string) =>
    (await app.sql<{ data: CallEndedV1 }>(`SELECT envelope->'data' AS data FROM outbox WHERE type = $1 AND envelope->'data'->>'pbxCallId' = $2`, [callEndedV1.type, pbxCallId])).map((row) => row.data);
  const ended = async (pbxCallId: string): Promise<CallEndedV1> => {
    const events = await expectEventually(async () => {
      const found = await endedEvents(pbxCallId);
      expect(found).toHaveLength(1);
      return found;
    });
    return events[0] as CallEndedV1;
  };
  const stateOf = async (pbxCallId: string) => (await app.sql<{ state: string }>('SELECT state FROM calls WHERE pbx_call_id = $1', [pbxCallId]))[0]?.state;

  it('records an answered call with the talk time from the event timestamps and the agent from the extension', async () => {
    peer.play('answered.ami');
    peer.play('answered-hangup.ami');
    expect(await ended('1795430000.101')).toMatchObject({
      direction: 'inbound',
      from: '+4930123456',
      fromRaw: '030123456',
      toRaw: '49401234000',
      extension: '214',
      agentId: ANNA,
      contactId: CONTACT,
      outcome: 'answered',
      startedAt: '2026-11-23T10:33:20.104Z',
      answeredAt: '2026-11-23T10:33:32.512Z',
      endedAt: '2026-11-23T10:42:07.906Z',
      ringSeconds: 12,
      talkSeconds: 515,
      pbxCause: '16 Normal Clearing',
      complete: true,
    });
  });

  it('records a call the caller gave up on while it rang as missed', async () => {
    peer.play('missed.ami');
    expect(await ended('1795431000.201')).toMatchObject({ outcome: 'missed', from: '+4930123456', contactId: CONTACT, extension: null, ringSeconds: 20, talkSeconds: 0 });
  });

  it('records a call to a busy extension as busy', async () => {
    peer.play('busy.ami');
    expect(await ended('1795432000.301')).toMatchObject({ outcome: 'busy', from: '+49301234567', pbxCause: '17 User busy', talkSeconds: 0 });
  });

  it('follows a blind transfer to the agent who took the call over', async () => {
    peer.play('transferred.ami');
    expect(await ended('1795433000.401')).toMatchObject({ outcome: 'answered', extension: '215', agentId: JONAS, talkSeconds: 388, complete: true });
  });

  it('records the queue a call waited in (app_queue events), answered by a queue member or abandoned', async () => {
    peer.play('queued.ami');
    expect(await ended('1795437000.801')).toMatchObject({ outcome: 'answered', pbxQueue: 'support', extension: '214', agentId: ANNA, contactId: CONTACT, ringSeconds: 9, talkSeconds: 242 });
    expect(await app.sql('SELECT pbx_queue FROM calls WHERE pbx_call_id = $1', ['1795437000.801'])).toEqual([{ pbx_queue: 'support' }]);
    peer.play('queue-abandoned.ami');
    expect(await ended('1795438000.901')).toMatchObject({ outcome: 'missed', pbxQueue: 'billing', extension: null, ringSeconds: 31, talkSeconds: 0 });
  });

  it('completes a call from the events after a reconnect when it was still up, without a second record', async () => {
    // Ids only ("…id: "), so the recorded timestamps stay as they were.
    const ids = [['id: 1795430000.1', 'id: 1795434000.5']] as const;
    peer.play('answered.ami', ids);
    await expectEventually(async () => expect(await stateOf('1795434000.501')).toBe('talking'));
    peer.channels = [
      coreShowChannel({ channel: 'PJSIP/trunk-sipgate-00000011', uniqueid: '1795434000.501', linkedid: '1795434000.501', callerIdNum: '030123456', connectedLineNum: '214', context: 'from-trunk', exten: '49401234000', up: true, bridgeId: 'b1', duration: '00:01:10' }),
      coreShowChannel({ channel: 'PJSIP/214-00000012', uniqueid: '1795434000.502', linkedid: '1795434000.501', callerIdNum: '214', connectedLineNum: '030123456', context: 'from-internal', exten: '49401234000', up: true, bridgeId: 'b1', duration: '00:00:58' }),
    ];
    peer.drop();
    await expectEventually(() => expect(peer.logins).toBe(2));
    peer.play('answered-hangup.ami', ids);
    expect(await ended('1795434000.501')).toMatchObject({ outcome: 'answered', extension: '214', talkSeconds: 515, complete: true });
    expect(await app.sql('SELECT id FROM calls WHERE pbx_call_id = $1', ['1795434000.501'])).toHaveLength(1);
  });

  it('marks a call that ended while the connection was down as incomplete, once', async () => {
    const ids = [['id: 1795430000.1', 'id: 1795435000.6']] as const;
    peer.play('answered.ami', ids);
    await expectEventually(async () => expect(await stateOf('1795435000.601')).toBe('talking'));
    peer.channels = [];
    peer.drop();
    await expectEventually(() => expect(peer.logins).toBe(3));
    expect(await ended('1795435000.601')).toMatchObject({ outcome: 'answered', extension: '214', complete: false });
    // A late copy of the hangup changes nothing: the call is no longer followed.
    peer.play('answered-hangup.ami', ids);
    peer.play('busy.ami', [['id: 1795432000.3', 'id: 1795436000.7']]);
    await ended('1795436000.701');
    expect(await endedEvents('1795435000.601')).toHaveLength(1);
  });
});
