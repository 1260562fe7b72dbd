import type { CustomerScope } from '@helpdesk/auth';
import type { Actor, MailReceivedV1 } from '@helpdesk/contracts';
import { ContactsRepository } from '../directory/contacts/contacts.repository';
import type { Message, MessageAudience } from '../messages/message';
import { InboundRepository } from './inbound.repository';
import type { InboundSettings } from './inbound-settings';
import { InboundTickets, type InboundTransaction } from './inbound-tickets.service';
import {
  MAIL_HANDLER_ACTOR,
  autoAcknowledgement,
  mailAuthor,
  mailMessageInput,
  mailTicketInput,
  parseProblemsNote,
  planMail,
  threadTicketId,
  type SenderContact,
} from './mail-intake';

const ALL: CustomerScope = { kind: 'all' };

/**
 * Turns `helpdesk.mail.received.v1` into ticket changes (see `planMail` for what happens to which
 * mail), all in the consumer's transaction. A mail already recorded — the same mail published
 * again under a new event id — changes nothing.
 */
export class MailIntakeService {
  private readonly inbound = new InboundRepository();
  private readonly contacts = new ContactsRepository();
  private readonly tickets: InboundTickets;

  constructor(private readonly settings: InboundSettings) {
    this.tickets = new InboundTickets(settings, MAIL_HANDLER_ACTOR);
  }

  async receive(tx: InboundTransaction, mail: MailReceivedV1, now: Date): Promise<void> {
    if (await this.inbound.mailRecorded(tx.manager, mail.mailId)) return;
    const thread = await this.tickets.find(tx, threadTicketId(mail));
    const related = await this.tickets.find(tx, mail.threading.relatedTicketId);
    const { policy, autoAcknowledge } = this.settings;
    const plan = planMail(mail, { thread, related }, { now, policy, autoAcknowledge });
    if (plan.kind === 'drop') return;
    const contact = await this.sender(tx, mail);
    const author = mailAuthor(mail, contact);
    if (plan.kind === 'append') {
      if (plan.statusTo) await this.tickets.changeStatus(tx, plan.ticketId, plan.statusTo, `the customer answered by mail`, now);
      await this.record(tx, plan.ticketId, mail, plan.audience, author, now);
      return;
    }
    const input = mailTicketInput(mail, contact, policy);
    const { acknowledge } = plan;
    if (plan.related) {
      // The link changes the new ticket and the old one (each locked): the step-by-step path.
      const ticket = await this.tickets.open(tx, input, now);
      await this.tickets.linkRelated(tx, ticket.id, plan.related, now);
      const message = await this.record(tx, ticket.id, mail, 'customer', author, now);
      if (acknowledge) await this.tickets.addMessage(tx, ticket.id, autoAcknowledgement(mail, ticket.number, message.id), now);
      return;
    }
    // The common case (a new request): the ticket with its messages in a few statements.
    await this.tickets.openWithMessages(tx, input, now, async (ticket, post) => {
      const message = await post(mailMessageInput(mail, 'customer'), author);
      const note = parseProblemsNote(mail);
      if (note) await post(note);
      if (acknowledge) await post(autoAcknowledgement(mail, ticket.number, message.id));
    });
  }

  /** The mail as a message, followed by a note of what could not be parsed. */
  private async record(tx: InboundTransaction, ticketId: string, mail: MailReceivedV1, audience: MessageAudience, author: Actor, now: Date): Promise<Message> {
    const message = await this.tickets.addMessage(tx, ticketId, mailMessageInput(mail, audience), now, author);
    const note = parseProblemsNote(mail);
    if (note) await this.tickets.addMessage(tx, ticketId, note, now);
    return message;
  }

  /** The active directory contact with the sender's address, if any. */
  private async sender(tx: InboundTransaction, mail: MailReceivedV1): Promise<SenderContact | null> {
    const match = await this.contacts.findByEmail(tx.manager, ALL, mail.from.address);
    if (!match?.contact.active) return null;
    const { id, data } = match.contact;
    return { id, customerId: data.customerId, displayName: data.displayName };
  }
}
