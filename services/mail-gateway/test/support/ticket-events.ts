import { randomUUID } from 'node:crypto';
import { contactUpsertedV1, slaEscalatedV1, ticketCreatedV1, ticketMessageAddedV1, ticketUpdatedV1, type SlaEscalatedV1, type TicketMessageAddedV1 } from '@helpdesk/contracts';
import type { MailGatewayApp } from './mail-gateway-app';

/** What the ticket service publishes about one ticket, published by the test in its place (the events are the contract). */
export class FakeTicket {
  readonly ticketId = randomUUID();
  private version = 1;
  private contactId: string | null = null;

  constructor(
    private readonly app: MailGatewayApp,
    readonly number: string,
    private readonly summary = 'VPN fails',
  ) {}

  private snapshot() {
    return { ...ticketCreatedV1.example.ticket, ticketId: this.ticketId, number: this.number, version: this.version, summary: this.summary, contactId: this.contactId };
  }

  /** `ticket.created.v1` for a ticket opened from `mailId`. */
  async created(mailId: string | null): Promise<void> {
    await this.app.publish(ticketCreatedV1.type, this.ticketId, { ...ticketCreatedV1.example, ticket: this.snapshot(), mailId });
  }

  /** `ticket.message.added.v1`; returns the message id. */
  async message(message: Partial<TicketMessageAddedV1['message']>, language: string | null = null): Promise<string> {
    this.version += 1;
    const messageId = randomUUID();
    const data: TicketMessageAddedV1 = {
      ...ticketMessageAddedV1.example,
      ticket: this.snapshot(),
      message: { ...ticketMessageAddedV1.example.message, messageId, inReplyToMessageId: null, ...message },
      language,
    };
    await this.app.publish(ticketMessageAddedV1.type, this.ticketId, data);
    return messageId;
  }

  /** The inbound mail as the ticket service records it. */
  inboundMail(mailId: string, from: string): Promise<string> {
    return this.message({ direction: 'inbound', medium: 'email', audience: 'customer', purpose: 'reply', mailId, from, to: ['support@helpdesk.test'], subject: this.summary, text: 'x' });
  }

  /** An outbound mail to `to` (reply or auto-acknowledgement) answering `inReplyTo`. */
  outbound(to: string, inReplyTo: string | null, purpose: 'reply' | 'auto_acknowledgement' = 'reply', language: string | null = null, subject: string = this.summary): Promise<string> {
    return this.message({ direction: 'outbound', medium: 'email', audience: 'customer', purpose, to: [to], cc: [], subject, text: 'Please update the client.', inReplyToMessageId: inReplyTo }, language);
  }

  /** `directory.contact.upserted.v1` for a contact with `address`, then `ticket.updated.v1` making it the ticket's contact. */
  async contactChanged(address: string): Promise<void> {
    const contactId = randomUUID();
    await this.app.publish(contactUpsertedV1.type, contactId, { ...contactUpsertedV1.example, contactId, emails: [{ address, primary: true }], version: 1, active: true });
    const before = this.contactId;
    this.contactId = contactId;
    this.version += 1;
    await this.app.publish(ticketUpdatedV1.type, this.ticketId, { ...ticketUpdatedV1.example, ticket: this.snapshot(), changes: [{ field: 'contactId', before, after: contactId }], description: null });
  }

  /** `sla.escalated.v1` naming `recipients`. */
  async escalated(recipients: SlaEscalatedV1['recipients']): Promise<void> {
    const example = slaEscalatedV1.example;
    await this.app.publish(slaEscalatedV1.type, this.ticketId, { ...example, ticket: { ...example.ticket, ticketId: this.ticketId, number: this.number, summary: this.summary }, recipients });
  }
}
