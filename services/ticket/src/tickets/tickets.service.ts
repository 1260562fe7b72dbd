import { scopeOf, type Caller } from '@helpdesk/auth';
import { uuidv7 } from '@helpdesk/messaging';
import { verifyChain, type ChainVerification, type HistoryEntry } from '../history/history-chain';
import { canReadHistoryEntry } from '../history/history-visibility';
import type { Ticket } from './ticket';
import { assignTicket, type AssignInput } from './ticket-assignment';
import { createTicket, type CreateTicketInput } from './ticket-creation';
import type { ChangeContext, TicketDecision } from './ticket-decisions';
import { TicketNumbers } from './ticket-numbers';
import { pageSize, type Page, type PageRequest, type TicketFilter } from './ticket-filter';
import type { TicketSettings } from './ticket-settings';
import { changeStatus, type StatusChangeInput } from './ticket-status-change';
import { actorOf, type TicketUnitOfWork } from './ticket-unit-of-work';
import { updateTicket, type TicketPatch } from './ticket-update';
import { invalidField } from './ticket.errors';
import type { TicketKey } from './tickets.repository';

export type { TicketKey } from './tickets.repository';

/** The ticket lifecycle use cases on top of the {@link TicketUnitOfWork}. */
export class TicketsService {
  private readonly numbers: TicketNumbers;

  constructor(
    private readonly work: TicketUnitOfWork,
    settings: TicketSettings,
  ) {
    this.numbers = new TicketNumbers(work.dataSource, work.tickets, settings.numberPrefix);
  }

  async create(caller: Caller, input: CreateTicketInput): Promise<Ticket> {
    const own = this.forCaller(caller, input);
    // A number drawn for a ticket that is then refused is a gap, as with any sequence.
    const number = await this.numbers.next();
    const actor = actorOf(caller);
    const decision = createTicket(own, { id: uuidv7(), number, now: this.work.clock(), actor, policy: this.work.policy });
    await this.work.insertAlone(decision, actor);
    return decision.ticket;
  }

  get(caller: Caller, key: TicketKey): Promise<Ticket> {
    return this.work.tickets.get(this.work.dataSource.manager, scopeOf(caller), key);
  }

  list(caller: Caller, filter: TicketFilter, page: PageRequest): Promise<Page<Ticket>> {
    return this.work.tickets.list(this.work.dataSource.manager, scopeOf(caller), filter, page);
  }

  update(caller: Caller, id: string, patch: TicketPatch, expectedVersion?: number): Promise<Ticket> {
    return this.change(caller, id, expectedVersion, (ticket, ctx) => updateTicket(ticket, patch, ctx));
  }

  changeStatus(caller: Caller, id: string, input: StatusChangeInput, expectedVersion?: number): Promise<Ticket> {
    return this.change(caller, id, expectedVersion, (ticket, ctx) => changeStatus(ticket, input, ctx));
  }

  assign(caller: Caller, id: string, input: AssignInput, expectedVersion?: number): Promise<Ticket> {
    return this.change(caller, id, expectedVersion, (ticket, ctx) => assignTicket(ticket, input, ctx));
  }

  /** History entries oldest first; the page token is the last seq seen. */
  async history(caller: Caller, id: string, page: PageRequest): Promise<Page<HistoryEntry>> {
    const ticket = await this.get(caller, { id });
    const after = page.token ? Number(page.token) : 0;
    if (!Number.isInteger(after) || after < 0) throw invalidField('page.pageToken', 'is not a token this service issued');
    const size = pageSize(page.size);
    const entries = await this.work.historyEntries.page(this.work.dataSource.manager, ticket.id, after, size + 1);
    const stored = entries.slice(0, size);
    const scope = scopeOf(caller);
    // The token follows the stored sequence, so a page a customer sees may hold fewer entries.
    return { items: stored.filter((entry) => canReadHistoryEntry(scope, entry)), nextToken: entries.length > size ? String(stored.at(-1)?.seq ?? '') : '' };
  }

  async verifyHistory(caller: Caller, id: string): Promise<ChainVerification> {
    const ticket = await this.get(caller, { id });
    return verifyChain(await this.work.historyEntries.all(this.work.dataSource.manager, ticket.id));
  }

  private change(caller: Caller, id: string, expectedVersion: number | undefined, decide: (ticket: Ticket, ctx: ChangeContext) => TicketDecision): Promise<Ticket> {
    return this.work.change(caller, id, expectedVersion, (ticket, scope) => {
      const decision = decide(ticket, scope);
      return { decision, result: decision.ticket };
    });
  }

  /** A customer opens tickets only for its own customer and contact. */
  private forCaller(caller: Caller, input: CreateTicketInput): CreateTicketInput {
    if (caller.kind !== 'customer') return input;
    return { ...input, customerId: caller.customerId, contactId: caller.contactId, assigneeId: null };
  }
}
