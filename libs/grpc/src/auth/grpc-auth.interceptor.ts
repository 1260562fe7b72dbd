import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtVerifier, requireRole, type Role } from '@helpdesk/auth';
import type { Observable } from 'rxjs';
import { callState } from '../call-state';
import { grpcCallOf, isGrpcContext, metadataValue } from '../grpc-call';
import { DEFAULT_ALLOWED_ROLES, ROLES_METADATA } from './roles.decorator';

/**
 * Verifies the `authorization: Bearer …` metadata of every gRPC call, checks the method's
 * {@link Roles}, and makes the caller available through `callerFrom(metadata)`. An interceptor
 * rather than a guard so that it runs inside the tracing span: refused calls are traced too.
 */
@Injectable()
export class GrpcAuthInterceptor implements NestInterceptor {
  // Explicit tokens: runners without decorator metadata (tsx, esbuild) must inject correctly too.
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (!isGrpcContext(context)) return next.handle();
    const { metadata, path } = grpcCallOf(context);
    const caller = await this.verifier.verify(metadataValue(metadata, 'authorization'));
    const allowed =
      this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, [context.getHandler(), context.getClass()]) ??
      DEFAULT_ALLOWED_ROLES;
    requireRole(caller, allowed, path);
    callState(metadata).caller = caller;
    return next.handle();
  }
}
