import { trace, type Tracer, type TracerProvider } from '@opentelemetry/api';

const TRACER_NAME = '@helpdesk/telemetry';

let cached: { provider: TracerProvider; tracer: Tracer } | undefined;

/**
 * This lib's tracer from the global tracer provider. Kept per provider rather than looked up per
 * span (the SDK's getTracer builds a key and searches a map each time, ~0.3 % of a gateway's
 * profile); `trace.disable()` replaces the global provider, so a test's next provider gets a
 * fresh tracer instead of one bound to a shut-down provider.
 */
export function libTracer(): Tracer {
  const provider = trace.getTracerProvider();
  if (cached?.provider !== provider) cached = { provider, tracer: provider.getTracer(TRACER_NAME) };
  return cached.tracer;
}
