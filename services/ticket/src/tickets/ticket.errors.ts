/**
 * Why a ticket operation was refused. The gRPC layer maps each code in one exhaustive switch:
 * TICKET_NOT_FOUND → NOT_FOUND (also for tickets outside a customer's scope, so their existence
 * does not leak), and so are WORK_ENTRY_NOT_FOUND and TASK_NOT_FOUND; INVALID_FIELD →
 * INVALID_ARGUMENT; VERSION_CONFLICT → ABORTED; AGENT_NOT_FOUND and QUEUE_NOT_FOUND → NOT_FOUND;
 * QUEUE_KEY_TAKEN → ALREADY_EXISTS; the directory's CUSTOMER_, CONTACT_, CONTRACT_ and
 * ASSET_NOT_FOUND → NOT_FOUND and DIRECTORY_KEY_TAKEN (a unique number or serial number used by
 * another record) → ALREADY_EXISTS; the others → FAILED_PRECONDITION.
 */
export type TicketErrorCode =
  | 'TICKET_NOT_FOUND'
  | 'TRANSITION_NOT_ALLOWED'
  | 'REOPEN_WINDOW_PASSED'
  | 'RESOLUTION_REQUIRED'
  | 'TICKET_CLOSED'
  | 'VERSION_CONFLICT'
  | 'INVALID_FIELD'
  | 'AGENT_NOT_FOUND'
  | 'QUEUE_NOT_FOUND'
  | 'QUEUE_KEY_TAKEN'
  | 'TICKET_ALREADY_ASSIGNED'
  | 'AGENT_NOT_AVAILABLE'
  | 'WORK_ENTRY_NOT_FOUND'
  | 'WORK_ENTRY_ALREADY_VOIDED'
  | 'WORK_ENTRY_NOT_VOIDABLE'
  | 'TASK_NOT_FOUND'
  | 'TASK_ALREADY_COMPLETED'
  | 'LINK_CYCLE'
  | 'LINK_CONFLICT'
  | 'ATTACHMENT_NOT_FOUND'
  | 'ATTACHMENT_CONTENT_NOT_STORED'
  | 'CUSTOMER_NOT_FOUND'
  | 'CONTACT_NOT_FOUND'
  | 'CONTRACT_NOT_FOUND'
  | 'ASSET_NOT_FOUND'
  | 'DIRECTORY_KEY_TAKEN';

/** Every {@link TicketErrorCode}, for tests that walk the gRPC mapping. */
export const TICKET_ERROR_CODES: readonly TicketErrorCode[] = [
  'TICKET_NOT_FOUND',
  'TRANSITION_NOT_ALLOWED',
  'REOPEN_WINDOW_PASSED',
  'RESOLUTION_REQUIRED',
  'TICKET_CLOSED',
  'VERSION_CONFLICT',
  'INVALID_FIELD',
  'AGENT_NOT_FOUND',
  'QUEUE_NOT_FOUND',
  'QUEUE_KEY_TAKEN',
  'TICKET_ALREADY_ASSIGNED',
  'AGENT_NOT_AVAILABLE',
  'WORK_ENTRY_NOT_FOUND',
  'WORK_ENTRY_ALREADY_VOIDED',
  'WORK_ENTRY_NOT_VOIDABLE',
  'TASK_NOT_FOUND',
  'TASK_ALREADY_COMPLETED',
  'LINK_CYCLE',
  'LINK_CONFLICT',
  'ATTACHMENT_NOT_FOUND',
  'ATTACHMENT_CONTENT_NOT_STORED',
  'CUSTOMER_NOT_FOUND',
  'CONTACT_NOT_FOUND',
  'CONTRACT_NOT_FOUND',
  'ASSET_NOT_FOUND',
  'DIRECTORY_KEY_TAKEN',
];

/** Options of a {@link TicketError}. */
export interface TicketErrorOptions {
  /** The input field at fault (INVALID_FIELD, RESOLUTION_REQUIRED), e.g. `"summary"`. */
  readonly field?: string;
  readonly cause?: unknown;
}

/**
 * The ticket feature's domain error. A plain Error subclass: `DomainError` from `@helpdesk/grpc`
 * is only reachable through that package's entry point, which loads Nest and grpc-js, and domain
 * code stays free of both.
 */
export class TicketError extends Error {
  /** The input field at fault, when there is one. */
  readonly field: string | undefined;

  constructor(
    readonly code: TicketErrorCode,
    message: string,
    options: TicketErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TicketError';
    this.field = options.field;
  }
}

/** An INVALID_FIELD error naming the field: `summary: must not be empty`. */
export function invalidField(field: string, problem: string): TicketError {
  return new TicketError('INVALID_FIELD', `${field}: ${problem}`, { field });
}
