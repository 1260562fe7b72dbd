import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { defaultInstrumentations, type TelemetryInstrumentation } from './default-instrumentations';
import { otlpTracesUrl } from './otlp-traces-url';

/** What {@link startTelemetry} needs to know. */
export interface TelemetryOptions {
  /** `service.name` resource attribute, e.g. `ticket`. */
  serviceName: string;
  /** `service.version` resource attribute; left out when unset. */
  serviceVersion?: string;
  /**
   * OTLP/HTTP base endpoint (OTEL_EXPORTER_OTLP_ENDPOINT), e.g. `http://collector:4318`; spans are
   * posted to `<endpoint>/v1/traces`. Unset (and no `spanProcessors`): spans get ids (logs,
   * propagation over NATS and gRPC) but are not exported, and SQL queries get no spans.
   */
  otlpEndpoint?: string;
  /**
   * Where finished spans go instead of the OTLP exporter; turns tracing on like an endpoint does.
   * For tests and tools, e.g. a `SimpleSpanProcessor` into an `InMemorySpanExporter`.
   */
  spanProcessors?: SpanProcessor[];
  /** Replaces the default pg, gRPC and HTTP instrumentations; `[]` instruments nothing. */
  instrumentations?: TelemetryInstrumentation[];
}

/** A running telemetry SDK. */
export interface TelemetryHandle {
  /** The `service.name` it reports. */
  readonly serviceName: string;
  /**
   * Flushes pending spans, stops the SDK, removes the instrumentations' patches and unregisters
   * the global tracer, context manager and propagator. Safe to call more than once.
   */
  shutdown(): Promise<void>;
}

// On globalThis rather than in a module variable, so the preload (dist/register.js) and a
// service's own import of this lib agree on one SDK even if they load different copies.
const RUNNING = Symbol.for('helpdesk.telemetry.running');
type TelemetryGlobal = typeof globalThis & { [RUNNING]?: TelemetryHandle };

/** The telemetry started in this process (by the preload or by {@link startTelemetry}), if any. */
export function runningTelemetry(): TelemetryHandle | undefined {
  return (globalThis as TelemetryGlobal)[RUNNING];
}

/**
 * Starts the OpenTelemetry NodeSDK: W3C trace-context propagation, an AsyncLocalStorage context
 * manager, resource attributes, the sampler from OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG
 * (default: parent-based always-on) and the instrumentations. With an exporter (`otlpEndpoint` or
 * `spanProcessors`) spans are exported. Without one, spans still get ids — every user action
 * stays one trace across the services, in the log lines and in the events' `traceparent` — but go
 * nowhere, so the default instrumentations leave out the one span per SQL query, which was most of
 * OpenTelemetry's 4–5 % of the gateway's and the ticket service's CPU profiles. Instrumentation
 * only patches modules loaded after this call, so services start it from the preload (`node
 * --require @helpdesk/telemetry/register`). A second call while telemetry runs returns the
 * running handle.
 */
export function startTelemetry(options: TelemetryOptions): TelemetryHandle {
  const running = runningTelemetry();
  if (running) return running;

  let stopping: Promise<void> | undefined;
  const destination = spanDestination(options);
  const stopTracing = destination
    ? startTracing(options, destination, options.instrumentations ?? defaultInstrumentations({ sql: true }))
    : startTracing(options, { spanProcessors: [new NoopSpanProcessor()] }, options.instrumentations ?? defaultInstrumentations({ sql: false }));
  const handle: TelemetryHandle = {
    serviceName: options.serviceName,
    shutdown: () => (stopping ??= stop(stopTracing, handle)),
  };
  (globalThis as TelemetryGlobal)[RUNNING] = handle;
  return handle;
}

type SpanDestination = Pick<NodeSDKConfiguration, 'spanProcessors'> | Pick<NodeSDKConfiguration, 'traceExporter'>;

/** Where spans go: the given processors, else the OTLP exporter; none means nowhere (ids only). */
function spanDestination(options: TelemetryOptions): SpanDestination | undefined {
  if (options.spanProcessors?.length) return { spanProcessors: options.spanProcessors };
  if (options.otlpEndpoint) return { traceExporter: new OTLPTraceExporter({ url: otlpTracesUrl(options.otlpEndpoint) }) };
  return undefined;
}

/** Starts the NodeSDK; returns how to flush and stop it again. */
function startTracing(options: TelemetryOptions, destination: SpanDestination, instrumentations: TelemetryInstrumentation[]): () => Promise<void> {
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    resource: defaultResource().merge(resourceFromAttributes(resourceAttributes(options))),
    textMapPropagator: new W3CTraceContextPropagator(),
    instrumentations,
    ...destination,
    // Metrics go through prom-client and logs through pino; empty lists keep the SDK from
    // falling back to its OTLP defaults for those signals.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return async () => {
    try {
      await sdk.shutdown();
    } finally {
      for (const instrumentation of instrumentations.flat()) instrumentation.disable();
      trace.disable();
      context.disable();
      propagation.disable();
    }
  };
}

function resourceAttributes(options: TelemetryOptions): Record<string, string> {
  const attributes: Record<string, string> = { [ATTR_SERVICE_NAME]: options.serviceName };
  if (options.serviceVersion) attributes[ATTR_SERVICE_VERSION] = options.serviceVersion;
  return attributes;
}

async function stop(stopTracing: () => void | Promise<void>, handle: TelemetryHandle): Promise<void> {
  try {
    await stopTracing();
  } finally {
    const state = globalThis as TelemetryGlobal;
    if (state[RUNNING] === handle) delete state[RUNNING];
  }
}
