import { context, trace } from '@opentelemetry/api';
import { PgInstrumentation, type PgInstrumentationConfig } from '@opentelemetry/instrumentation-pg';

/** The pg methods whose patch only makes (child) spans: a query and a connection checkout. */
const SPAN_ONLY_METHODS = new Set<PropertyKey>(['query', 'connect']);

type Method = (this: unknown, ...args: unknown[]) => unknown;

/**
 * The pg instrumentation, but a query or connect under a span that is not recording (its trace
 * was sampled out, OTEL_TRACES_SAMPLER) runs unpatched. The stock instrumentation only skips
 * when there is no parent at all (`requireParentSpan`); under a sampled-out parent it still
 * parses the SQL, builds attributes, wraps the callbacks and starts a non-recording span for
 * every query — most of its cost, for nothing. With the parent-based samplers (the default) a
 * child of a non-recording span would not be recorded anyway.
 */
export class SampledPgInstrumentation extends PgInstrumentation {
  constructor(config: PgInstrumentationConfig = {}) {
    super({ ...config, requireParentSpan: true });
    const wrap = this._wrap;
    // Reassigned rather than overridden: the base class sets `_wrap` as an instance field.
    this._wrap = (nodule, name, wrapper) => {
      if (!SPAN_ONLY_METHODS.has(name)) return wrap(nodule, name, wrapper);
      return wrap(nodule, name, (original, field) => onlyUnderRecordingSpan(original, wrapper(original, field)));
    };
  }
}

function onlyUnderRecordingSpan<T>(original: T, instrumented: T): T {
  if (typeof original !== 'function' || typeof instrumented !== 'function') return instrumented;
  const plain = original as Method;
  const traced = instrumented as Method;
  const method: Method = function (this: unknown, ...args: unknown[]) {
    return trace.getSpan(context.active())?.isRecording() ? traced.apply(this, args) : plain.apply(this, args);
  };
  return method as T;
}
