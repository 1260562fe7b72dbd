import type { TicketMessageAddedV1, TicketSnapshot } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import { ThreadIndexRepository } from './thread-index.repository';

/**
 * Keeps what threading needs from ticket events: the ticket's number and contact (apply if
 * newer), the mailbox and Message-ID of the mail that opened it, and the addresses on its mails.
 */
export class TicketMailIndex {
  /** A ticket was created, maybe from a mail: that mail's Message-ID and addresses now belong to it. */
  async ticketCreated(manager: EntityManager, ticket: TicketSnapshot, mailId: string | null): Promise<void> {
    const index = new ThreadIndexRepository(manager);
    const mail = mailId ? await index.inboundMail(mailId) : null;
    await index.upsertTicket(ticket, { mailboxId: mail?.mailboxId ?? null, mailId: mail ? mailId : null });
    if (mail && mailId) await this.attachMail(index, ticket.ticketId, mailId, null, mail);
  }

  /** A message joined a ticket: an inbound mail's Message-ID maps to it; a mail's addresses take part. */
  async messageAdded(manager: EntityManager, event: TicketMessageAddedV1): Promise<void> {
    const { ticket, message } = event;
    const index = new ThreadIndexRepository(manager);
    await index.upsertTicket(ticket, { mailboxId: null, mailId: null });
    if (message.medium !== 'email') return;
    if (message.direction === 'inbound' && message.mailId) {
      const mail = await index.inboundMail(message.mailId);
      if (mail) await this.attachMail(index, ticket.ticketId, message.mailId, message.messageId, mail);
      return;
    }
    // Outbound: whoever the service desk writes to takes part (the Message-ID is recorded when it is queued).
    if (message.audience !== 'internal') await index.addParticipants(ticket.ticketId, [...message.to, ...message.cc]);
  }

  private async attachMail(index: ThreadIndexRepository, ticketId: string, mailId: string, ticketMessageId: string | null, mail: { messageIdHeader: string; addresses: string[] }): Promise<void> {
    if (mail.messageIdHeader !== '') await index.recordThread({ messageIdHeader: mail.messageIdHeader, ticketId, ticketMessageId, mailId, outboundId: null });
    await index.addParticipants(ticketId, mail.addresses);
  }
}
