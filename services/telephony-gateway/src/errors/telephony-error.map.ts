import { status } from '@grpc/grpc-js';
import type { DomainErrorMapper, GrpcStatusMapping } from '@helpdesk/grpc';
import { CallError, type CallErrorCode } from '../calls/call.errors';

/** The gRPC status of each call error code. */
export function callErrorStatus(code: CallErrorCode): status {
  switch (code) {
    case 'CALL_NOT_FOUND':
    case 'CONNECTION_NOT_FOUND':
      return status.NOT_FOUND;
    case 'INVALID_FIELD':
    case 'CONNECTION_KIND_MISMATCH':
      return status.INVALID_ARGUMENT;
    case 'CONNECTION_NAME_TAKEN':
      return status.ALREADY_EXISTS;
    case 'CALL_ALREADY_ENDED':
    case 'CONNECTION_DISABLED':
      return status.FAILED_PRECONDITION;
    default:
      return assertNever(code);
  }
}

/**
 * The gateway's `mapDomainError`: a {@link CallError} becomes its status; INVALID_ARGUMENT also
 * names the field in a BadRequest detail.
 */
export const mapCallError: DomainErrorMapper = (error): GrpcStatusMapping | undefined => {
  if (!(error instanceof CallError)) return undefined;
  const code = callErrorStatus(error.code);
  if (code !== status.INVALID_ARGUMENT || error.field === undefined) return { code, message: error.message };
  const prefix = `${error.field}: `;
  const description = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return { code, message: error.message, violations: [{ field: error.field, description }] };
};

function assertNever(code: never): never {
  throw new Error(`unmapped call error code ${String(code)}`);
}
