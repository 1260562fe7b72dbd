import { createHash } from 'node:crypto';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { PROTO_ROOT, commonV1, ticketV1 } from '@helpdesk/contracts';
import { DEFAULT_LOADER_OPTIONS } from '@helpdesk/grpc';
import { appendEntries } from '../history/history-chain';
import type { Ticket } from './ticket';
import {
  toActorMessage,
  toGetHistoryResponse,
  toHistoryEntryMessage,
  toListTicketsResponse,
  toTicketMessage,
  toVerifyHistoryResponse,
} from './ticket-responses.grpc-mapper';

const definition = loadSync('helpdesk/ticket/v1/ticket.proto', { ...DEFAULT_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
const ticketService = definition['helpdesk.ticket.v1.TicketService'] as Record<string, MethodDefinition<object, object>>;

// What a client receives: the response encoded by the server and decoded with the loader.
function received(rpc: string, response: object): unknown {
  const method = ticketService[rpc];
  if (!method) throw new Error(`no rpc ${rpc}`);
  return method.responseDeserialize(method.responseSerialize(response));
}

const CREATED = new Date('2026-11-23T10:15:00.000Z');
const UPDATED = new Date('2026-11-23T11:00:00.250Z');
const TICKET_ID = '01936a00-1111-7aaa-8bbb-000000000001';

const bare: Ticket = {
  id: TICKET_ID,
  number: 'T-100234',
  version: 1,
  status: 'new',
  priority: 'normal',
  category: 'other',
  channel: 'email',
  customerId: null,
  contactId: null,
  contractId: null,
  assetIds: [],
  assigneeId: null,
  queueId: null,
  summary: 'Printer jams',
  description: '',
  tags: [],
  dueAt: null,
  warningAt: null,
  slaTrafficLight: null,
  slaOverdue: false,
  resolution: null,
  externalReferences: [],
  createdAt: CREATED,
  updatedAt: CREATED,
  resolvedAt: null,
  closedAt: null,
};

const full: Ticket = {
  ...bare,
  version: 7,
  status: 'closed',
  priority: 'critical',
  category: 'technical',
  channel: 'monitoring',
  customerId: '01936a00-2222-7aaa-8bbb-000000000002',
  contactId: '01936a00-3333-7aaa-8bbb-000000000003',
  contractId: '01936a00-4444-7aaa-8bbb-000000000004',
  assetIds: ['01936a00-5555-7aaa-8bbb-000000000005'],
  assigneeId: '01936a00-6666-7aaa-8bbb-000000000006',
  queueId: '01936a00-7777-7aaa-8bbb-000000000007',
  description: 'E52',
  tags: ['printer', 'vip'],
  dueAt: new Date('2026-11-24T10:15:00.000Z'),
  warningAt: new Date('2026-11-24T09:45:00.000Z'),
  slaTrafficLight: 'red',
  slaOverdue: true,
  resolution: { text: 'Replaced the fuser', code: 'fixed' },
  updatedAt: UPDATED,
  resolvedAt: new Date('2026-11-23T10:45:00.000Z'),
  closedAt: UPDATED,
};

describe('toTicketMessage', () => {
  it('sends null ids as empty strings and null times as unset Timestamps', () => {
    expect(toTicketMessage(bare)).toEqual({
      id: TICKET_ID,
      number: 'T-100234',
      summary: 'Printer jams',
      description: '',
      channel: ticketV1.TicketChannel.TICKET_CHANNEL_EMAIL,
      category: 'other',
      priority: ticketV1.TicketPriority.TICKET_PRIORITY_NORMAL,
      status: ticketV1.TicketStatus.TICKET_STATUS_NEW,
      customerId: '',
      contactId: '',
      contractId: '',
      assetIds: [],
      assigneeId: '',
      queueId: '',
      dueTime: undefined,
      warningTime: undefined,
      slaTrafficLight: ticketV1.SlaTrafficLight.SLA_TRAFFIC_LIGHT_UNSPECIFIED,
      slaOverdue: false,
      tags: [],
      resolution: '',
      resolveTime: undefined,
      closeTime: undefined,
      audit: {
        createTime: { seconds: '1795428900', nanos: 0 },
        createdBy: undefined,
        updateTime: { seconds: '1795428900', nanos: 0 },
        updatedBy: undefined,
        version: 1,
      },
    });
  });

  it('maps every field, and a client receives it unchanged', () => {
    const message = toTicketMessage(full);
    expect(message).toMatchObject({
      channel: 'TICKET_CHANNEL_MONITORING',
      priority: 'TICKET_PRIORITY_CRITICAL',
      status: 'TICKET_STATUS_CLOSED',
      customerId: full.customerId,
      assigneeId: full.assigneeId,
      queueId: full.queueId,
      assetIds: full.assetIds,
      dueTime: { seconds: '1795515300', nanos: 0 },
      warningTime: { seconds: '1795513500', nanos: 0 },
      slaTrafficLight: 'SLA_TRAFFIC_LIGHT_RED',
      slaOverdue: true,
      tags: ['printer', 'vip'],
      resolution: 'Replaced the fuser',
      resolveTime: { seconds: '1795430700', nanos: 0 },
      closeTime: { seconds: '1795431600', nanos: 250_000_000 },
      audit: { updateTime: { seconds: '1795431600', nanos: 250_000_000 }, version: 7 },
    });
    const got = received('GetTicket', { ticket: message }) as { ticket: unknown };
    // The loader fills unset Actors with null where the mapper leaves them undefined.
    expect(got.ticket).toEqual({ ...message, audit: { ...message.audit, createdBy: null, updatedBy: null } });
  });

  it('pages with the next token', () => {
    const response = toListTicketsResponse({ items: [bare, full], nextToken: 'next' });
    expect(response.tickets.map((t) => t.number)).toEqual(['T-100234', 'T-100234']);
    expect(response.page).toEqual({ nextPageToken: 'next' });
  });
});

describe('toHistoryEntryMessage', () => {
  const actor = { kind: 'agent', id: '01936a00-6666-7aaa-8bbb-000000000006', displayName: 'Anna Schmidt' } as const;
  const [created, changed] = appendEntries(
    undefined,
    [
      { kind: 'created', before: {}, after: { summary: 'Printer jams', status: 'new' } },
      { kind: 'status_changed', before: { status: 'new' }, after: { status: 'open', reason: 'triaged' } },
    ],
    { ticketId: TICKET_ID, now: UPDATED, actor },
  );
  if (!created || !changed) throw new Error('expected two entries');

  it('maps seq, time, actor, kind, JSON and hashes', () => {
    expect(toHistoryEntryMessage(changed)).toEqual({
      seq: '2',
      time: { seconds: '1795431600', nanos: 250_000_000 },
      actor: { kind: commonV1.ActorKind.ACTOR_KIND_AGENT, id: actor.id, displayName: 'Anna Schmidt' },
      kind: 'status_changed',
      beforeJson: '{"status":"new"}',
      afterJson: '{"reason":"triaged","status":"open"}',
      prevHash: created.hash,
      hash: changed.hash,
    });
    expect(toHistoryEntryMessage(created).prevHash).toBe('0'.repeat(64));
  });

  it('gives a client what it needs to recompute the hash', () => {
    const message = toHistoryEntryMessage(changed);
    const at = new Date(Number(message.time?.seconds) * 1000 + (message.time?.nanos ?? 0) / 1e6).toISOString();
    const content =
      `{"actor":{"displayName":"${message.actor?.displayName}","id":"${message.actor?.id}","kind":"agent"},"after":${message.afterJson},` +
      `"at":"${at}","before":${message.beforeJson},"kind":"${message.kind}","prevHash":"${message.prevHash}","seq":${message.seq},"ticketId":"${TICKET_ID}"}`;
    expect(createHash('sha256').update(content, 'utf8').digest('hex')).toBe(message.hash);
  });

  it('sends a system actor without id', () => {
    expect(toActorMessage({ kind: 'system', id: null, displayName: 'sla' })).toEqual({ kind: 'ACTOR_KIND_SYSTEM', id: '', displayName: 'sla' });
  });

  it('pages with the next token, and a client receives it unchanged', () => {
    const response = toGetHistoryResponse({ items: [created, changed], nextToken: '' });
    expect(received('GetHistory', response)).toEqual(response);
  });
});

describe('toVerifyHistoryResponse', () => {
  it('reports an intact chain with its length', () => {
    expect(toVerifyHistoryResponse({ ok: true, count: 12 })).toEqual({ intact: true, entryCount: '12', brokenSeq: '0', reason: '' });
  });

  it('reports the first broken entry and why', () => {
    expect(toVerifyHistoryResponse({ ok: false, brokenAt: 5, reason: 'hash_mismatch' })).toEqual({
      intact: false,
      entryCount: '0',
      brokenSeq: '5',
      reason: 'hash_mismatch',
    });
  });
});
