import { applyDecorators, Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { GrpcAuthInterceptor } from './auth/grpc-auth.interceptor';
import { GrpcErrorFilter } from './errors/grpc-error.filter';
import { GrpcTracingInterceptor } from './tracing/grpc-tracing.interceptor';

/**
 * Marks a Nest controller as a gRPC service implementation: every RPC gets a SERVER span,
 * bearer-token auth with {@link Roles} checks (`callerFrom(metadata)` in the handler), and error
 * mapping to gRPC statuses. Use instead of `@Controller()`; needs `GrpcModule.forRoot` in the app.
 * Applied per controller rather than globally so that the HTTP side of a hybrid app is untouched.
 */
export function GrpcController(): ClassDecorator {
  return applyDecorators(
    Controller(),
    UseInterceptors(GrpcTracingInterceptor, GrpcAuthInterceptor),
    UseFilters(GrpcErrorFilter),
  );
}
