import { status } from '@grpc/grpc-js';
import type { DomainErrorMapper, GrpcStatusMapping } from '@helpdesk/grpc';
import { MailError, type MailErrorCode } from './mail.errors';

/** The gRPC status of each mail gateway error code. */
export function mailErrorStatus(code: MailErrorCode): status {
  switch (code) {
    case 'MAILBOX_NOT_FOUND':
    case 'MAIL_NOT_FOUND':
    case 'ATTACHMENT_NOT_FOUND':
    case 'DELIVERY_NOT_FOUND':
      return status.NOT_FOUND;
    case 'MAILBOX_ADDRESS_TAKEN':
      return status.ALREADY_EXISTS;
    case 'INVALID_FIELD':
      return status.INVALID_ARGUMENT;
    default:
      return assertNever(code);
  }
}

/** `mapDomainError` for `GrpcModule.forRoot`: INVALID_ARGUMENT names the field in a BadRequest detail. */
export const mapMailError: DomainErrorMapper = (error): GrpcStatusMapping | undefined => {
  if (!(error instanceof MailError)) return undefined;
  const code = mailErrorStatus(error.code);
  if (code !== status.INVALID_ARGUMENT || error.field === undefined) return { code, message: error.message };
  return { code, message: error.message, violations: [{ field: error.field, description: error.message }] };
};

function assertNever(code: never): never {
  throw new Error(`mail error code ${String(code)} has no gRPC status`);
}
