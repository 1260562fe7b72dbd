import { status } from '@grpc/grpc-js';
import { grpcStatusOf } from '@helpdesk/grpc';
import { TICKET_ERROR_CODES, TicketError, invalidField, type TicketErrorCode } from '../tickets/ticket.errors';
import { mapTicketError, ticketErrorStatus } from './ticket-error.map';

const EXPECTED: Readonly<Record<TicketErrorCode, status>> = {
  TICKET_NOT_FOUND: status.NOT_FOUND,
  TRANSITION_NOT_ALLOWED: status.FAILED_PRECONDITION,
  REOPEN_WINDOW_PASSED: status.FAILED_PRECONDITION,
  RESOLUTION_REQUIRED: status.FAILED_PRECONDITION,
  TICKET_CLOSED: status.FAILED_PRECONDITION,
  VERSION_CONFLICT: status.ABORTED,
  INVALID_FIELD: status.INVALID_ARGUMENT,
  AGENT_NOT_FOUND: status.NOT_FOUND,
  QUEUE_NOT_FOUND: status.NOT_FOUND,
  QUEUE_KEY_TAKEN: status.ALREADY_EXISTS,
  TICKET_ALREADY_ASSIGNED: status.FAILED_PRECONDITION,
  AGENT_NOT_AVAILABLE: status.FAILED_PRECONDITION,
  WORK_ENTRY_NOT_FOUND: status.NOT_FOUND,
  WORK_ENTRY_ALREADY_VOIDED: status.FAILED_PRECONDITION,
  WORK_ENTRY_NOT_VOIDABLE: status.FAILED_PRECONDITION,
  TASK_NOT_FOUND: status.NOT_FOUND,
  TASK_ALREADY_COMPLETED: status.FAILED_PRECONDITION,
  LINK_CYCLE: status.FAILED_PRECONDITION,
  LINK_CONFLICT: status.FAILED_PRECONDITION,
  ATTACHMENT_NOT_FOUND: status.NOT_FOUND,
  ATTACHMENT_CONTENT_NOT_STORED: status.FAILED_PRECONDITION,
  CUSTOMER_NOT_FOUND: status.NOT_FOUND,
  CONTACT_NOT_FOUND: status.NOT_FOUND,
  CONTRACT_NOT_FOUND: status.NOT_FOUND,
  ASSET_NOT_FOUND: status.NOT_FOUND,
  DIRECTORY_KEY_TAKEN: status.ALREADY_EXISTS,
};

describe('mapTicketError', () => {
  it('lists every code once in TICKET_ERROR_CODES', () => {
    expect([...TICKET_ERROR_CODES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(TICKET_ERROR_CODES.map((code) => [code, EXPECTED[code]] as const))('maps %s to status %i with its message', (code, expected) => {
    expect(ticketErrorStatus(code)).toBe(expected);
    expect(mapTicketError(new TicketError(code, `because ${code}`))).toEqual({ code: expected, message: `because ${code}` });
  });

  it('names the field of an INVALID_FIELD error as a violation', () => {
    expect(mapTicketError(invalidField('category', 'must be one of technical, other (got "x")'))).toEqual({
      code: status.INVALID_ARGUMENT,
      message: 'category: must be one of technical, other (got "x")',
      violations: [{ field: 'category', description: 'must be one of technical, other (got "x")' }],
    });
  });

  it('keeps a field-naming error of another status without violations', () => {
    const error = new TicketError('RESOLUTION_REQUIRED', 'resolving a ticket requires resolution details', { field: 'resolution.text' });
    expect(mapTicketError(error)).toEqual({ code: status.FAILED_PRECONDITION, message: 'resolving a ticket requires resolution details' });
  });

  it('leaves other errors alone, so they end as INTERNAL', () => {
    expect(mapTicketError(new Error('TICKET_NOT_FOUND'))).toBeUndefined();
    expect(grpcStatusOf(new Error('secret'), mapTicketError)).toMatchObject({ code: status.INTERNAL, expected: false });
  });

  it('is what the error filter applies', () => {
    expect(grpcStatusOf(new TicketError('VERSION_CONFLICT', 'stale'), mapTicketError)).toEqual({
      code: status.ABORTED,
      message: 'stale',
      expected: true,
    });
  });
});
