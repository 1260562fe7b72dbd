import { randomUUID } from 'node:crypto';
import { slaClockUpdatedV1, type CloudEvent, type SlaClockUpdatedV1 } from '@helpdesk/contracts';
import { expectEventually } from '@helpdesk/testing';
import { jetstream } from '@nats-io/jetstream';
import { startTicketApp, type TicketApp } from './support/ticket-app';

interface TicketMessage {
  id: string;
  number: string;
  slaTrafficLight: string;
  slaOverdue: boolean;
  dueTime?: { seconds: string };
  audit: { version: number };
}

describe('SLA reports arriving over NATS', () => {
  let app: TicketApp;
  beforeAll(async () => {
    app = await startTicketApp('ticket-sla-inbound');
  });
  afterAll(() => app.stop());

  const publish = async (ticket: TicketMessage, version: number, trafficLight: 'green' | 'yellow' | 'red', overdue: boolean, reason: SlaClockUpdatedV1['reason']) => {
    const example = slaClockUpdatedV1.example;
    const data: SlaClockUpdatedV1 = {
      ...example,
      ticket: { ...example.ticket, ticketId: ticket.id, number: ticket.number },
      version,
      reason,
      trafficLight,
      overdue,
      nextDueAt: '2026-11-25T12:00:00.000Z',
      clocks: [],
    };
    const event: CloudEvent<SlaClockUpdatedV1> = {
      specversion: '1.0',
      id: randomUUID(),
      source: 'helpdesk/sla',
      type: slaClockUpdatedV1.type,
      subject: ticket.id,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data,
    };
    await jetstream(app.nats.nc).publish(app.nats.naming.subject(slaClockUpdatedV1.type), JSON.stringify(event), { msgID: event.id });
  };
  const get = async (id: string) => (await app.tickets.call<{ ticket: TicketMessage }>('GetTicket', { id }, app.tokens.agent)).ticket;

  it('sets the traffic light, overdue flag and due time, records the phase, and ignores an older report', async () => {
    const { ticket } = await app.tickets.call<{ ticket: TicketMessage }>(
      'CreateTicket',
      { summary: 'SLA watched', channel: 'TICKET_CHANNEL_EMAIL', category: 'technical' },
      app.tokens.agent,
    );
    await publish(ticket, 2, 'red', true, 'breached');
    await expectEventually(async () => expect(await get(ticket.id)).toMatchObject({ slaTrafficLight: 'SLA_TRAFFIC_LIGHT_RED', slaOverdue: true }));
    const breached = await get(ticket.id);
    expect(new Date(Number(breached.dueTime?.seconds) * 1000).toISOString()).toBe('2026-11-25T12:00:00.000Z');

    await publish(ticket, 1, 'yellow', false, 'warning');
    await publish(ticket, 3, 'green', false, 'met');
    await expectEventually(async () => expect(await get(ticket.id)).toMatchObject({ slaTrafficLight: 'SLA_TRAFFIC_LIGHT_GREEN', slaOverdue: false }));

    const versionAfterMet = (await get(ticket.id)).audit.version;

    // A phase that moves no field (the clock paused) is documented without a new ticket version.
    await publish(ticket, 4, 'green', false, 'paused');
    const phases = async () => {
      const history = await app.tickets.call<{ entries: { kind: string; afterJson: string }[] }>('GetHistory', { id: ticket.id }, app.tokens.agent);
      return history.entries.filter((e) => e.kind === 'sla_phase').map((e) => (JSON.parse(e.afterJson) as { slaReason: string }).slaReason);
    };
    await expectEventually(async () => expect(await phases()).toEqual(['breached', 'met', 'paused']));
    expect((await get(ticket.id)).audit.version).toBe(versionAfterMet);
    await expect(app.tickets.call('VerifyHistory', { id: ticket.id }, app.tokens.agent)).resolves.toMatchObject({ intact: true });
  });
});
