import type { TicketPriority } from '@helpdesk/contracts';
import { toSnapshot, type Ticket } from './ticket';
import { diffTickets, fieldsHistory } from './ticket-changes';
import {
  assertChangeable,
  assertExpectedVersion,
  nextVersion,
  unchanged,
  type ChangeContext,
  type TicketDecision,
  type TicketPolicy,
} from './ticket-decisions';
import { ticketEvent } from './ticket-events';
import {
  checkCategory,
  checkOptionalDate,
  checkOptionalId,
  checkWarningLead,
  normalizeIds,
  normalizeSummary,
  normalizeTags,
  warningTime,
} from './ticket-fields';

/**
 * Fields to change; an omitted field stays as it is, null clears a nullable one. `tags` and
 * `assetIds` replace the whole list.
 */
export interface TicketPatch {
  readonly summary?: string;
  readonly description?: string;
  readonly priority?: TicketPriority;
  readonly category?: string;
  readonly tags?: readonly string[];
  readonly customerId?: string | null;
  readonly contactId?: string | null;
  readonly contractId?: string | null;
  readonly assetIds?: readonly string[];
  readonly dueAt?: Date | null;
  /** Minutes before the due date the warning fires; null for no warning. */
  readonly warningLeadMinutes?: number | null;
}

/**
 * Decides an update of a ticket that is not closed or cancelled: one `ticket.updated` event
 * listing every changed field with before and after, and one `field_changed` history entry. A
 * patch that changes nothing emits nothing and keeps the version.
 */
export function updateTicket(ticket: Ticket, patch: TicketPatch, ctx: ChangeContext): TicketDecision {
  assertExpectedVersion(ticket, ctx.expectedVersion);
  assertChangeable(ticket);
  const patched = applyPatch(ticket, patch, ctx.policy);
  const changes = diffTickets(ticket, patched);
  if (changes.length === 0) return unchanged(ticket);
  const next = nextVersion(patched, ticket.version, ctx.now);
  const descriptionChanged = next.description !== ticket.description;
  const updated = ticketEvent('helpdesk.ticket.updated.v1', next, {
    ticket: toSnapshot(next),
    actor: ctx.actor,
    changes,
    description: descriptionChanged ? next.description : null,
  });
  return { ticket: next, events: [updated], history: [fieldsHistory('field_changed', changes)] };
}

function applyPatch(ticket: Ticket, patch: TicketPatch, policy: TicketPolicy): Ticket {
  return {
    ...ticket,
    summary: patch.summary === undefined ? ticket.summary : normalizeSummary(patch.summary),
    description: patch.description ?? ticket.description,
    priority: patch.priority ?? ticket.priority,
    category: patch.category === undefined ? ticket.category : checkCategory(patch.category, policy.categories),
    tags: patch.tags === undefined ? ticket.tags : normalizeTags(patch.tags),
    customerId: patch.customerId === undefined ? ticket.customerId : checkOptionalId('customerId', patch.customerId),
    contactId: patch.contactId === undefined ? ticket.contactId : checkOptionalId('contactId', patch.contactId),
    contractId: patch.contractId === undefined ? ticket.contractId : checkOptionalId('contractId', patch.contractId),
    assetIds: patch.assetIds === undefined ? ticket.assetIds : normalizeIds('assetIds', patch.assetIds),
    ...patchDue(ticket, patch),
  };
}

// The warning time is derived from due date and lead, so it is recomputed only when either is
// patched: an SLA-reported warning time that is not a whole-minute lead stays untouched.
function patchDue(ticket: Ticket, patch: TicketPatch): Pick<Ticket, 'dueAt' | 'warningAt'> {
  if (patch.dueAt === undefined && patch.warningLeadMinutes === undefined) {
    return { dueAt: ticket.dueAt, warningAt: ticket.warningAt };
  }
  const dueAt = patch.dueAt === undefined ? ticket.dueAt : checkOptionalDate('dueAt', patch.dueAt);
  const leadMs = patch.warningLeadMinutes === undefined ? currentLeadMs(ticket) : minutesToMs(checkWarningLead(patch.warningLeadMinutes));
  return { dueAt, warningAt: warningTime(dueAt, leadMs) };
}

function currentLeadMs(ticket: Ticket): number | null {
  return ticket.dueAt && ticket.warningAt ? ticket.dueAt.getTime() - ticket.warningAt.getTime() : null;
}

function minutesToMs(minutes: number | null): number | null {
  return minutes === null ? null : minutes * 60_000;
}
