import { STREAMS, SubjectNaming } from '@helpdesk/contracts';
import { connectNats, ensureStreams } from '@helpdesk/messaging';
import { expectEventually } from '@helpdesk/testing';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, nkeyAuthenticator, type NatsConnection, type Status } from '@nats-io/transport-node';
import { createUser } from '@nats-io/nkeys';
import { SERVICES, SUBSCRIBER_USER } from '../src/platform';
import { startSecuredNats, type SecuredNats } from './support/secured-nats';

/**
 * Starts the real nats-server with deploy/nats/accounts.conf and connects as the services do
 * (`connectNats` with `NATS_CREDS` pointing at an nkey seed file).
 */
describe('NATS accounts and subject permissions', () => {
  let nats: SecuredNats;
  const connections: NatsConnection[] = [];
  const naming = new SubjectNaming('');

  async function connectAs(user: string): Promise<NatsConnection> {
    const nc = await connectNats({ url: nats.url, name: user, credsFile: nats.creds(user) });
    connections.push(nc);
    return nc;
  }

  /** Permission errors arrive asynchronously as status events naming the subject. */
  function permissionErrors(nc: NatsConnection): string[] {
    const seen: string[] = [];
    void (async () => {
      for await (const status of nc.status() as AsyncIterable<Status>) {
        if (status.type === 'error') seen.push(String(status.error));
      }
    })();
    return seen;
  }

  beforeAll(async () => {
    nats = await startSecuredNats();
    // The ticket service creates every stream at start, exactly as in production.
    const ticket = await connectAs('ticket');
    await ensureStreams(await jetstreamManager(ticket), naming, { maxAgeMs: 3_600_000, duplicateWindowMs: 60_000 });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(connections.map((nc) => nc.close()));
    await nats?.stop();
  });

  it.each(SERVICES.map((s) => [s.name, s] as const))('%s publishes its own events and is refused everywhere else', async (_name, service) => {
    const nc = await connectAs(service.name);
    const errors = permissionErrors(nc);
    const js = jetstream(nc, { timeout: 5_000 });
    const own = service.publishes[0]!;
    const ack = await js.publish(`helpdesk.${own}.deploy-test.v1`, '{}', { msgID: `${service.name}-own` });
    expect(ack.stream).toBe(naming.streamName(STREAMS.find((s) => s.domains.includes(own))!));

    const foreign = SERVICES.find((s) => s.name !== service.name)!.publishes[0]!;
    await expect(js.publish(`helpdesk.${foreign}.forged.v1`, '{}', { msgID: `${service.name}-forged` })).rejects.toThrow();
    await expectEventually(() => expect(errors.join('\n')).toMatch(new RegExp(`Permissions Violation for Publish to "helpdesk\\.${foreign}\\.forged\\.v1"`)));

    const jsm = await jetstreamManager(nc);
    const forgedStream = naming.streamName(STREAMS.find((s) => s.domains.includes(foreign))!);
    const stored = await jsm.streams.getMessage(forgedStream, { last_by_subj: `helpdesk.${foreign}.forged.v1` }).catch(() => null);
    expect(stored).toBeNull();
  });

  it('lets a service consume other domains through a durable pull consumer but not delete their streams', async () => {
    const ticket = await connectAs('ticket');
    await jetstream(ticket).publish('helpdesk.ticket.created.v1', '{"n":1}', { msgID: 'consume-1' });

    const sla = await connectAs('sla');
    const jsm = await jetstreamManager(sla);
    await jsm.consumers.add('HELPDESK_TICKET', { durable_name: 'sla-deploy-test', ack_policy: AckPolicy.Explicit, filter_subject: 'helpdesk.ticket.created.v1' });
    const consumer = await jetstream(sla).consumers.get('HELPDESK_TICKET', 'sla-deploy-test');
    const msg = await consumer.next({ expires: 5_000 });
    expect(msg?.subject).toBe('helpdesk.ticket.created.v1');
    await msg!.ackAck();

    await expect(jsm.streams.delete('HELPDESK_TICKET')).rejects.toThrow();
    await expect(jsm.streams.purge('HELPDESK_TICKET')).rejects.toThrow();
    expect((await jsm.streams.info('HELPDESK_TICKET')).state.messages).toBeGreaterThan(0);
  });

  it('shows every event to the read-only account, which may publish nothing', async () => {
    const subscriber = await connectAs(SUBSCRIBER_USER);
    const errors = permissionErrors(subscriber);
    const received: string[] = [];
    const sub = subscriber.subscribe('helpdesk.>', {
      callback: (_err, msg) => {
        received.push(msg.subject);
      },
    });
    await subscriber.flush();

    const ticket = await connectAs('ticket');
    const billing = await connectAs('billing');
    await jetstream(ticket).publish('helpdesk.ticket.resolved.v1', '{}', { msgID: 'seen-1' });
    await jetstream(billing).publish('helpdesk.billing.statement.issued.v1', '{}', { msgID: 'seen-2' });
    await expectEventually(() => expect(received).toEqual(['helpdesk.ticket.resolved.v1', 'helpdesk.billing.statement.issued.v1']));
    sub.unsubscribe();

    subscriber.publish('helpdesk.ticket.created.v1', '{}');
    await subscriber.flush();
    await expect(jetstream(subscriber, { timeout: 3_000 }).publish('helpdesk.ticket.created.v1', '{}')).rejects.toThrow();
    await expectEventually(() => expect(errors.join('\n')).toMatch(/Permissions Violation for Publish to "helpdesk\.ticket\.created\.v1"/));
    const jsm = await jetstreamManager(ticket);
    const last = await jsm.streams.getMessage('HELPDESK_TICKET', { last_by_subj: 'helpdesk.ticket.created.v1' });
    expect(last?.header?.get('Nats-Msg-Id')).toBe('consume-1');
  });

  it('lets the telephony gateway follow directory and ticket events live (its caller index), but no service follow a domain it does not list', async () => {
    const gateway = await connectAs('telephony-gateway');
    const sla = await connectAs('sla');
    const gatewayErrors = permissionErrors(gateway);
    const slaErrors = permissionErrors(sla);
    const live: string[] = [];
    gateway.subscribe('helpdesk.directory.>', { callback: (_err, msg) => void live.push(msg.subject) });
    sla.subscribe('helpdesk.directory.>', { callback: () => undefined });
    await Promise.all([gateway.flush(), sla.flush()]);
    await jetstream(await connectAs('ticket')).publish('helpdesk.directory.agent.upserted.v1', '{}', { msgID: 'follow-1' });
    await expectEventually(() => expect(live).toEqual(['helpdesk.directory.agent.upserted.v1']));
    await expectEventually(() => expect(slaErrors.join('\n')).toMatch(/Permissions Violation for Subscription to "helpdesk\.directory\.>"/));
    expect(gatewayErrors).toEqual([]);
  });

  it('refuses a connection with a key the server does not know', async () => {
    const stranger = createUser();
    await expect(
      connect({ servers: nats.url, authenticator: nkeyAuthenticator(stranger.getSeed()), maxReconnectAttempts: 0 }),
    ).rejects.toThrow(/Authorization Violation/i);
  });
});
