import { status } from '@grpc/grpc-js';
import type { DomainErrorMapper, GrpcStatusMapping } from '@helpdesk/grpc';
import { BillingError, type BillingErrorCode } from './billing.errors';

/** The gRPC status of each billing error code. */
export function billingErrorStatus(code: BillingErrorCode): status {
  switch (code) {
    case 'PLAN_NOT_FOUND':
    case 'STATEMENT_NOT_FOUND':
      return status.NOT_FOUND;
    case 'PLAN_EXISTS':
    case 'PACKAGE_EXISTS':
      return status.ALREADY_EXISTS;
    case 'PLAN_VERSION_NOT_LATER':
      return status.FAILED_PRECONDITION;
    case 'INVALID_FIELD':
      return status.INVALID_ARGUMENT;
    default:
      return assertNever(code);
  }
}

/** `mapDomainError` for `GrpcModule.forRoot`: a {@link BillingError} becomes its status (INVALID_ARGUMENT names the field). */
export const mapBillingError: DomainErrorMapper = (error): GrpcStatusMapping | undefined => {
  if (!(error instanceof BillingError)) return undefined;
  const code = billingErrorStatus(error.code);
  if (code !== status.INVALID_ARGUMENT || error.field === undefined) return { code, message: error.message };
  return { code, message: error.message, violations: [{ field: error.field, description: error.message }] };
};

function assertNever(value: never): never {
  throw new Error(`unmapped billing error code ${String(value)}`);
}
