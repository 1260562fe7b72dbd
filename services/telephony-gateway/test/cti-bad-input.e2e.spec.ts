import { expectEventually } from '@helpdesk/testing';
import { createCtiConnection, postCti, startGatewayApp, type GatewayApp } from './support/gateway-app';

describe('the CTI webhook refusing bad input', () => {
  let app: GatewayApp;
  let cti: { id: string; token: string };
  beforeAll(async () => {
    app = await startGatewayApp('tel-cti-bad');
    cti = await createCtiConnection(app, 'placetel');
  });
  afterAll(() => app.stop());

  const callCount = async () => (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM calls'))[0]?.n;
  const outboxCount = async () => (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM outbox'))[0]?.n;

  it('answers a hangup for an unknown callId with 404 and records nothing', async () => {
    expect(await postCti(app, cti.id, cti.token, { event: 'hangup', callId: 'never-started', cause: 'normalClearing' })).toEqual({
      status: 404,
      body: { error: 'no call with callId never-started was started on this connection' },
    });
    expect(await callCount()).toBe(0);
  });

  it('refuses a malformed number with 400 naming the field', async () => {
    const response = await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'x-1', direction: 'in', from: "'; DROP TABLE calls; --", to: '+49401234000' });
    expect(response.status).toBe(400);
    expect(response.body['error']).toMatch(/^from: .* is not a phone number$/);
    expect(await callCount()).toBe(0);
  });

  it.each([
    [{ callId: 'x-2' }, 'event: is required (newCall, answer or hangup)'],
    [{ event: 'ring', callId: 'x-2' }, 'event: "ring" is not one of newCall, answer, hangup'],
    [{ event: 'newCall', callId: 'x-2', direction: 'sideways', to: '1' }, 'direction: "sideways" is not "in" or "out"'],
    [{ event: 'hangup', callId: 'x-2', cause: 'meteorite' }, expect.stringMatching(/^cause: "meteorite" is not one of normalClearing/)],
  ])('refuses %j with 400', async (fields, error) => {
    expect(await postCti(app, cti.id, cti.token, fields as Record<string, string>)).toEqual({ status: 400, body: { error } });
  });

  it('refuses a missing or wrong token with 401, and an unknown connection with 404', async () => {
    const fields = { event: 'newCall', callId: 'x-3', direction: 'in', from: '030123456', to: '+49401234000' };
    expect(await postCti(app, cti.id, null, fields)).toMatchObject({ status: 401, body: { error: expect.stringContaining('missing token') } });
    expect(await postCti(app, cti.id, 'guessed', fields)).toEqual({ status: 401, body: { error: 'invalid token' } });
    expect(await postCti(app, '01936a00-0000-7000-8000-000000000000', cti.token, fields)).toMatchObject({ status: 404 });
    expect(await callCount()).toBe(0);
  });

  it('refuses a 1 MB body with 413 without reading it', async () => {
    const response = await fetch(`${app.httpBase}/cti/${cti.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${cti.token}` },
      body: `event=newCall&callId=big&direction=in&to=1&from=${'1'.repeat(1024 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'body is larger than 65536 bytes' });
    expect(await callCount()).toBe(0);
  });

  it('refuses an answer after the hangup with 409 and leaves the ended call alone', async () => {
    await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'x-4', direction: 'in', from: '030123456', to: '+49401234000' });
    await postCti(app, cti.id, cti.token, { event: 'hangup', callId: 'x-4', cause: 'noAnswer' });
    const before = await outboxCount();
    expect(await postCti(app, cti.id, cti.token, { event: 'answer', callId: 'x-4', user: '214' })).toEqual({ status: 409, body: { error: 'call x-4 already ended; it cannot be answered' } });
    expect(await outboxCount()).toBe(before);
    expect(await app.sql('SELECT state, outcome, extension FROM calls WHERE pbx_call_id = $1', ['x-4'])).toEqual([{ state: 'ended', outcome: 'missed', extension: null }]);
  });

  it('refuses webhooks on a disabled connection with 403', async () => {
    await app.grpc.call('SetPbxConnectionEnabled', { id: cti.id, enabled: false }, app.tokens.admin);
    expect(await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'x-5', direction: 'in', from: '030123456', to: '1' })).toMatchObject({ status: 403 });
    await app.grpc.call('SetPbxConnectionEnabled', { id: cti.id, enabled: true }, app.tokens.admin);
    await expectEventually(async () => expect((await postCti(app, cti.id, cti.token, { event: 'newCall', callId: 'x-5', direction: 'in', from: '030123456', to: '1' })).status).toBe(200));
  });
});
