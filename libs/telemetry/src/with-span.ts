import { context, SpanKind, SpanStatusCode, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { libTracer } from './lib-tracer';

/** How {@link withSpan} starts its span. */
export interface WithSpanOptions {
  /** PRODUCER for a publish, CONSUMER for a consume, SERVER for an incoming RPC; default INTERNAL. */
  kind?: SpanKind;
  /** Parent context, e.g. from `contextFromTraceContext`; default the active context. */
  parent?: Context;
  /** Attributes set at start (use the `MessagingAttribute` names for messaging spans). */
  attributes?: Attributes;
}

/**
 * Runs `fn` inside a new active span and ends the span when `fn` returns or, for a promise, when
 * it settles. A throw or rejection is recorded on the span, sets its status to ERROR and is
 * rethrown unchanged. Without registered tracing the span is a no-op and `fn` simply runs.
 */
export function withSpan<T>(name: string, options: WithSpanOptions, fn: (span: Span) => T): T {
  const tracer = libTracer();
  const parent = options.parent ?? context.active();
  const spanOptions = { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes };
  return tracer.startActiveSpan(name, spanOptions, parent, (span) => {
    let result: T;
    try {
      result = fn(span);
    } catch (error) {
      fail(span, error);
      span.end();
      throw error;
    }
    if (!isPromiseLike(result)) {
      span.end();
      return result;
    }
    const settled = Promise.resolve(result).then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        fail(span, error);
        span.end();
        throw error;
      },
    );
    return settled as T;
  });
}

function fail(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
