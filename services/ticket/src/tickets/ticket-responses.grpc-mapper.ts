import type { Actor, commonV1 } from '@helpdesk/contracts';
import { ticketV1 } from '@helpdesk/contracts';
import { toTimestamp } from '@helpdesk/grpc';
import { canonicalJson } from '../history/canonical-json';
import type { ChainVerification, HistoryEntry } from '../history/history-chain';
import type { Ticket } from './ticket';
import {
  ACTOR_KIND_TO_PROTO,
  SLA_TRAFFIC_LIGHT_TO_PROTO,
  TICKET_CHANNEL_TO_PROTO,
  TICKET_PRIORITY_TO_PROTO,
  TICKET_STATUS_TO_PROTO,
} from './ticket-enums.grpc-mapper';
import type { Page } from './ticket-filter';

// Domain values → response messages. Proto3 strings have no null, so null ids become '' (the
// proto documents "empty when not known"); null times become unset Timestamps.

/** A domain ticket as the `helpdesk.ticket.v1.Ticket` message. */
export function toTicketMessage(ticket: Ticket): ticketV1.Ticket {
  return {
    id: ticket.id,
    number: ticket.number,
    summary: ticket.summary,
    description: ticket.description,
    channel: TICKET_CHANNEL_TO_PROTO[ticket.channel],
    category: ticket.category,
    priority: TICKET_PRIORITY_TO_PROTO[ticket.priority],
    status: TICKET_STATUS_TO_PROTO[ticket.status],
    customerId: ticket.customerId ?? '',
    contactId: ticket.contactId ?? '',
    contractId: ticket.contractId ?? '',
    assetIds: [...ticket.assetIds],
    assigneeId: ticket.assigneeId ?? '',
    queueId: ticket.queueId ?? '',
    dueTime: toTimestamp(ticket.dueAt),
    warningTime: toTimestamp(ticket.warningAt),
    slaTrafficLight: ticket.slaTrafficLight ? SLA_TRAFFIC_LIGHT_TO_PROTO[ticket.slaTrafficLight] : ticketV1.SlaTrafficLight.SLA_TRAFFIC_LIGHT_UNSPECIFIED,
    slaOverdue: ticket.slaOverdue,
    tags: [...ticket.tags],
    resolution: ticket.resolution?.text ?? '',
    resolveTime: toTimestamp(ticket.resolvedAt),
    closeTime: toTimestamp(ticket.closedAt),
    // The ticket row does not keep who created or last changed it; the history does.
    audit: {
      createTime: toTimestamp(ticket.createdAt),
      createdBy: undefined,
      updateTime: toTimestamp(ticket.updatedAt),
      updatedBy: undefined,
      version: ticket.version,
    },
  };
}

/** An actor as `helpdesk.common.v1.Actor`; a system actor's null id becomes ''. */
export function toActorMessage(actor: Actor): commonV1.Actor {
  return { kind: ACTOR_KIND_TO_PROTO[actor.kind], id: actor.id ?? '', displayName: actor.displayName };
}

/**
 * A history entry as the `HistoryEntry` message. `beforeJson`/`afterJson` are the canonical JSON
 * the hash covers (sorted keys, no whitespace), so a client can recompute the chain itself.
 */
export function toHistoryEntryMessage(entry: HistoryEntry): ticketV1.HistoryEntry {
  return {
    seq: String(entry.seq),
    time: toTimestamp(new Date(entry.at)),
    actor: toActorMessage(entry.actor),
    kind: entry.kind,
    beforeJson: canonicalJson(entry.before),
    afterJson: canonicalJson(entry.after),
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}

/** A page of tickets as `ListTicketsResponse`. */
export function toListTicketsResponse(page: Page<Ticket>): ticketV1.ListTicketsResponse {
  return { tickets: page.items.map(toTicketMessage), page: { nextPageToken: page.nextToken } };
}

/** A page of history entries as `GetHistoryResponse`. */
export function toGetHistoryResponse(page: Page<HistoryEntry>): ticketV1.GetHistoryResponse {
  return { entries: page.items.map(toHistoryEntryMessage), page: { nextPageToken: page.nextToken } };
}

/**
 * A chain verification as `VerifyHistoryResponse`. A broken chain reports the broken entry's seq
 * and the reason; the domain result does not say how many entries were checked before the
 * break, so `entryCount` is 0 then.
 */
export function toVerifyHistoryResponse(verification: ChainVerification): ticketV1.VerifyHistoryResponse {
  if (verification.ok) return { intact: true, entryCount: String(verification.count), brokenSeq: '0', reason: '' };
  return { intact: false, entryCount: '0', brokenSeq: String(verification.brokenAt), reason: verification.reason };
}
