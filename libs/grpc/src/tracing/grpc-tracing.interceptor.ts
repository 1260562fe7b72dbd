import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { finalize, tap, type Observable } from 'rxjs';
import { platformMetrics } from '@helpdesk/telemetry';
import { callState } from '../call-state';
import { grpcStatusOf } from '../errors/grpc-status';
import { grpcCallOf, isGrpcContext } from '../grpc-call';
import { GRPC_MODULE_OPTIONS, type GrpcModuleOptions } from '../grpc-module-options';
import { metadataGetter } from './metadata-getter';

/** Name of the tracer that records gRPC server spans. */
export const GRPC_TRACER_NAME = 'helpdesk-grpc';

// Statuses that mean the server failed (OpenTelemetry RPC conventions); the rest are the caller's.
const SERVER_FAULTS = new Set<number>([
  status.UNKNOWN,
  status.DEADLINE_EXCEEDED,
  status.UNIMPLEMENTED,
  status.INTERNAL,
  status.UNAVAILABLE,
  status.DATA_LOSS,
]);

/**
 * Opens a SERVER span per RPC, child of the `traceparent` sent by the client (or of the active
 * context), and runs the rest of the call — auth, handler, outbox writes — inside it, so code in
 * the handler sees it as the active span.
 */
@Injectable()
export class GrpcTracingInterceptor implements NestInterceptor {
  constructor(@Inject(GRPC_MODULE_OPTIONS) private readonly options: GrpcModuleOptions) {}

  intercept(executionContext: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!isGrpcContext(executionContext)) return next.handle();
    const { metadata, path } = grpcCallOf(executionContext);
    const parent = propagation.extract(context.active(), metadata, metadataGetter);
    const [service = path, method = ''] = path.split('/');
    const span = trace.getTracer(GRPC_TRACER_NAME).startSpan(
      path,
      { kind: SpanKind.SERVER, attributes: { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method } },
      parent,
    );
    callState(metadata).spanContext = span.spanContext();
    const stopTimer = platformMetrics().grpcRequestDurationSeconds.startTimer({ method: `/${path}` });
    let code: number = status.OK;
    return context.with(trace.setSpan(parent, span), () => next.handle()).pipe(
      tap({
        complete: () => span.setAttribute('rpc.grpc.status_code', status.OK),
        error: (error: unknown) => {
          code = this.recordFailure(span, error);
        },
      }),
      finalize(() => {
        stopTimer({ code: status[code] });
        span.end();
      }),
    );
  }

  private recordFailure(span: Span, error: unknown): number {
    const { code } = grpcStatusOf(error, this.options.mapDomainError);
    span.setAttribute('rpc.grpc.status_code', code);
    if (!SERVER_FAULTS.has(code)) return code;
    if (error instanceof Error) span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: status[code] });
    return code;
  }
}
