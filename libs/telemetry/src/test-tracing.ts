import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** Tracing for tests: every finished span lands in memory at once. */
export interface TestTracing {
  /** The exporter holding the finished spans. */
  readonly exporter: InMemorySpanExporter;
  /** The spans finished so far, oldest first. */
  spans(): ReadableSpan[];
  /** Forgets the finished spans (e.g. in `beforeEach`). */
  reset(): void;
  /** Stops the provider and unregisters the globals; the next {@link startTestTracing} starts afresh. */
  shutdown(): Promise<void>;
}

// Jest gives every spec file its own globalThis, so this makes the registration once per file
// however many modules or hooks ask for it.
const TEST_TRACING = Symbol.for('helpdesk.telemetry.testTracing');
type TestTracingGlobal = typeof globalThis & { [TEST_TRACING]?: TestTracing };

/**
 * Registers, globally, a NodeTracerProvider with a SimpleSpanProcessor into an
 * {@link InMemorySpanExporter}, an AsyncLocalStorage context manager and the W3C trace-context
 * propagator. Idempotent: later calls return the same instance until it is shut down.
 */
export function startTestTracing(): TestTracing {
  const state = globalThis as TestTracingGlobal;
  const existing = state[TEST_TRACING];
  if (existing) return existing;

  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register({
    contextManager: new AsyncLocalStorageContextManager(),
    propagator: new W3CTraceContextPropagator(),
  });

  const tracing: TestTracing = {
    exporter,
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    async shutdown() {
      if (state[TEST_TRACING] === tracing) delete state[TEST_TRACING];
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  state[TEST_TRACING] = tracing;
  return tracing;
}
