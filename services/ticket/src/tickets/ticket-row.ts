import type { SlaTrafficLight, TicketChannel, TicketPriority, TicketStatus } from '@helpdesk/contracts';
import type { ExternalReference, Ticket } from './ticket';

/** A `tickets` row as the pg driver returns it. */
export interface TicketRow {
  id: string;
  number: string;
  version: number;
  summary: string;
  description: string;
  channel: string;
  category: string;
  priority: string;
  status: string;
  customer_id: string | null;
  contact_id: string | null;
  contract_id: string | null;
  asset_ids: string[];
  assignee_id: string | null;
  queue_id: string | null;
  due_at: Date | null;
  warning_at: Date | null;
  sla_traffic_light: string | null;
  sla_overdue: boolean;
  tags: string[];
  resolution: string | null;
  resolution_code: string | null;
  external_references: ExternalReference[];
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
}

/** The columns every ticket query selects (arrays as text[] so the driver parses them). */
export const TICKET_COLUMNS = `id, number, version, summary, description, channel, category, priority, status,
  customer_id, contact_id, contract_id, asset_ids::text[] AS asset_ids, assignee_id, queue_id, due_at, warning_at,
  sla_traffic_light, sla_overdue, tags, resolution, resolution_code, external_references,
  created_at, updated_at, resolved_at, closed_at`;

const PRIORITY_RANK: Record<TicketPriority, number> = { low: 1, normal: 2, high: 3, critical: 4 };
const SLA_RANK: Record<SlaTrafficLight, number> = { green: 1, yellow: 2, red: 3 };

/** Sort keys stored beside the ticket so "most urgent first" is an index scan. */
export function rankOf(ticket: Ticket): { priorityRank: number; slaRank: number } {
  return { priorityRank: PRIORITY_RANK[ticket.priority], slaRank: ticket.slaTrafficLight ? SLA_RANK[ticket.slaTrafficLight] : 0 };
}

/** A row as the domain type. Values were written by this service, so they are trusted. */
export function ticketFromRow(row: TicketRow): Ticket {
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    status: row.status as TicketStatus,
    priority: row.priority as TicketPriority,
    category: row.category,
    channel: row.channel as TicketChannel,
    customerId: row.customer_id,
    contactId: row.contact_id,
    contractId: row.contract_id,
    assetIds: row.asset_ids,
    assigneeId: row.assignee_id,
    queueId: row.queue_id,
    summary: row.summary,
    description: row.description,
    tags: row.tags,
    dueAt: row.due_at,
    warningAt: row.warning_at,
    slaTrafficLight: row.sla_traffic_light as SlaTrafficLight | null,
    slaOverdue: row.sla_overdue,
    resolution: row.resolution === null ? null : { text: row.resolution, code: row.resolution_code },
    externalReferences: row.external_references,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
  };
}

/** The values of an INSERT or UPDATE, in the order of {@link WRITE_COLUMNS}. */
export function ticketValues(ticket: Ticket, actorJson: string): unknown[] {
  const { priorityRank, slaRank } = rankOf(ticket);
  return [
    ticket.id, ticket.number, ticket.version, ticket.summary, ticket.description, ticket.channel, ticket.category,
    ticket.priority, priorityRank, ticket.status, ticket.customerId, ticket.contactId, ticket.contractId, [...ticket.assetIds],
    ticket.assigneeId, ticket.queueId, ticket.dueAt, ticket.warningAt, ticket.slaTrafficLight, slaRank, ticket.slaOverdue,
    [...ticket.tags], ticket.resolution?.text ?? null, ticket.resolution?.code ?? null, JSON.stringify(ticket.externalReferences),
    ticket.createdAt, ticket.updatedAt, ticket.resolvedAt, ticket.closedAt, actorJson,
  ];
}

/** Column names matching {@link ticketValues}. */
export const WRITE_COLUMNS = [
  'id', 'number', 'version', 'summary', 'description', 'channel', 'category', 'priority', 'priority_rank', 'status',
  'customer_id', 'contact_id', 'contract_id', 'asset_ids', 'assignee_id', 'queue_id', 'due_at', 'warning_at',
  'sla_traffic_light', 'sla_rank', 'sla_overdue', 'tags', 'resolution', 'resolution_code', 'external_references',
  'created_at', 'updated_at', 'resolved_at', 'closed_at', 'updated_by',
] as const;
