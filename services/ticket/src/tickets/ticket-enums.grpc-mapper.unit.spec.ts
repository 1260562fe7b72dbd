import {
  actorKindSchema,
  commonV1,
  slaTrafficLightSchema,
  ticketChannelSchema,
  ticketPrioritySchema,
  ticketStatusSchema,
  ticketV1,
} from '@helpdesk/contracts';
import { z } from 'zod';
import {
  ACTOR_KIND_TO_PROTO,
  SLA_TRAFFIC_LIGHT_TO_PROTO,
  TICKET_CHANNEL_TO_PROTO,
  TICKET_PRIORITY_TO_PROTO,
  TICKET_SORT_TO_PROTO,
  TICKET_STATUS_TO_PROTO,
  protoEnumListSchema,
  protoEnumSchema,
  requiredProtoEnumSchema,
  reverseTable,
} from './ticket-enums.grpc-mapper';

interface EnumCase {
  readonly name: string;
  readonly table: Readonly<Record<string, string>>;
  /** Every domain value, from the contract schemas where there is one. */
  readonly domain: readonly string[];
  readonly proto: Readonly<Record<string, string>>;
}

const CASES: readonly EnumCase[] = [
  { name: 'TicketStatus', table: TICKET_STATUS_TO_PROTO, domain: ticketStatusSchema.options, proto: ticketV1.TicketStatus },
  { name: 'TicketPriority', table: TICKET_PRIORITY_TO_PROTO, domain: ticketPrioritySchema.options, proto: ticketV1.TicketPriority },
  { name: 'TicketChannel', table: TICKET_CHANNEL_TO_PROTO, domain: ticketChannelSchema.options, proto: ticketV1.TicketChannel },
  { name: 'SlaTrafficLight', table: SLA_TRAFFIC_LIGHT_TO_PROTO, domain: slaTrafficLightSchema.options, proto: ticketV1.SlaTrafficLight },
  { name: 'TicketSort', table: TICKET_SORT_TO_PROTO, domain: ['urgency', 'updated_desc', 'created_desc'], proto: ticketV1.TicketSort },
  { name: 'ActorKind', table: ACTOR_KIND_TO_PROTO, domain: actorKindSchema.options, proto: commonV1.ActorKind },
];

// UNSPECIFIED is "not set" and UNRECOGNIZED is ts-proto's bucket for unknown numbers: neither is a value.
const realNames = (proto: Readonly<Record<string, string>>) =>
  Object.values(proto).filter((name) => !name.endsWith('_UNSPECIFIED') && name !== 'UNRECOGNIZED');

describe.each(CASES)('$name table', ({ table, domain, proto }) => {
  it('covers every domain value and every proto value exactly once', () => {
    expect(Object.keys(table).sort()).toEqual([...domain].sort());
    expect(Object.values(table).sort()).toEqual(realNames(proto).sort());
  });

  it('round-trips every value', () => {
    const fromProto = reverseTable(table);
    for (const value of domain) expect(fromProto.get(table[value] ?? '')).toBe(value);
    for (const name of realNames(proto)) expect(table[fromProto.get(name) ?? '']).toBe(name);
  });
});

describe('proto enum schemas', () => {
  const unspecified = ticketV1.TicketPriority.TICKET_PRIORITY_UNSPECIFIED;
  const request = z.object({
    optional: protoEnumSchema(TICKET_PRIORITY_TO_PROTO, unspecified),
    required: requiredProtoEnumSchema(TICKET_PRIORITY_TO_PROTO, unspecified),
    list: protoEnumListSchema(TICKET_PRIORITY_TO_PROTO),
  });
  const issues = (value: unknown) => request.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

  it('maps names to domain values', () => {
    expect(request.parse({ optional: 'TICKET_PRIORITY_LOW', required: 'TICKET_PRIORITY_HIGH', list: ['TICKET_PRIORITY_CRITICAL'] })).toEqual({
      optional: 'low',
      required: 'high',
      list: ['critical'],
    });
  });

  it('reads UNSPECIFIED as not given, which a required field refuses', () => {
    expect(request.safeParse({ optional: unspecified, required: 'TICKET_PRIORITY_LOW', list: [] }).data?.optional).toBeUndefined();
    expect(issues({ required: unspecified, list: [] })).toEqual(['required: must be set']);
  });

  it('refuses unknown values, and UNSPECIFIED in a list', () => {
    const allowed = 'TICKET_PRIORITY_LOW, TICKET_PRIORITY_NORMAL, TICKET_PRIORITY_HIGH, TICKET_PRIORITY_CRITICAL';
    expect(issues({ optional: 7, required: 'low', list: ['TICKET_PRIORITY_LOW', unspecified] })).toEqual([
      `optional: must be one of ${allowed} (got 7)`,
      `required: must be one of ${allowed} (got "low")`,
      `list.1: must be one of ${allowed} (got "TICKET_PRIORITY_UNSPECIFIED")`,
    ]);
  });
});
