import {
  commonV1,
  ticketV1,
  type Actor,
  type SlaTrafficLight,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
} from '@helpdesk/contracts';
import { z } from 'zod';
import type { TicketSortOrder } from './ticket-filter';

// Domain value → proto enum name, one exhaustive table per enum: a new domain value fails to
// compile until it has a proto name. The reverse direction is derived, so the two cannot drift.

/** Ticket status → `helpdesk.ticket.v1.TicketStatus`. */
export const TICKET_STATUS_TO_PROTO: Readonly<Record<TicketStatus, ticketV1.TicketStatus>> = {
  new: ticketV1.TicketStatus.TICKET_STATUS_NEW,
  open: ticketV1.TicketStatus.TICKET_STATUS_OPEN,
  in_progress: ticketV1.TicketStatus.TICKET_STATUS_IN_PROGRESS,
  pending: ticketV1.TicketStatus.TICKET_STATUS_PENDING,
  resolved: ticketV1.TicketStatus.TICKET_STATUS_RESOLVED,
  closed: ticketV1.TicketStatus.TICKET_STATUS_CLOSED,
  cancelled: ticketV1.TicketStatus.TICKET_STATUS_CANCELLED,
};

/** Ticket priority → `helpdesk.ticket.v1.TicketPriority`. */
export const TICKET_PRIORITY_TO_PROTO: Readonly<Record<TicketPriority, ticketV1.TicketPriority>> = {
  low: ticketV1.TicketPriority.TICKET_PRIORITY_LOW,
  normal: ticketV1.TicketPriority.TICKET_PRIORITY_NORMAL,
  high: ticketV1.TicketPriority.TICKET_PRIORITY_HIGH,
  critical: ticketV1.TicketPriority.TICKET_PRIORITY_CRITICAL,
};

/** Source channel → `helpdesk.ticket.v1.TicketChannel`. */
export const TICKET_CHANNEL_TO_PROTO: Readonly<Record<TicketChannel, ticketV1.TicketChannel>> = {
  email: ticketV1.TicketChannel.TICKET_CHANNEL_EMAIL,
  phone: ticketV1.TicketChannel.TICKET_CHANNEL_PHONE,
  portal: ticketV1.TicketChannel.TICKET_CHANNEL_PORTAL,
  api: ticketV1.TicketChannel.TICKET_CHANNEL_API,
  chat: ticketV1.TicketChannel.TICKET_CHANNEL_CHAT,
  monitoring: ticketV1.TicketChannel.TICKET_CHANNEL_MONITORING,
  sms: ticketV1.TicketChannel.TICKET_CHANNEL_SMS,
  social: ticketV1.TicketChannel.TICKET_CHANNEL_SOCIAL,
  form: ticketV1.TicketChannel.TICKET_CHANNEL_FORM,
};

/** SLA traffic light → `helpdesk.ticket.v1.SlaTrafficLight` (no light is UNSPECIFIED). */
export const SLA_TRAFFIC_LIGHT_TO_PROTO: Readonly<Record<SlaTrafficLight, ticketV1.SlaTrafficLight>> = {
  green: ticketV1.SlaTrafficLight.SLA_TRAFFIC_LIGHT_GREEN,
  yellow: ticketV1.SlaTrafficLight.SLA_TRAFFIC_LIGHT_YELLOW,
  red: ticketV1.SlaTrafficLight.SLA_TRAFFIC_LIGHT_RED,
};

/** List order → `helpdesk.ticket.v1.TicketSort` (UNSPECIFIED also means urgency). */
export const TICKET_SORT_TO_PROTO: Readonly<Record<TicketSortOrder, ticketV1.TicketSort>> = {
  urgency: ticketV1.TicketSort.TICKET_SORT_URGENCY,
  updated_desc: ticketV1.TicketSort.TICKET_SORT_UPDATED_DESC,
  created_desc: ticketV1.TicketSort.TICKET_SORT_CREATED_DESC,
};

/** Actor kind → `helpdesk.common.v1.ActorKind`. */
export const ACTOR_KIND_TO_PROTO: Readonly<Record<Actor['kind'], commonV1.ActorKind>> = {
  agent: commonV1.ActorKind.ACTOR_KIND_AGENT,
  contact: commonV1.ActorKind.ACTOR_KIND_CONTACT,
  integration: commonV1.ActorKind.ACTOR_KIND_INTEGRATION,
  system: commonV1.ActorKind.ACTOR_KIND_SYSTEM,
};

/** The reverse of a domain → proto table: proto enum name → domain value. */
export function reverseTable<D extends string>(table: Readonly<Record<D, string>>): ReadonlyMap<string, D> {
  return new Map((Object.entries(table) as [D, string][]).map(([domain, proto]) => [proto, domain]));
}

/**
 * Zod schema of a proto enum field (loaded with `enums: String`, so the value is the enum's
 * name; a number the server does not know arrives as that number): the UNSPECIFIED name (or an
 * absent field) → `undefined`, a mapped name → its domain value, anything else → an issue
 * `must be one of …`.
 */
export function protoEnumSchema<D extends string>(table: Readonly<Record<D, string>>, unspecified: string) {
  const lookup = enumLookup(table);
  return z
    .unknown()
    .optional()
    .transform((value, ctx): D | undefined => {
      if (value === undefined || value === null || value === unspecified) return undefined;
      return lookup(value, ctx);
    });
}

/** {@link protoEnumSchema} for a field that must be set: UNSPECIFIED → `must be set`. */
export function requiredProtoEnumSchema<D extends string>(table: Readonly<Record<D, string>>, unspecified: string) {
  return protoEnumSchema(table, unspecified).transform((value, ctx): D => {
    if (value !== undefined) return value;
    ctx.addIssue({ code: 'custom', message: 'must be set' });
    return z.NEVER;
  });
}

/** A repeated proto enum field: every item must be a mapped name (UNSPECIFIED is refused). */
export function protoEnumListSchema<D extends string>(table: Readonly<Record<D, string>>) {
  const lookup = enumLookup(table);
  return z.array(z.unknown().transform((value, ctx): D => lookup(value, ctx)));
}

function enumLookup<D extends string>(table: Readonly<Record<D, string>>) {
  const fromProto = reverseTable(table);
  const problem = `must be one of ${[...fromProto.keys()].join(', ')}`;
  return (value: unknown, ctx: z.RefinementCtx): D => {
    const domain = typeof value === 'string' ? fromProto.get(value) : undefined;
    if (domain !== undefined) return domain;
    ctx.addIssue({ code: 'custom', message: `${problem} (got ${JSON.stringify(value) ?? 'nothing'})` });
    return z.NEVER;
  };
}
