import { ticketV1 } from '@helpdesk/contracts';
import { parseRequest, RequestValidationError } from '@helpdesk/grpc';
import { linkTicketsRequestSchema, toTicketLinkMessages } from './link.grpc-mapper';

const A = '01936b2e-9a10-7b2c-8d3e-00000000000a';
const B = '01936b2e-9a10-7b2c-8d3e-00000000000b';
const empty = { targetTicketId: '', targetTicketNumber: '', externalSystem: '', externalKind: '', externalValue: '' };

function violations(request: object): Record<string, string> {
  try {
    parseRequest(linkTicketsRequestSchema, request);
  } catch (error) {
    if (error instanceof RequestValidationError) return Object.fromEntries(error.violations.map((v) => [v.field, v.description]));
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('linkTicketsRequestSchema', () => {
  it('reads ticket links by id or by number and external links', () => {
    expect(parseRequest(linkTicketsRequestSchema, { ticketId: A, link: { ...empty, kind: 'LINK_KIND_CHILD', targetTicketId: B } })).toEqual({
      ticketId: A,
      link: { kind: 'child', target: { id: B } },
    });
    expect(parseRequest(linkTicketsRequestSchema, { ticketId: A, link: { ...empty, kind: 'LINK_KIND_DUPLICATED_BY', targetTicketNumber: ' T-100002 ' } })).toEqual({
      ticketId: A,
      link: { kind: 'duplicated_by', target: { number: 'T-100002' } },
    });
    const external = { ...empty, kind: 'LINK_KIND_EXTERNAL', externalSystem: 'erp', externalKind: 'invoice', externalValue: 'RE-2026-0815' };
    expect(parseRequest(linkTicketsRequestSchema, { ticketId: A, link: external })).toEqual({
      ticketId: A,
      link: { kind: 'external', reference: { system: 'erp', kind: 'invoice', value: 'RE-2026-0815' } },
    });
  });

  it('names the field at fault', () => {
    expect(violations({ ticketId: A, link: null })).toEqual({ link: 'must be set' });
    expect(violations({ ticketId: 'x', link: { ...empty, kind: 'LINK_KIND_UNSPECIFIED' } })).toMatchObject({ ticketId: 'must be a UUID', 'link.kind': 'must be set' });
    expect(violations({ ticketId: A, link: { ...empty, kind: 'LINK_KIND_RELATED' } })).toEqual({ 'link.targetTicketId': 'must be set (or targetTicketNumber)' });
    expect(violations({ ticketId: A, link: { ...empty, kind: 'LINK_KIND_RELATED', targetTicketId: 'T-1' } })).toEqual({ 'link.targetTicketId': 'must be a UUID' });
    expect(violations({ ticketId: A, link: { ...empty, kind: 'LINK_KIND_EXTERNAL', externalSystem: 'erp', targetTicketId: B } })).toEqual({
      'link.targetTicketId': 'must be empty for an external link',
      'link.externalKind': 'must be set for an external link',
      'link.externalValue': 'must be set for an external link',
    });
  });
});

describe('toTicketLinkMessages', () => {
  it('lists ticket links, then external documents', () => {
    const messages = toTicketLinkMessages({
      tickets: [{ kind: 'duplicated_by', ticketId: B, number: 'T-100002' }],
      external: [{ system: 'erp', kind: 'order', value: 'SO-1' }],
    });
    expect(messages).toEqual([
      { ...empty, kind: ticketV1.LinkKind.LINK_KIND_DUPLICATED_BY, targetTicketId: B, targetTicketNumber: 'T-100002' },
      { ...empty, kind: ticketV1.LinkKind.LINK_KIND_EXTERNAL, externalSystem: 'erp', externalKind: 'order', externalValue: 'SO-1' },
    ]);
  });
});
