import { createHash } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { ticketMessageAddedV1 } from '@helpdesk/contracts';
import { readEvents } from '@helpdesk/testing';
import { startTicketApp, type TicketApp } from './support/ticket-app';

const CUSTOMER = '01890f0e-8c5a-7cc1-9a3e-00000000c101';
const OTHER_CUSTOMER = '01890f0e-8c5a-7cc1-9a3e-00000000c102';
const CONTACT = '01890f0e-8c5a-7cc1-9a3e-00000000d101';
// Above grpc-js's default request limit (4 MiB), so the cases below also show the raised one.
const MAX_BYTES = 5 * 1024 * 1024;

interface AttachmentRefMessage {
  fileName: string;
  sizeBytes: string;
  sha256: string;
}
interface MessageMessage {
  id: string;
  audience: string;
  medium: string;
  direction: string;
  author: { kind: string; id: string };
  text: string;
  html: string;
  attachments: AttachmentRefMessage[];
  inReplyToMessageId: string;
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const upload = (fileName: string, content: Buffer) => ({ fileName, contentType: 'text/plain', content });

describe('communication log over gRPC and NATS', () => {
  let app: TicketApp;
  let customer: string;
  beforeAll(async () => {
    app = await startTicketApp('messages-e2e', { TICKET_ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
    customer = await app.customerToken(CUSTOMER, CONTACT);
  });
  afterAll(() => app.stop());

  const newTicket = async (customerId = CUSTOMER) =>
    (await app.tickets.call<{ ticket: { id: string } }>('CreateTicket', { summary: 'Printer offline', channel: 'TICKET_CHANNEL_EMAIL', customerId }, app.tokens.agent)).ticket.id;
  const add = async (token: string, request: object) => (await app.tickets.call<{ message: MessageMessage }>('AddMessage', request, token)).message;
  const list = async (token: string, ticketId: string) => (await app.tickets.call<{ messages: MessageMessage[] }>('ListMessages', { ticketId }, token)).messages;
  const reply = (ticketId: string, extra: object = {}) => ({
    ticketId,
    audience: 'MESSAGE_AUDIENCE_CUSTOMER',
    medium: 'MESSAGE_MEDIUM_EMAIL',
    direction: 'MESSAGE_DIRECTION_OUTBOUND',
    to: ['anna@customer.example'],
    subject: 'Your printer',
    ...extra,
  });
  const note = (ticketId: string, extra: object = {}) => ({
    ticketId,
    audience: 'MESSAGE_AUDIENCE_INTERNAL',
    medium: 'MESSAGE_MEDIUM_NOTE',
    direction: 'MESSAGE_DIRECTION_OUTBOUND',
    ...extra,
  });

  it('adds an outbound customer email with a file, publishes ticket.message.added.v1 and serves the file', async () => {
    const ticketId = await newTicket();
    const content = Buffer.from('driver log\n');
    const message = await add(app.tokens.agent, reply(ticketId, { html: '<p>Please install the <b>new</b> driver.</p><img src=x onerror=alert(1)>', attachments: [upload('log.txt', content)] }));
    expect(message).toMatchObject({
      audience: 'MESSAGE_AUDIENCE_CUSTOMER',
      medium: 'MESSAGE_MEDIUM_EMAIL',
      direction: 'MESSAGE_DIRECTION_OUTBOUND',
      author: { kind: 'ACTOR_KIND_AGENT' },
      text: 'Please install the new driver.',
      html: '<p>Please install the <b>new</b> driver.</p><img />',
      attachments: [{ fileName: 'log.txt', sizeBytes: String(content.length), sha256: sha256(content) }],
    });

    const [event] = await readEvents(app.nats.nc, {
      stream: app.nats.naming.streamName('HELPDESK_TICKET'),
      subject: app.nats.naming.subject(ticketMessageAddedV1.type),
      count: 1,
    });
    const data = ticketMessageAddedV1.schema.parse(event?.event.data);
    expect(data).toMatchObject({ ticket: { ticketId, version: 2 }, message: { messageId: message.id, to: ['anna@customer.example'], purpose: 'reply' } });

    const fetched = await app.tickets.call<{ attachment: AttachmentRefMessage; content: Buffer }>('GetAttachment', { ticketId, sha256: sha256(content) }, app.tokens.agent);
    expect(fetched.attachment.fileName).toBe('log.txt');
    expect(Buffer.compare(fetched.content, content)).toBe(0);
  });

  it('refuses an over-size attachment with INVALID_ARGUMENT naming it', async () => {
    const ticketId = await newTicket();
    const files = [upload('ok.txt', Buffer.from('ok')), upload('big.bin', Buffer.alloc(MAX_BYTES + 1))];
    await expect(add(app.tokens.agent, reply(ticketId, { text: 'Two files', attachments: files }))).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: `attachments[1]: ${MAX_BYTES + 1} bytes exceeds the limit of ${MAX_BYTES}`,
    });
    expect(await list(app.tokens.agent, ticketId)).toEqual([]);
  });

  it('accepts a file above grpc-js\'s default 4 MiB request limit and stores it by its SHA-256', async () => {
    const ticketId = await newTicket();
    const content = Buffer.alloc(MAX_BYTES, 7);
    const message = await add(app.tokens.agent, note(ticketId, { text: 'Full memory dump', attachments: [upload('dump.bin', content)] }));
    expect(message.attachments).toEqual([expect.objectContaining({ sizeBytes: String(MAX_BYTES), sha256: sha256(content) })]);
  });

  it('names the field of an incomplete request', async () => {
    const ticketId = await newTicket();
    await expect(add(app.tokens.agent, { ticketId, text: 'no audience' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: 'audience: must be set' });
    await expect(add(app.tokens.agent, reply(ticketId, { to: [], text: 'to nobody' }))).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: 'to: an outbound customer email needs at least one recipient',
    });
    await expect(add(app.tokens.agent, reply(ticketId, { text: '', html: '' }))).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: 'text: must not be empty unless html is given',
    });
  });

  it('lets a customer write portal messages on its own tickets and see only customer-audience messages and files', async () => {
    const ticketId = await newTicket();
    const secret = Buffer.from('internal analysis');
    const visible = await add(app.tokens.agent, reply(ticketId, { text: 'Does it work now?' }));
    await add(app.tokens.agent, note(ticketId, { text: 'Customer broke it himself', attachments: [upload('analysis.txt', secret)] }));

    const answer = await add(customer, note(ticketId, { text: 'Yes, thanks!', inReplyToMessageId: visible.id }));
    expect(answer).toMatchObject({
      audience: 'MESSAGE_AUDIENCE_CUSTOMER',
      medium: 'MESSAGE_MEDIUM_PORTAL',
      direction: 'MESSAGE_DIRECTION_INBOUND',
      author: { kind: 'ACTOR_KIND_CONTACT', id: CONTACT },
    });
    expect((await list(customer, ticketId)).map((m) => m.id)).toEqual([visible.id, answer.id]);
    expect(await list(app.tokens.agent, ticketId)).toHaveLength(3);
    await expect(app.tickets.call('GetAttachment', { ticketId, sha256: sha256(secret) }, customer)).rejects.toMatchObject({ code: status.NOT_FOUND });

    const foreign = await newTicket(OTHER_CUSTOMER);
    await expect(list(customer, foreign)).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(add(customer, { ticketId: foreign, text: 'hello?' })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });
});
