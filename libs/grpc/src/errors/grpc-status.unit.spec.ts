import { status } from '@grpc/grpc-js';
import { AuthError } from '@helpdesk/auth';
import { GrpcNotFoundException, RpcException } from '@nestjs/microservices';
import { DomainError } from './domain-error';
import { grpcStatusOf, INTERNAL_ERROR_MESSAGE, type DomainErrorMapper } from './grpc-status';
import { RequestValidationError } from './request-validation.error';

type TicketErrorCode = 'TICKET_NOT_FOUND' | 'TRANSITION_NOT_ALLOWED';
class TicketError extends DomainError<TicketErrorCode> {}

function assertNever(value: never): never {
  throw new Error(`unmapped: ${String(value)}`);
}

// The shape every service writes: one exhaustive switch over its code union.
const mapTicketError: DomainErrorMapper = (error) => {
  if (!(error instanceof TicketError)) return undefined;
  switch (error.code) {
    case 'TICKET_NOT_FOUND':
      return { code: status.NOT_FOUND, message: error.message };
    case 'TRANSITION_NOT_ALLOWED':
      return { code: status.FAILED_PRECONDITION, message: error.message };
    default:
      return assertNever(error.code);
  }
};

describe('grpcStatusOf', () => {
  it('maps auth errors to UNAUTHENTICATED and PERMISSION_DENIED', () => {
    expect(grpcStatusOf(AuthError.unauthenticated('token expired'))).toEqual({
      code: status.UNAUTHENTICATED,
      message: 'token expired',
      expected: true,
    });
    expect(grpcStatusOf(AuthError.permissionDenied('role agent may not call X'))).toMatchObject({
      code: status.PERMISSION_DENIED,
    });
  });

  it('maps validation errors to INVALID_ARGUMENT with their violations', () => {
    const error = new RequestValidationError([{ field: 'summary', description: 'must not be empty' }]);
    expect(grpcStatusOf(error)).toEqual({
      code: status.INVALID_ARGUMENT,
      message: 'summary: must not be empty',
      violations: [{ field: 'summary', description: 'must not be empty' }],
      expected: true,
    });
  });

  it('maps every code of a domain error union through the service map', () => {
    const codes: Record<TicketErrorCode, status> = {
      TICKET_NOT_FOUND: status.NOT_FOUND,
      TRANSITION_NOT_ALLOWED: status.FAILED_PRECONDITION,
    };
    for (const [code, expected] of Object.entries(codes) as [TicketErrorCode, status][]) {
      expect(grpcStatusOf(new TicketError(code, `because ${code}`), mapTicketError)).toEqual({
        code: expected,
        message: `because ${code}`,
        expected: true,
      });
    }
  });

  it('keeps the field violations a service map gives for a domain error', () => {
    const violations = [{ field: 'category', description: 'must be one of technical, other' }];
    const mapper: DomainErrorMapper = (error) =>
      error instanceof TicketError ? { code: status.INVALID_ARGUMENT, message: error.message, violations } : undefined;
    expect(grpcStatusOf(new TicketError('TICKET_NOT_FOUND', 'category: must be one of technical, other'), mapper)).toEqual({
      code: status.INVALID_ARGUMENT,
      message: 'category: must be one of technical, other',
      violations,
      expected: true,
    });
  });

  it('keeps statuses of Nest gRPC exceptions', () => {
    expect(grpcStatusOf(new GrpcNotFoundException('no such ticket'))).toMatchObject({ code: status.NOT_FOUND, message: 'no such ticket' });
    expect(grpcStatusOf(new RpcException({ code: status.ABORTED, message: 'retry' }))).toMatchObject({ code: status.ABORTED });
  });

  it('hides everything else behind INTERNAL', () => {
    for (const error of [new Error('secret'), new TicketError('TICKET_NOT_FOUND', 'unmapped here'), 'a string', new RpcException('plain')]) {
      expect(grpcStatusOf(error)).toEqual({ code: status.INTERNAL, message: INTERNAL_ERROR_MESSAGE, expected: false });
    }
  });
});
