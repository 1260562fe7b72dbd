import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { callEndedV1, mailReceivedV1, ticketMessageAddedV1, type CallEndedV1, type CloudEvent, type MailReceivedV1 } from '@helpdesk/contracts';
import { expectEventually, readEvents } from '@helpdesk/testing';
import { jetstream } from '@nats-io/jetstream';
import { startTicketApp, type TicketApp } from './support/ticket-app';

interface TicketMessage {
  id: string;
  number: string;
  channel: string;
  status: string;
}
interface MessageMessage {
  id: string;
  audience: string;
  medium: string;
  direction: string;
  subject: string;
  text: string;
  attachments: { fileName: string; sha256: string; sizeBytes: string }[];
  inReplyToMessageId: string;
}
interface TaskMessage {
  kind: string;
  callbackNumber: string;
}

describe('mail and call events arriving over NATS', () => {
  let app: TicketApp;
  beforeAll(async () => {
    app = await startTicketApp('ticket-inbound');
  });
  afterAll(() => app.stop());

  const publish = async <T>(type: string, subject: string, data: T) => {
    const event: CloudEvent<T> = { specversion: '1.0', id: randomUUID(), source: 'helpdesk/gateway', type, subject, time: new Date().toISOString(), datacontenttype: 'application/json', data };
    await jetstream(app.nats.nc).publish(app.nats.naming.subject(type), JSON.stringify(event), { msgID: event.id });
  };
  const listMessages = async (ticketId: string) => (await app.tickets.call<{ messages: MessageMessage[] }>('ListMessages', { ticketId }, app.tokens.agent)).messages;
  const ticketsWhere = async (filter: object) => (await app.tickets.call<{ tickets: TicketMessage[] }>('ListTickets', filter, app.tokens.agent)).tickets;

  it('opens a ticket from a new mail, with the mail as its first message and an auto-acknowledgement for the mail gateway to send', async () => {
    const queueId = randomUUID();
    const mail: MailReceivedV1 = { ...mailReceivedV1.example, mailId: randomUUID(), defaultQueueId: queueId };
    await publish(mailReceivedV1.type, mail.mailId, mail);
    let ticket: TicketMessage | undefined;
    await expectEventually(async () => {
      [ticket] = await ticketsWhere({ queueId });
      expect(ticket).toMatchObject({ channel: 'TICKET_CHANNEL_EMAIL', status: 'TICKET_STATUS_NEW' });
    });
    const id = ticket?.id ?? '';
    const [inbound, ack] = await listMessages(id);
    const [part] = mail.attachments;
    expect(inbound).toMatchObject({ medium: 'MESSAGE_MEDIUM_EMAIL', direction: 'MESSAGE_DIRECTION_INBOUND', subject: mail.subject, attachments: [{ fileName: 'vpn-log.txt', sha256: part?.sha256, sizeBytes: '18234' }] });
    expect(ack).toMatchObject({ direction: 'MESSAGE_DIRECTION_OUTBOUND', subject: `[Ticket#${ticket?.number}] ${mail.subject}`, inReplyToMessageId: inbound?.id });
    await expect(app.tickets.call('GetAttachment', { ticketId: id, sha256: part?.sha256 }, app.tokens.agent)).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      details: expect.stringContaining(`mail ${mail.mailId}, part 2`),
    });

    const published = await readEvents(app.nats.nc, { stream: app.nats.naming.streamName('HELPDESK_TICKET'), subject: app.nats.naming.subject(ticketMessageAddedV1.type), count: 2 });
    const sent = published.map((e) => ticketMessageAddedV1.schema.parse(e.event.data)).find((data) => data.message.purpose === 'auto_acknowledgement');
    expect(sent).toMatchObject({ ticket: { ticketId: id }, message: { audience: 'customer', medium: 'email', direction: 'outbound', to: [mail.from.address], inReplyToMessageId: inbound?.id } });
  });

  it('records an answered call on the caller\'s open ticket and turns a missed call into a callback task', async () => {
    const contactId = randomUUID();
    const { ticket } = await app.tickets.call<{ ticket: TicketMessage }>('CreateTicket', { summary: 'Printer offline', channel: 'TICKET_CHANNEL_EMAIL', contactId }, app.tokens.agent);
    const answered: CallEndedV1 = { ...callEndedV1.example, callId: randomUUID(), contactId };
    const missed: CallEndedV1 = { ...answered, callId: randomUUID(), outcome: 'missed', answeredAt: null, talkSeconds: 0, agentId: null, extension: null };
    await publish(callEndedV1.type, answered.callId, answered);
    await publish(callEndedV1.type, missed.callId, missed);
    await expectEventually(async () => {
      const [call] = await listMessages(ticket.id);
      expect(call).toMatchObject({ audience: 'MESSAGE_AUDIENCE_CUSTOMER', medium: 'MESSAGE_MEDIUM_PHONE', direction: 'MESSAGE_DIRECTION_INBOUND' });
      expect(call?.text).toContain('talk time 8 min 35 s');
      const { tasks } = await app.tickets.call<{ tasks: TaskMessage[] }>('ListTasks', { ticketId: ticket.id }, app.tokens.agent);
      expect(tasks).toMatchObject([{ kind: 'TASK_KIND_CALLBACK', callbackNumber: '+4930123456' }]);
    });
    expect(await ticketsWhere({ contactId })).toHaveLength(1);
  });
});
