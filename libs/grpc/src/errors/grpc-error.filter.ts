import { Catch, Inject, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { Metadata } from '@grpc/grpc-js';
import { trace } from '@opentelemetry/api';
import { throwError, type Observable } from 'rxjs';
import { callState } from '../call-state';
import { isMetadata, rpcPathOf } from '../grpc-call';
import { GRPC_MODULE_OPTIONS, type GrpcModuleOptions } from '../grpc-module-options';
import { DomainError } from './domain-error';
import { grpcStatusOf } from './grpc-status';
import { badRequestTrailers } from './status-details';

/** The error object grpc-js turns into the status the client receives. */
export interface GrpcStatusError {
  readonly code: number;
  readonly message: string;
  readonly metadata?: Metadata;
}

/**
 * Turns whatever a gRPC handler (or the auth interceptor) threw into a gRPC status: see
 * `grpcStatusOf`. Unexpected errors are logged in full with the trace id; the client gets
 * `INTERNAL` / `internal error`.
 */
@Catch()
export class GrpcErrorFilter implements RpcExceptionFilter<unknown> {
  constructor(@Inject(GRPC_MODULE_OPTIONS) private readonly options: GrpcModuleOptions) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const mapped = grpcStatusOf(exception, this.options.mapDomainError);
    if (!mapped.expected) this.logUnexpected(exception, host);
    const error: GrpcStatusError = mapped.violations
      ? { code: mapped.code, message: mapped.message, metadata: badRequestTrailers(mapped.code, mapped.message, mapped.violations) }
      : { code: mapped.code, message: mapped.message };
    return throwError(() => error);
  }

  private logUnexpected(exception: unknown, host: ArgumentsHost): void {
    const rpc = rpcPathOf(host);
    const metadata: unknown = host.getArgByIndex(1);
    const spanContext = isMetadata(metadata) ? callState(metadata).spanContext : trace.getActiveSpan()?.spanContext();
    const traceId = spanContext?.traceId;
    const message =
      exception instanceof DomainError
        ? `gRPC handler threw unmapped domain error ${exception.code}`
        : 'gRPC handler failed with an unexpected error';
    this.options.logger.error({ err: exception, rpc, traceId }, message);
  }
}
