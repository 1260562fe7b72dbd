import type { CallErrorCode } from '../calls/call.errors';

/** The HTTP status a webhook answers for each call error code. */
export function ctiHttpStatus(code: CallErrorCode): number {
  switch (code) {
    case 'CALL_NOT_FOUND':
    case 'CONNECTION_NOT_FOUND':
    case 'CONNECTION_KIND_MISMATCH':
      return 404;
    case 'CALL_ALREADY_ENDED':
      return 409;
    case 'CONNECTION_DISABLED':
      return 403;
    case 'CONNECTION_NAME_TAKEN':
      return 409;
    case 'INVALID_FIELD':
      return 400;
    default:
      return assertNever(code);
  }
}

function assertNever(code: never): never {
  throw new Error(`unmapped call error code ${String(code)}`);
}
