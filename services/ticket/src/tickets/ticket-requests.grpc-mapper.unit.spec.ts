import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { PROTO_ROOT } from '@helpdesk/contracts';
import { DEFAULT_LOADER_OPTIONS, RequestValidationError, parseRequest } from '@helpdesk/grpc';
import type { z } from 'zod';
import {
  DEFAULT_CATEGORY,
  UPDATE_MASK_FIELDS,
  assignTicketRequestSchema,
  changeStatusRequestSchema,
  createTicketRequestSchema,
  getHistoryRequestSchema,
  getTicketRequestSchema,
  listTicketsRequestSchema,
  updateTicketRequestSchema,
  verifyHistoryRequestSchema,
} from './ticket-requests.grpc-mapper';

// Requests go through the real wire format: encoded from what a client sends, decoded with the
// server's loader options, so the tests see what the controller sees (defaults filled, unset
// messages null, enums as names, the oneof with its `key`).
const definition = loadSync('helpdesk/ticket/v1/ticket.proto', { ...DEFAULT_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
const ticketService = definition['helpdesk.ticket.v1.TicketService'] as Record<string, MethodDefinition<object, object>>;

function delivered(rpc: string, request: object): unknown {
  const method = ticketService[rpc];
  if (!method) throw new Error(`no rpc ${rpc}`);
  return method.requestDeserialize(method.requestSerialize(request));
}

function parse<S extends z.ZodType>(schema: S, rpc: string, request: object): z.output<S> {
  return parseRequest(schema, delivered(rpc, request));
}

function problems<S extends z.ZodType>(schema: S, rpc: string, request: object): string {
  try {
    parse(schema, rpc, request);
  } catch (error) {
    if (error instanceof RequestValidationError) return error.message;
    throw error;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

const ID = '01936a00-1111-7aaa-8bbb-000000000001';
const OTHER_ID = '01936a00-2222-7aaa-8bbb-000000000002';
const DUE = { seconds: '1795428900', nanos: 0 };
const DUE_DATE = new Date('2026-11-23T10:15:00.000Z');

describe('CreateTicket', () => {
  const minimal = { summary: 'Printer on floor 3 jams', channel: 'TICKET_CHANNEL_PHONE' };

  it('fills defaults: category other, priority left to the domain, empty ids as null', () => {
    expect(parse(createTicketRequestSchema, 'CreateTicket', minimal)).toEqual({
      summary: 'Printer on floor 3 jams',
      description: '',
      channel: 'phone',
      category: DEFAULT_CATEGORY,
      customerId: null,
      contactId: null,
      contractId: null,
      assetIds: [],
      queueId: null,
      tags: [],
      dueAt: null,
      warningLeadMinutes: null,
    });
  });

  it('maps every field', () => {
    const request = {
      ...minimal,
      description: 'Paper jam error E52',
      category: 'technical',
      priority: 'TICKET_PRIORITY_HIGH',
      customerId: ID,
      contactId: OTHER_ID,
      contractId: ID,
      assetIds: [ID, OTHER_ID],
      queueId: OTHER_ID,
      tags: ['printer'],
      dueTime: DUE,
      warningLeadMinutes: 30,
    };
    expect(parse(createTicketRequestSchema, 'CreateTicket', request)).toEqual({
      summary: 'Printer on floor 3 jams',
      description: 'Paper jam error E52',
      channel: 'phone',
      category: 'technical',
      priority: 'high',
      customerId: ID,
      contactId: OTHER_ID,
      contractId: ID,
      assetIds: [ID, OTHER_ID],
      queueId: OTHER_ID,
      tags: ['printer'],
      dueAt: DUE_DATE,
      warningLeadMinutes: 30,
    });
  });

  it('names every invalid field', () => {
    const request = {
      summary: '   ',
      customerId: 'c-42',
      assetIds: [ID, 'nope'],
      dueTime: { seconds: '999999999999', nanos: 0 },
      warningLeadMinutes: -5,
    };
    expect(problems(createTicketRequestSchema, 'CreateTicket', request).split('; ')).toEqual([
      'summary: must not be empty',
      'channel: must be set',
      'customerId: must be a UUID',
      'assetIds[1]: must be a UUID',
      expect.stringMatching(/^dueTime: must be a Timestamp between/),
      'warningLeadMinutes: must not be negative',
    ]);
  });

  it('limits the summary to 300 characters', () => {
    expect(problems(createTicketRequestSchema, 'CreateTicket', { ...minimal, summary: 'x'.repeat(301) })).toBe(
      'summary: must be at most 300 characters',
    );
  });

  it('refuses an enum number the server does not know', () => {
    expect(problems(createTicketRequestSchema, 'CreateTicket', { ...minimal, priority: 42 })).toMatch(
      /^priority: must be one of TICKET_PRIORITY_LOW, TICKET_PRIORITY_NORMAL, TICKET_PRIORITY_HIGH, TICKET_PRIORITY_CRITICAL \(got 42\)$/,
    );
  });
});

describe('GetTicket (oneof key)', () => {
  it('arrives as the set member plus its name in key', () => {
    expect(delivered('GetTicket', { id: ID })).toEqual({ id: ID, key: 'id' });
    expect(delivered('GetTicket', { number: 'T-100234' })).toEqual({ number: 'T-100234', key: 'number' });
    expect(delivered('GetTicket', {})).toEqual({});
  });

  it('maps the id or the number to a ticket key', () => {
    expect(parse(getTicketRequestSchema, 'GetTicket', { id: ID })).toEqual({ id: ID });
    expect(parse(getTicketRequestSchema, 'GetTicket', { number: ' T-100234 ' })).toEqual({ number: 'T-100234' });
  });

  it('takes the non-empty member from in-process callers without key', () => {
    expect(parseRequest(getTicketRequestSchema, { id: '', number: 'T-1' })).toEqual({ number: 'T-1' });
    expect(parseRequest(getTicketRequestSchema, { id: ID })).toEqual({ id: ID });
  });

  it('names what is wrong', () => {
    expect(problems(getTicketRequestSchema, 'GetTicket', {})).toBe('key: must be set: give the ticket id or number');
    expect(problems(getTicketRequestSchema, 'GetTicket', { id: 'T-100234' })).toBe('id: must be a UUID');
    expect(problems(getTicketRequestSchema, 'GetTicket', { id: '' })).toBe('id: must be set');
    expect(problems(getTicketRequestSchema, 'GetTicket', { number: '' })).toBe('number: must not be empty');
    expect(() => parseRequest(getTicketRequestSchema, { id: ID, number: 'T-1' })).toThrow('key: set only one of id and number');
  });
});

describe('ListTickets', () => {
  it('an empty request lists everything by urgency, first page of the default size', () => {
    expect(parse(listTicketsRequestSchema, 'ListTickets', {})).toEqual({ filter: { sort: 'urgency' }, page: { size: 50, token: '' } });
  });

  it('maps every criterion', () => {
    const request = {
      statuses: ['TICKET_STATUS_OPEN', 'TICKET_STATUS_PENDING'],
      priorities: ['TICKET_PRIORITY_CRITICAL'],
      categories: ['technical'],
      queueId: ID,
      assigneeId: OTHER_ID,
      customerId: ID,
      contactId: OTHER_ID,
      assetId: ID,
      trafficLights: ['SLA_TRAFFIC_LIGHT_RED'],
      overdueOnly: true,
      tag: 'vip',
      createdAfter: { seconds: '1795000000', nanos: 0 },
      createdBefore: DUE,
      updatedAfter: { seconds: '1795000000', nanos: 0 },
      updatedBefore: DUE,
      text: 'printer -toner',
      sort: 'TICKET_SORT_CREATED_DESC',
      page: { pageSize: 1000, pageToken: 'abc' },
    };
    expect(parse(listTicketsRequestSchema, 'ListTickets', request)).toEqual({
      filter: {
        statuses: ['open', 'pending'],
        priorities: ['critical'],
        categories: ['technical'],
        queueId: ID,
        assigneeId: OTHER_ID,
        customerId: ID,
        contactId: OTHER_ID,
        assetId: ID,
        trafficLights: ['red'],
        overdueOnly: true,
        tag: 'vip',
        createdAfter: new Date(1_795_000_000_000),
        createdBefore: DUE_DATE,
        updatedAfter: new Date(1_795_000_000_000),
        updatedBefore: DUE_DATE,
        text: 'printer -toner',
        sort: 'created_desc',
      },
      page: { size: 500, token: 'abc' },
    });
  });

  it('names invalid list items and ranges', () => {
    const request = {
      statuses: ['TICKET_STATUS_OPEN', 'TICKET_STATUS_UNSPECIFIED'],
      trafficLights: ['SLA_TRAFFIC_LIGHT_UNSPECIFIED'],
      categories: [''],
      assigneeId: 'anna',
      createdAfter: DUE,
      createdBefore: DUE,
      page: { pageSize: -1 },
    };
    expect(problems(listTicketsRequestSchema, 'ListTickets', request).split('; ')).toEqual([
      expect.stringMatching(/^statuses\[1\]: must be one of TICKET_STATUS_NEW, .*TICKET_STATUS_CANCELLED \(got "TICKET_STATUS_UNSPECIFIED"\)$/),
      'categories[0]: must not be empty',
      'assigneeId: must be a UUID',
      expect.stringMatching(/^trafficLights\[0\]: must be one of SLA_TRAFFIC_LIGHT_GREEN, SLA_TRAFFIC_LIGHT_YELLOW, SLA_TRAFFIC_LIGHT_RED/),
      'page.pageSize: must not be negative',
    ]);
    expect(problems(listTicketsRequestSchema, 'ListTickets', { createdAfter: DUE, createdBefore: DUE })).toBe(
      'createdBefore: must be later than createdAfter',
    );
  });
});

describe('UpdateTicket (updateMask)', () => {
  const base = { id: ID, expectedVersion: 3 };

  it('changes only the masked fields, whatever the others hold', () => {
    const request = { ...base, updateMask: ['summary', 'priority'], summary: 'New summary', priority: 'TICKET_PRIORITY_LOW', customerId: 'ignored' };
    expect(parse(updateTicketRequestSchema, 'UpdateTicket', request)).toEqual({
      id: ID,
      expectedVersion: 3,
      patch: { summary: 'New summary', priority: 'low' },
    });
  });

  it('clears nullable fields with their zero values', () => {
    const request = { ...base, updateMask: ['customer_id', 'contact_id', 'contract_id', 'due_time', 'warning_lead_minutes', 'asset_ids', 'tags'] };
    expect(parse(updateTicketRequestSchema, 'UpdateTicket', request).patch).toEqual({
      customerId: null,
      contactId: null,
      contractId: null,
      dueAt: null,
      warningLeadMinutes: null,
      assetIds: [],
      tags: [],
    });
  });

  it('maps every maskable field', () => {
    const request = {
      ...base,
      updateMask: Object.keys(UPDATE_MASK_FIELDS),
      summary: 'S',
      description: 'D',
      category: 'billing',
      priority: 'TICKET_PRIORITY_CRITICAL',
      customerId: ID,
      contactId: OTHER_ID,
      contractId: ID,
      assetIds: [OTHER_ID],
      tags: ['a', 'b'],
      dueTime: DUE,
      warningLeadMinutes: 15,
    };
    expect(parse(updateTicketRequestSchema, 'UpdateTicket', request).patch).toEqual({
      summary: 'S',
      description: 'D',
      category: 'billing',
      priority: 'critical',
      customerId: ID,
      contactId: OTHER_ID,
      contractId: ID,
      assetIds: [OTHER_ID],
      tags: ['a', 'b'],
      dueAt: DUE_DATE,
      warningLeadMinutes: 15,
    });
  });

  it('treats expectedVersion 0 as not given', () => {
    expect(parse(updateTicketRequestSchema, 'UpdateTicket', { id: ID, updateMask: ['description'] }).expectedVersion).toBeUndefined();
  });

  it('refuses an empty mask', () => {
    expect(problems(updateTicketRequestSchema, 'UpdateTicket', base)).toBe(
      'updateMask: must name at least one field to change (summary, description, category, priority, customer_id, contact_id, contract_id, asset_ids, tags, due_time, warning_lead_minutes)',
    );
  });

  it('names unknown mask entries', () => {
    expect(problems(updateTicketRequestSchema, 'UpdateTicket', { ...base, updateMask: ['summary', 'status', 'customerId'] }).split('; ')).toEqual([
      expect.stringMatching(/^updateMask\[1\]: unknown field "status" \(allowed: summary, /),
      expect.stringMatching(/^updateMask\[2\]: unknown field "customerId" \(allowed: /),
    ]);
  });

  it('validates masked fields by their request names, in mask order', () => {
    const request = { ...base, updateMask: ['summary', 'priority', 'customer_id', 'asset_ids', 'category'], summary: '', customerId: 'x', assetIds: ['y'] };
    expect(problems(updateTicketRequestSchema, 'UpdateTicket', request).split('; ')).toEqual([
      'summary: must not be empty',
      'priority: must be set',
      'customerId: must be a UUID',
      'assetIds[0]: must be a UUID',
      'category: must not be empty',
    ]);
  });

  it('names the id and a negative version', () => {
    expect(problems(updateTicketRequestSchema, 'UpdateTicket', { id: 'T-1', expectedVersion: -1, updateMask: ['summary'] }).split('; ')).toEqual([
      'id: must be a UUID',
      'expectedVersion: must not be negative',
    ]);
  });
});

describe('ChangeStatus', () => {
  it('maps status, resolution and reason', () => {
    const request = { id: ID, expectedVersion: 2, status: 'TICKET_STATUS_RESOLVED', resolution: ' Replaced the fuser ', reason: '' };
    expect(parse(changeStatusRequestSchema, 'ChangeStatus', request)).toEqual({
      id: ID,
      expectedVersion: 2,
      input: { to: 'resolved', resolution: { text: 'Replaced the fuser' }, reason: null },
    });
  });

  it('leaves a missing resolution to the domain and keeps the reason', () => {
    const request = { id: ID, status: 'TICKET_STATUS_PENDING', reason: ' waiting for logs ' };
    expect(parse(changeStatusRequestSchema, 'ChangeStatus', request)).toEqual({
      id: ID,
      expectedVersion: undefined,
      input: { to: 'pending', reason: 'waiting for logs' },
    });
  });

  it('requires the status', () => {
    expect(problems(changeStatusRequestSchema, 'ChangeStatus', { id: ID })).toBe('status: must be set');
  });
});

describe('AssignTicket', () => {
  it('an assignee is a manual assignment; an empty queue keeps the queue', () => {
    expect(parse(assignTicketRequestSchema, 'AssignTicket', { id: ID, assigneeId: OTHER_ID, reason: 'expert' })).toEqual({
      id: ID,
      expectedVersion: undefined,
      input: { assigneeId: OTHER_ID, mode: 'manual', reason: 'expert' },
    });
  });

  it('an empty assignee unassigns, optionally into another queue', () => {
    expect(parse(assignTicketRequestSchema, 'AssignTicket', { id: ID, expectedVersion: 4, queueId: OTHER_ID })).toEqual({
      id: ID,
      expectedVersion: 4,
      input: { assigneeId: null, queueId: OTHER_ID, mode: 'unassigned', reason: null },
    });
  });

  it('names invalid ids', () => {
    expect(problems(assignTicketRequestSchema, 'AssignTicket', { id: '', assigneeId: 'anna', queueId: 'q1' }).split('; ')).toEqual([
      'id: must be set',
      'assigneeId: must be a UUID',
      'queueId: must be a UUID',
    ]);
  });
});

describe('GetHistory and VerifyHistory', () => {
  it('map the id and the page', () => {
    expect(parse(getHistoryRequestSchema, 'GetHistory', { id: ID })).toEqual({ id: ID, page: { size: 50, token: '' } });
    expect(parse(getHistoryRequestSchema, 'GetHistory', { id: ID, page: { pageSize: 10, pageToken: '7' } })).toEqual({
      id: ID,
      page: { size: 10, token: '7' },
    });
    expect(parse(verifyHistoryRequestSchema, 'VerifyHistory', { id: ID })).toEqual({ id: ID });
  });

  it('name a bad id', () => {
    expect(problems(getHistoryRequestSchema, 'GetHistory', { id: 'x' })).toBe('id: must be a UUID');
    expect(problems(verifyHistoryRequestSchema, 'VerifyHistory', {})).toBe('id: must be set');
  });
});
