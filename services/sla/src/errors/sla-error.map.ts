import { status } from '@grpc/grpc-js';
import type { DomainErrorMapper } from '@helpdesk/grpc';
import { SlaError, type SlaErrorCode } from './sla.errors';

function statusOf(code: SlaErrorCode): status {
  switch (code) {
    case 'POLICY_NOT_FOUND':
    case 'CALENDAR_NOT_FOUND':
    case 'TICKET_NOT_FOUND':
      return status.NOT_FOUND;
    case 'ALREADY_EXISTS':
      return status.ALREADY_EXISTS;
    case 'VERSION_CONFLICT':
      return status.ABORTED;
    case 'INVALID_FIELD':
      return status.INVALID_ARGUMENT;
    default:
      return assertNever(code);
  }
}

function assertNever(code: never): never {
  throw new Error(`unmapped SLA error code ${String(code)}`);
}

/** The SLA service's `mapDomainError`: an {@link SlaError} becomes its status; INVALID_FIELD names the field. */
export const mapSlaError: DomainErrorMapper = (error) => {
  if (!(error instanceof SlaError)) return undefined;
  const code = statusOf(error.code);
  return error.field ? { code, message: error.message, violations: [{ field: error.field, description: error.message }] } : { code, message: error.message };
};
