// Tracing: start, test set-up, spans and context across NATS / the outbox.
export { startTelemetry, runningTelemetry } from './start-telemetry';
export type { TelemetryHandle, TelemetryOptions } from './start-telemetry';
export { defaultInstrumentations } from './default-instrumentations';
export type { TelemetryInstrumentation } from './default-instrumentations';
export { SampledPgInstrumentation } from './sampled-pg-instrumentation';
export { telemetryConfigSchema } from './telemetry-config';
export type { TelemetryConfig } from './telemetry-config';
export { startTestTracing } from './test-tracing';
export type { TestTracing } from './test-tracing';
export { currentTraceContext, contextFromTraceContext } from './trace-context';
export type { TraceContext } from './trace-context';
export { withSpan } from './with-span';
export type { WithSpanOptions } from './with-span';
export { MessagingAttribute, MessagingOperationType } from './messaging-attributes';
// Re-exported so other libs use this lib's copy of @opentelemetry/api (see README).
export { SpanKind, SpanStatusCode } from '@opentelemetry/api';
export type { Attributes, Context, Span } from '@opentelemetry/api';
export type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

// Logs.
export { createLogger } from './logger';
export type { CreateLoggerOptions } from './logger';
export type { Logger } from 'pino';

// Metrics.
export { metricsRegistry } from './metrics-registry';
export { platformMetrics } from './platform-metrics';
export type { ConsumerOutcome, PlatformMetrics } from './platform-metrics';

// Ops HTTP endpoints.
export { startOpsServer } from './ops-server';
export type { OpsServer, OpsServerOptions } from './ops-server';
export { runReadinessChecks, DEFAULT_READINESS_TIMEOUT_MS } from './readiness';
export type { ReadinessCheck, ReadinessResult } from './readiness';
