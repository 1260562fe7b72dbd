import { STREAMS, SubjectNaming } from '@helpdesk/contracts';
import { createTestNats, type TestNats } from '@helpdesk/testing';
import { AckPolicy, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { ensureConsumer } from '../src/streams/ensure-consumer';
import { ensureStreams } from '../src/streams/ensure-streams';

describe('stream and consumer set-up', () => {
  let nats: TestNats;
  let jsm: JetStreamManager;
  let naming: SubjectNaming;

  beforeAll(async () => {
    nats = await createTestNats('streams');
    jsm = await jetstreamManager(nats.nc);
    naming = nats.naming;
  });

  afterAll(() => nats.cleanup());

  it('creates every stream under the prefix and converges on changed limits', async () => {
    const first = await ensureStreams(jsm, naming, { maxAgeMs: 3_600_000, duplicateWindowMs: 60_000 });
    expect(first.map((s) => s.config.name)).toEqual(STREAMS.map((s) => naming.streamName(s)));
    const ticket = first[0]!.config;
    expect(ticket.subjects).toEqual([naming.subject('helpdesk.ticket.>'), naming.subject('helpdesk.directory.>')]);
    expect(ticket.storage).toBe('file');
    expect(ticket.retention).toBe('limits');

    await ensureStreams(jsm, naming, { maxAgeMs: 3_600_000, duplicateWindowMs: 60_000 });
    const again = await ensureStreams(jsm, naming, { maxAgeMs: 7_200_000, duplicateWindowMs: 120_000 });
    expect(again.every((s) => s.config.max_age === nanos(7_200_000) && s.config.duplicate_window === nanos(120_000))).toBe(true);
  });

  it('creates a durable pull consumer with explicit ack and updates what may change', async () => {
    const options = { stream: 'HELPDESK_SLA', durable: 'sla-ticket-status', filterSubjects: ['helpdesk.sla.clock.updated.v1'], ackWaitMs: 30_000 };
    const created = await ensureConsumer(jsm, naming, options);
    expect(created.config).toMatchObject({
      durable_name: 'sla-ticket-status',
      ack_policy: AckPolicy.Explicit,
      filter_subject: naming.subject('helpdesk.sla.clock.updated.v1'),
      ack_wait: nanos(30_000),
    });
    expect(created.config.deliver_subject).toBeUndefined();

    const same = await ensureConsumer(jsm, naming, options);
    expect(same.created).toEqual(created.created);
    const updated = await ensureConsumer(jsm, naming, { ...options, ackWaitMs: 10_000, maxAckPending: 50 });
    expect(updated.config.ack_wait).toBe(nanos(10_000));
    expect(updated.config.max_ack_pending).toBe(50);
  });

  it('refuses several filter subjects on a server older than 2.10', async () => {
    const info = nats.nc.info;
    const [major = 0, minor = 0] = (info?.version ?? '0.0').split('.').map(Number);
    const twoFilters = ensureConsumer(jsm, naming, {
      stream: 'HELPDESK_SLA',
      durable: 'sla-two-filters',
      filterSubjects: ['helpdesk.sla.warning.v1', 'helpdesk.sla.breached.v1'],
      ackWaitMs: 30_000,
    });
    if (major > 2 || (major === 2 && minor >= 10)) await expect(twoFilters).resolves.toBeDefined();
    else await expect(twoFilters).rejects.toThrow(/filter_subjects.*requires server 2\.10/);
  });
});
