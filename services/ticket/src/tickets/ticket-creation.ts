import type { Actor, TicketChannel, TicketPriority } from '@helpdesk/contracts';
import { toSnapshot, type ExternalReference, type Ticket } from './ticket';
import type { TicketDecision, TicketPolicy } from './ticket-decisions';
import { ticketEvent } from './ticket-events';
import {
  checkCategory,
  checkExternalReferences,
  checkOptionalDate,
  checkOptionalId,
  checkWarningLead,
  normalizeIds,
  normalizeSummary,
  normalizeTags,
  warningTime,
} from './ticket-fields';

/** What a new ticket is made of; omitted optional fields start empty. */
export interface CreateTicketInput {
  readonly summary: string;
  readonly description?: string;
  readonly channel: TicketChannel;
  /** A key of the policy's category list. */
  readonly category: string;
  /** Default `normal`. */
  readonly priority?: TicketPriority;
  readonly customerId?: string | null;
  readonly contactId?: string | null;
  readonly contractId?: string | null;
  readonly assetIds?: readonly string[];
  readonly assigneeId?: string | null;
  readonly queueId?: string | null;
  readonly tags?: readonly string[];
  readonly dueAt?: Date | null;
  /** Minutes before the due date the warning fires; needs a due date to take effect. */
  readonly warningLeadMinutes?: number | null;
  readonly externalReferences?: readonly ExternalReference[];
  /** The inbound mail the ticket comes from (for the created event). */
  readonly mailId?: string | null;
  /** The call the ticket comes from (for the created event). */
  readonly callId?: string | null;
}

/** Identity and circumstances of a new ticket; id and number are minted by the caller. */
export interface CreateContext {
  /** UUIDv7. */
  readonly id: string;
  /** From the PostgreSQL sequence, with the configured prefix. */
  readonly number: string;
  readonly now: Date;
  readonly actor: Actor;
  readonly policy: TicketPolicy;
}

/** Decides a new ticket (status new, version 1): the created event and a `created` history entry. */
export function createTicket(input: CreateTicketInput, ctx: CreateContext): TicketDecision {
  const ticket = newTicket(input, ctx);
  const snapshot = toSnapshot(ticket);
  const externalReferences = ticket.externalReferences.map(({ system, kind, value }) => ({ system, kind, value }));
  const created = ticketEvent('helpdesk.ticket.created.v1', ticket, {
    ticket: snapshot,
    actor: ctx.actor,
    description: ticket.description,
    mailId: checkOptionalId('mailId', input.mailId ?? null),
    callId: checkOptionalId('callId', input.callId ?? null),
    externalReferences,
  });
  const after = { ...snapshot, description: ticket.description, externalReferences };
  return { ticket, events: [created], history: [{ kind: 'created', before: {}, after }] };
}

function newTicket(input: CreateTicketInput, ctx: CreateContext): Ticket {
  const dueAt = checkOptionalDate('dueAt', input.dueAt ?? null);
  const lead = checkWarningLead(input.warningLeadMinutes ?? null);
  return {
    id: ctx.id,
    number: ctx.number,
    version: 1,
    status: 'new',
    priority: input.priority ?? 'normal',
    category: checkCategory(input.category, ctx.policy.categories),
    channel: input.channel,
    customerId: checkOptionalId('customerId', input.customerId ?? null),
    contactId: checkOptionalId('contactId', input.contactId ?? null),
    contractId: checkOptionalId('contractId', input.contractId ?? null),
    assetIds: normalizeIds('assetIds', input.assetIds ?? []),
    assigneeId: checkOptionalId('assigneeId', input.assigneeId ?? null),
    queueId: checkOptionalId('queueId', input.queueId ?? null),
    summary: normalizeSummary(input.summary),
    description: input.description ?? '',
    tags: normalizeTags(input.tags ?? []),
    dueAt,
    warningAt: warningTime(dueAt, lead === null ? null : lead * 60_000),
    slaTrafficLight: null,
    slaOverdue: false,
    resolution: null,
    externalReferences: checkExternalReferences(input.externalReferences ?? []),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    resolvedAt: null,
    closedAt: null,
  };
}
