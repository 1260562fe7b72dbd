import { hostname } from 'node:os';
import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';

/** What {@link createLogger} needs to know. */
export interface CreateLoggerOptions {
  /** The service name, written as `service` on every line. */
  name: string;
  /** Lowest level written; default `info` (LOG_LEVEL). */
  level?: LevelWithSilent;
  /** Where the JSON lines go; default stdout. Tests pass a stream to capture them. */
  destination?: DestinationStream;
}

/**
 * A pino JSON logger. Every line carries `level` (as a word), `time` (ISO 8601), `service`,
 * `pid`, `hostname` and, while a span is active, its `trace_id` and `span_id`, so a log line
 * leads to its trace.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const loggerOptions = {
    level: options.level ?? 'info',
    base: { service: options.name, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: activeTraceFields,
  };
  return options.destination ? pino(loggerOptions, options.destination) : pino(loggerOptions);
}

function activeTraceFields(): Record<string, string> {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
