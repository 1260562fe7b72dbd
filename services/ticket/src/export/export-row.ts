import type { SlaTrafficLight, TicketPriority, TicketStatus } from '@helpdesk/contracts';
import type { Ticket } from '../tickets/ticket';
import type { LocalTime } from './local-time';

/** Display names of the customers, agents and queues of a batch of tickets, by id. */
export interface ExportNames {
  readonly customers: ReadonlyMap<string, string>;
  readonly agents: ReadonlyMap<string, string>;
  readonly queues: ReadonlyMap<string, string>;
}

/** No names known: cells show ids. */
export const NO_NAMES: ExportNames = { customers: new Map(), agents: new Map(), queues: new Map() };

/** One ticket as an export shows it: display texts, plus the raw traffic light for colouring. */
export interface ExportRow {
  readonly number: string;
  readonly summary: string;
  readonly status: string;
  readonly priority: string;
  readonly category: string;
  /** The customer's name, its id when the name is unknown, '' without customer. */
  readonly customer: string;
  readonly assignee: string;
  readonly queue: string;
  readonly due: string;
  /** `red`, `red, overdue`, '' without SLA clock. */
  readonly trafficLight: string;
  readonly light: SlaTrafficLight | null;
  readonly overdue: boolean;
  readonly created: string;
  readonly updated: string;
}

const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'new',
  open: 'open',
  in_progress: 'in progress',
  pending: 'pending',
  resolved: 'resolved',
  closed: 'closed',
  cancelled: 'cancelled',
};

const PRIORITY_LABELS: Record<TicketPriority, string> = { low: 'low', normal: 'normal', high: 'high', critical: 'critical' };

/** A ticket status as people read it (`in progress`). */
export function statusLabel(status: TicketStatus): string {
  return STATUS_LABELS[status];
}

/** A ticket's export row. */
export function exportRow(ticket: Ticket, names: ExportNames, time: LocalTime): ExportRow {
  const name = (book: ReadonlyMap<string, string>, id: string | null) => (id === null ? '' : (book.get(id) ?? id));
  const light = ticket.slaTrafficLight;
  return {
    number: ticket.number,
    summary: ticket.summary,
    status: STATUS_LABELS[ticket.status],
    priority: PRIORITY_LABELS[ticket.priority],
    category: ticket.category,
    customer: name(names.customers, ticket.customerId),
    assignee: name(names.agents, ticket.assigneeId),
    queue: name(names.queues, ticket.queueId),
    due: time.format(ticket.dueAt),
    trafficLight: [light ?? '', ticket.slaOverdue ? 'overdue' : ''].filter(Boolean).join(', '),
    light,
    overdue: ticket.slaOverdue,
    created: time.format(ticket.createdAt),
    updated: time.format(ticket.updatedAt),
  };
}

/** The CSV columns in order: header and cell. */
export function csvColumns(time: LocalTime): readonly { readonly header: string; readonly cell: (row: ExportRow) => string }[] {
  const zoned = (name: string) => `${name} (${time.zone})`;
  return [
    { header: 'number', cell: (r) => r.number },
    { header: 'summary', cell: (r) => r.summary },
    { header: 'status', cell: (r) => r.status },
    { header: 'priority', cell: (r) => r.priority },
    { header: 'category', cell: (r) => r.category },
    { header: 'customer', cell: (r) => r.customer },
    { header: 'assignee', cell: (r) => r.assignee },
    { header: 'queue', cell: (r) => r.queue },
    { header: zoned('due'), cell: (r) => r.due },
    { header: 'traffic light', cell: (r) => r.trafficLight },
    { header: zoned('created'), cell: (r) => r.created },
    { header: zoned('updated'), cell: (r) => r.updated },
  ];
}
