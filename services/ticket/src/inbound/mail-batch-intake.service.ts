import type { MailReceivedV1 } from '@helpdesk/contracts';
import { uuidv7 } from '@helpdesk/messaging';
import { todayIn } from '../directory/calendar-date';
import type { HistoryEntry } from '../history/history-chain';
import type { TicketEvent } from '../tickets/ticket-events';
import { TicketsRepository } from '../tickets/tickets.repository';
import type { InboundTransaction } from './inbound-tickets.service';
import type { InboundSettings } from './inbound-settings';
import { decideMailAppend, type HeldTicket } from './mail-append';
import { bodyLimitedParts, freshMails, mailBatchStep, pointedTicketIds } from './mail-batch';
import { MailBatchRepository } from './mail-batch.repository';
import { MAIL_HANDLER_ACTOR, threadTicketId, type SenderContact } from './mail-intake';
import type { MailIntakeService } from './mail-intake.service';
import { decideMailOpening, type MailOpening, type OpeningMessage } from './mail-opening';

/**
 * Turns a batch of `helpdesk.mail.received.v1` into ticket changes in the consumer's one
 * transaction, with the effect of {@link MailIntakeService.receive} for each mail in stream order,
 * in a fixed number of statements: one read per question for the whole batch (recorded mails;
 * the tickets the mails thread to, locked, with their history's newest entries; senders;
 * contracts of the day; ticket numbers), every decision in memory — a reply changes the ticket as
 * the batch holds it, so the next mail on that ticket sees the change and chains after it — then
 * one statement writing all tickets, messages, file references and history entries, and one for
 * the events. Only a mail opening a ticket linked to an old one (a reply to a cancelled ticket, an
 * unknown sender's tagged mail) takes the step-by-step path: what the batch decided so far is
 * written first and the tickets that mail touched are read again afterwards, so order holds.
 * Large mails are taken in parts of the batch (see `bodyLimitedParts`), each the same way.
 */
export class MailBatchIntake {
  private readonly repository = new MailBatchRepository();
  private readonly tickets = new TicketsRepository();

  constructor(
    private readonly settings: InboundSettings,
    private readonly oneByOne: MailIntakeService,
  ) {}

  async receive(tx: InboundTransaction, mails: readonly MailReceivedV1[], now: Date): Promise<void> {
    // Each part sees what the parts before it wrote (same transaction): the result is the same.
    for (const part of bodyLimitedParts(mails)) await this.receivePart(tx, part, now);
  }

  private async receivePart(tx: InboundTransaction, mails: readonly MailReceivedV1[], now: Date): Promise<void> {
    const fresh = freshMails(mails, await this.repository.recordedMails(tx.manager, mails.map((mail) => mail.mailId)));
    if (fresh.length === 0) return;
    const held = await this.repository.holdTickets(tx.manager, pointedTicketIds(fresh));
    const senders = await this.repository.senders(tx.manager, fresh.map((mail) => mail.from.address));
    const pending = new PendingChanges(held);
    const opens: { mail: MailReceivedV1; acknowledge: boolean }[] = [];
    const { policy, autoAcknowledge } = this.settings;
    const rules = { now, actor: MAIL_HANDLER_ACTOR, policy, newId: uuidv7 };

    for (const mail of fresh) {
      const step = mailBatchStep(mail, (id) => held.get(id)?.ticket ?? null, { now, policy, autoAcknowledge });
      const contact = senders.get(mail.from.address) ?? null;
      if (step.kind === 'open') opens.push({ mail, acknowledge: step.acknowledge });
      else if (step.kind === 'append') {
        const current = held.get(step.ticketId);
        if (!current) throw new Error(`mail batch: ticket ${step.ticketId} is not held`);
        pending.add(decideMailAppend(current, mail, step.plan, { ...rules, contact }));
      } else if (step.kind === 'one_by_one') {
        // Everything before it first (new tickets too, so numbers keep following stream order).
        await this.flush(tx, pending.take(), await this.openings(tx, opens.splice(0), senders, now));
        await this.oneByOne.receive(tx, mail, now);
        // It changed the ticket it links to (and maybe others the batch holds): hold them afresh.
        const touched = [threadTicketId(mail), mail.threading.relatedTicketId].filter((id): id is string => id !== null);
        for (const [id, ticket] of await this.repository.holdTickets(tx.manager, touched)) held.set(id, ticket);
        pending.restart(held);
      }
    }
    await this.flush(tx, pending.take(), await this.openings(tx, opens, senders, now));
  }

