import { status } from '@grpc/grpc-js';
import { AuthError, type AuthErrorCode } from '@helpdesk/auth';
import { GrpcException, RpcException } from '@nestjs/microservices';
import { RequestValidationError, type FieldViolation } from './request-validation.error';

/** A gRPC status and the message the client may see. */
export interface GrpcStatusMapping {
  readonly code: status;
  readonly message: string;
  /**
   * For `INVALID_ARGUMENT`: the fields at fault, sent as a `google.rpc.BadRequest` detail, so a
   * domain error naming a field reads like a failed request validation.
   */
  readonly violations?: readonly FieldViolation[];
}

/**
 * A service's map from its domain errors to gRPC statuses; `undefined` for errors it does not
 * own. Write it as one exhaustive `switch (error.code)` ending in `assertNever`, so a new code
 * fails to compile until it is mapped.
 */
export type DomainErrorMapper = (error: unknown) => GrpcStatusMapping | undefined;

/** How an error leaves the server. `expected: false` means a bug: log it, hide its message. */
export interface GrpcErrorStatus extends GrpcStatusMapping {
  readonly expected: boolean;
}

/** The message clients see for unexpected errors. */
export const INTERNAL_ERROR_MESSAGE = 'internal error';

/**
 * Maps any thrown value to the status the client receives: auth errors, request validation,
 * the service's domain errors (through `mapDomainError`), Nest `GrpcException`s and `RpcException`s
 * that carry a numeric `code`; everything else is `INTERNAL` with a generic message.
 */
export function grpcStatusOf(error: unknown, mapDomainError?: DomainErrorMapper): GrpcErrorStatus {
  if (error instanceof AuthError) return { code: authStatus(error.code), message: error.message, expected: true };
  if (error instanceof RequestValidationError) {
    return { code: status.INVALID_ARGUMENT, message: error.message, violations: error.violations, expected: true };
  }
  const mapped = mapDomainError?.(error);
  if (mapped) return { ...mapped, expected: true };
  const rpc = rpcStatus(error);
  if (rpc) return { ...rpc, expected: true };
  return { code: status.INTERNAL, message: INTERNAL_ERROR_MESSAGE, expected: false };
}

function authStatus(code: AuthErrorCode): status {
  switch (code) {
    case 'UNAUTHENTICATED':
      return status.UNAUTHENTICATED;
    case 'PERMISSION_DENIED':
      return status.PERMISSION_DENIED;
    default:
      return assertNever(code);
  }
}

function rpcStatus(error: unknown): GrpcStatusMapping | undefined {
  if (error instanceof GrpcException) {
    // Nest's GrpcStatus and grpc-js's status are the same numbers under two enum types.
    const code: number = error.getCode();
    return { code, message: error.message };
  }
  if (!(error instanceof RpcException)) return undefined;
  const body = error.getError();
  if (typeof body !== 'object' || body === null || !('code' in body)) return undefined;
  const code = body.code;
  if (typeof code !== 'number' || !Number.isInteger(code) || code <= 0 || code > status.UNAUTHENTICATED) return undefined;
  return { code, message: error.message };
}

function assertNever(value: never): never {
  throw new Error(`unhandled value: ${String(value)}`);
}
