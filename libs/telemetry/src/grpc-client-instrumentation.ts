import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';

/** The part of `@grpc/grpc-js`'s exports this file touches. */
interface GrpcServerExports {
  readonly Server: { readonly prototype: object };
}

function hasServer(moduleExports: unknown): moduleExports is GrpcServerExports {
  return typeof moduleExports === 'object' && moduleExports !== null && 'Server' in moduleExports;
}

function serverPrototype(moduleExports: GrpcServerExports): Record<'register', unknown> {
  return moduleExports.Server.prototype as Record<'register', unknown>;
}

/**
 * The OpenTelemetry gRPC instrumentation for outgoing calls only: CLIENT spans and `traceparent`
 * injected into the metadata, as before. Incoming calls are traced by `@helpdesk/grpc`'s
 * interceptor, which opens the one SERVER span of a call (continuing the caller's trace) and
 * runs the handler, and so the outbox writes, inside it. The instrumentation's own server patch
 * added a second SERVER span to every call — every call showed twice in a trace, and on the
 * ticket service's CreateTicket path that span, its context switch and its metadata capture were
 * measurable CPU per call — so its `Server.prototype.register` patch is taken off again.
 */
export class GrpcClientInstrumentation extends GrpcInstrumentation {
  override init(): ReturnType<GrpcInstrumentation['init']> {
    return super.init().map((definition) => {
      const patch = definition.patch;
      if (!patch) return definition;
      definition.patch = (moduleExports, moduleVersion) => {
        const patched: unknown = patch(moduleExports, moduleVersion);
        if (hasServer(moduleExports)) this._unwrap(serverPrototype(moduleExports), 'register');
        return patched;
      };
      const unpatch = definition.unpatch;
      if (unpatch) {
        // The inherited unpatch unwraps `register` too; with nothing wrapped there shimmer logs
        // "no original to unwrap to" at every shutdown, so hand it an identity wrapper to take off.
        definition.unpatch = (moduleExports, moduleVersion) => {
          if (hasServer(moduleExports)) this._wrap(serverPrototype(moduleExports), 'register', (original: unknown) => original);
          unpatch(moduleExports, moduleVersion);
        };
      }
      return definition;
    });
  }
}
