import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
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
   * posted to `<endpoint>/v1/traces`. Unset: spans are still created (trace ids in logs, context
   * carried over NATS and gRPC) but not exported.
   */
  otlpEndpoint?: string;
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
 * manager, resource attributes, the OTLP/HTTP exporter when an endpoint is given, and the
 * instrumentations. Instrumentation only patches modules loaded after this call, so services
 * start it from the preload (`node --require @helpdesk/telemetry/register`). A second call while
 * telemetry runs returns the running handle unchanged.
 */
export function startTelemetry(options: TelemetryOptions): TelemetryHandle {
  const running = runningTelemetry();
  if (running) return running;

  const instrumentations = options.instrumentations ?? defaultInstrumentations();
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    resource: defaultResource().merge(resourceFromAttributes(resourceAttributes(options))),
    textMapPropagator: new W3CTraceContextPropagator(),
    instrumentations,
    // Without an exporter spans still get ids, which logs and propagation need.
    ...(options.otlpEndpoint
      ? { traceExporter: new OTLPTraceExporter({ url: otlpTracesUrl(options.otlpEndpoint) }) }
      : { spanProcessors: [new NoopSpanProcessor()] }),
    // Metrics go through prom-client and logs through pino; empty lists keep the SDK from
    // falling back to its OTLP defaults for those signals.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();

  let stopping: Promise<void> | undefined;
  const handle: TelemetryHandle = {
    serviceName: options.serviceName,
    shutdown: () => (stopping ??= stop(sdk, instrumentations, handle)),
  };
  (globalThis as TelemetryGlobal)[RUNNING] = handle;
  return handle;
}

function resourceAttributes(options: TelemetryOptions): Record<string, string> {
  const attributes: Record<string, string> = { [ATTR_SERVICE_NAME]: options.serviceName };
  if (options.serviceVersion) attributes[ATTR_SERVICE_VERSION] = options.serviceVersion;
  return attributes;
}

async function stop(sdk: NodeSDK, instrumentations: TelemetryInstrumentation[], handle: TelemetryHandle) {
  try {
    await sdk.shutdown();
  } finally {
    for (const instrumentation of instrumentations.flat()) instrumentation.disable();
    trace.disable();
    context.disable();
    propagation.disable();
    const state = globalThis as TelemetryGlobal;
    if (state[RUNNING] === handle) delete state[RUNNING];
  }
}
