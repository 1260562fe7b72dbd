import { status } from '@grpc/grpc-js';
import type { DomainErrorMapper, GrpcStatusMapping } from '@helpdesk/grpc';
import { TicketError, type TicketErrorCode } from '../tickets/ticket.errors';

/**
 * The gRPC status of each ticket error code. An unknown ticket and one outside a customer's
 * scope are both NOT_FOUND; a stale `expected_version` is ABORTED (reload and retry, as the
 * gRPC status guide says for read-modify-write conflicts); rules of the ticket's current state
 * are FAILED_PRECONDITION.
 */
export function ticketErrorStatus(code: TicketErrorCode): status {
  switch (code) {
    case 'TICKET_NOT_FOUND':
    case 'AGENT_NOT_FOUND':
    case 'QUEUE_NOT_FOUND':
    case 'WORK_ENTRY_NOT_FOUND':
    case 'TASK_NOT_FOUND':
    case 'ATTACHMENT_NOT_FOUND':
    case 'CUSTOMER_NOT_FOUND':
    case 'CONTACT_NOT_FOUND':
    case 'CONTRACT_NOT_FOUND':
    case 'ASSET_NOT_FOUND':
      return status.NOT_FOUND;
    case 'INVALID_FIELD':
      return status.INVALID_ARGUMENT;
    case 'VERSION_CONFLICT':
      return status.ABORTED;
    case 'QUEUE_KEY_TAKEN':
    case 'DIRECTORY_KEY_TAKEN':
      return status.ALREADY_EXISTS;
    case 'TRANSITION_NOT_ALLOWED':
    case 'REOPEN_WINDOW_PASSED':
    case 'RESOLUTION_REQUIRED':
    case 'TICKET_CLOSED':
    case 'TICKET_ALREADY_ASSIGNED':
    case 'AGENT_NOT_AVAILABLE':
    case 'WORK_ENTRY_ALREADY_VOIDED':
    case 'WORK_ENTRY_NOT_VOIDABLE':
    case 'TASK_ALREADY_COMPLETED':
    case 'LINK_CYCLE':
    case 'LINK_CONFLICT':
    case 'ATTACHMENT_CONTENT_NOT_STORED':
      return status.FAILED_PRECONDITION;
    default:
      return assertNever(code);
  }
}

/**
 * The ticket service's `mapDomainError` for `GrpcModule.forRoot`: a {@link TicketError} becomes
 * its status with the error's message; INVALID_ARGUMENT also names the field in a BadRequest
 * detail, like a failed request validation. Other errors are left to the next mapping.
 */
export const mapTicketError: DomainErrorMapper = (error): GrpcStatusMapping | undefined => {
  if (!(error instanceof TicketError)) return undefined;
  const code = ticketErrorStatus(error.code);
  if (code !== status.INVALID_ARGUMENT || error.field === undefined) return { code, message: error.message };
  const prefix = `${error.field}: `;
  const description = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return { code, message: error.message, violations: [{ field: error.field, description }] };
};

function assertNever(code: never): never {
  throw new Error(`ticket error code ${String(code)} has no gRPC status`);
}