  /** Decides the new tickets: numbers drawn at once, handed out in stream order. */
  private async openings(tx: InboundTransaction, opens: readonly { mail: MailReceivedV1; acknowledge: boolean }[], senders: ReadonlyMap<string, SenderContact>, now: Date): Promise<MailOpening[]> {
    if (opens.length === 0) return [];
    const { policy, numberPrefix, directoryTimeZone } = this.settings;
    const customers = opens.flatMap(({ mail }) => senders.get(mail.from.address)?.customerId ?? []);
    const contracts = await this.repository.governingContracts(tx.manager, customers, todayIn(directoryTimeZone ?? 'Europe/Berlin', now));
    const numbers = await this.tickets.nextNumbers(tx.manager, numberPrefix, opens.length);
    return opens.map(({ mail, acknowledge }, i) => {
      const contact = senders.get(mail.from.address) ?? null;
      const number = numbers[i];
      if (number === undefined) throw new Error('mail batch: fewer ticket numbers than new tickets');
      return decideMailOpening(mail, {
        ticketId: uuidv7(),
        number,
        contact,
        contractId: contact?.customerId ? (contracts.get(contact.customerId) ?? null) : null,
        acknowledge,
        now,
        actor: MAIL_HANDLER_ACTOR,
        policy,
        newId: uuidv7,
      });
    });
  }

  private async flush(tx: InboundTransaction, changes: TakenChanges, openings: readonly MailOpening[]): Promise<void> {
    await this.repository.write(tx.manager, { openings, ...changes }, MAIL_HANDLER_ACTOR);
    const events = [...changes.events, ...openings.flatMap((opening) => opening.events)];
    if (events.length > 0) await tx.outbox.add(events);
  }
}

type TakenChanges = ReturnType<PendingChanges['take']>;

/** The changes of held tickets decided since the last write, in stream order. */
class PendingChanges {
  private readonly readVersions = new Map<string, number>();
  private readonly changed = new Map<string, HeldTicket>();
  private messages: OpeningMessage[] = [];
  private history: HistoryEntry[] = [];
  private events: TicketEvent[] = [];

  constructor(private held: Map<string, HeldTicket>) {
    this.restart(held);
  }

  /** Takes an append's decision: the ticket as the batch holds it moves on. */
  add(append: ReturnType<typeof decideMailAppend>): void {
    const { ticket } = append.held;
    this.held.set(ticket.id, append.held);
    this.changed.set(ticket.id, append.held);
    this.messages.push(...append.messages);
    this.history.push(...append.history);
    this.events.push(...append.events);
  }

  /** Everything decided so far, to write; starts over from the tickets' written state. */
  take() {
    const updates = [...this.changed.values()].map(({ ticket }) => ({ ticket, previousVersion: this.readVersions.get(ticket.id) ?? ticket.version }));
    const taken = { updates, messages: this.messages, history: this.history, events: this.events };
    for (const { ticket } of updates) this.readVersions.set(ticket.id, ticket.version);
    this.changed.clear();
    this.messages = [];
    this.history = [];
    this.events = [];
    return taken;
  }

  /** The held tickets were read again (after a step-by-step change): their versions are the written ones. */
  restart(held: Map<string, HeldTicket>): void {
    this.held = held;
    for (const [id, { ticket }] of held) this.readVersions.set(id, ticket.version);
  }
}
