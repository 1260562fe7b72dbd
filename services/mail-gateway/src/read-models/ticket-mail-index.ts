import type { TicketMessageAddedV1, TicketSnapshot } from '@helpdesk/contracts';
import { combineStatements, type SqlStatement } from '@helpdesk/persistence';
import type { EntityManager } from 'typeorm';
import { ThreadIndexRepository } from './thread-index.repository';

/**
 * Keeps what threading needs from ticket events: the ticket's number and contact (apply if
 * newer), the mailbox and Message-ID of the mail that opened it, and the addresses on its mails.
 * Each event is one statement: the consumer runs one per mail and message, so round trips count.
 */
export class TicketMailIndex {
  /** A ticket was created, maybe from a mail: that mail's Message-ID and addresses now belong to it. */
  async ticketCreated(manager: EntityManager, ticket: TicketSnapshot, mailId: string | null): Promise<void> {
    await run(manager, [mailId ? ThreadIndexRepository.ticketMailStatement(ticket, mailId, null, true) : ThreadIndexRepository.upsertTicketStatement(ticket, { mailboxId: null, mailId: null })]);
  }

  /** A message joined a ticket: an inbound mail's Message-ID maps to it; a mail's addresses take part. */
  async messageAdded(manager: EntityManager, event: TicketMessageAddedV1): Promise<void> {
    const { ticket, message } = event;
    if (message.medium === 'email' && message.direction === 'inbound' && message.mailId) {
      await run(manager, [ThreadIndexRepository.ticketMailStatement(ticket, message.mailId, message.messageId, false)]);
      return;
    }
    const statements = [ThreadIndexRepository.upsertTicketStatement(ticket, { mailboxId: null, mailId: null })];
    // Outbound: whoever the service desk writes to takes part (the Message-ID is recorded when it is queued).
    const participants = message.medium === 'email' && message.audience !== 'internal' ? ThreadIndexRepository.addParticipantsStatement(ticket.ticketId, [...message.to, ...message.cc]) : null;
    if (participants) statements.push(participants);
    await run(manager, statements);
  }
}

async function run(manager: EntityManager, statements: readonly SqlStatement[]): Promise<void> {
  const { text, values } = statements.length === 1 && statements[0] ? statements[0] : combineStatements(statements);
  await manager.query(text, [...values]);
}
