import { isSpanContextValid } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { defaultInstrumentations } from './default-instrumentations';
import { SampledPgInstrumentation } from './sampled-pg-instrumentation';
import { runningTelemetry, startTelemetry } from './start-telemetry';
import { contextFromTraceContext, currentTraceContext } from './trace-context';
import { withSpan } from './with-span';

// Exporting to an endpoint is covered in register.int.spec.ts, in a real Node process: the OTLP
// exporter loads node:http through a dynamic import(), which jest's sandbox refuses. Here an
// in-memory exporter stands in for it.
describe('startTelemetry', () => {
  const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
  const sampledCaller = `00-${callerTrace}-00f067aa0ba902b7-01`;
  const savedEnv = { ...process.env };

  afterEach(async () => {
    await runningTelemetry()?.shutdown();
    process.env = { ...savedEnv };
  });

  /** Starts telemetry exporting into memory; `finished()` waits for the pending exports. */
  function startInMemory(): { finished(): Promise<string[]>; finishedSpans(): Promise<ReadableSpan[]> } {
    const exporter = new InMemorySpanExporter();
    // The resource detectors resolve asynchronously; the processor exports once they have.
    const processor = new SimpleSpanProcessor(exporter);
    startTelemetry({ serviceName: 'telemetry-test', spanProcessors: [processor], instrumentations: [] });
    const finishedSpans = async () => {
      await processor.forceFlush();
      return exporter.getFinishedSpans();
    };
    return { finishedSpans, finished: async () => (await finishedSpans()).map((span) => span.name) };
  }

  it('without an exporter leaves SQL untraced: the default instrumentations have no pg', () => {
    const names = (sql: boolean) => defaultInstrumentations({ sql }).flat().map((i) => i.instrumentationName);
    expect(names(true)).toContain(new SampledPgInstrumentation().instrumentationName);
    expect(names(false)).not.toContain(new SampledPgInstrumentation().instrumentationName);
    expect(names(false).length).toBe(names(true).length - 1);
  });

  it('without an exporter still gives every piece of work trace ids, its own or the caller’s, for logs and propagation', async () => {
    const telemetry = startTelemetry({ serviceName: 'telemetry-test', serviceVersion: '0.0.1', instrumentations: [] });
    expect(runningTelemetry()).toBe(telemetry);
    expect(startTelemetry({ serviceName: 'other' })).toBe(telemetry);

    // A user action that arrives without a trace starts one, which its events carry on.
    const own = withSpan('work', {}, (span) => ({ spanContext: span.spanContext(), carried: currentTraceContext() }));
    expect(isSpanContextValid(own.spanContext)).toBe(true);
    expect(own.carried.traceparent).toBe(`00-${own.spanContext.traceId}-${own.spanContext.spanId}-01`);

    // Work that arrives with a trace joins it, across an await (async-local context).
    const joined = await withSpan('consume', { parent: contextFromTraceContext({ traceparent: sampledCaller }) }, async (span) => {
      await Promise.resolve();
      return { traceId: span.spanContext().traceId, carried: currentTraceContext() };
    });
    expect(joined.traceId).toBe(callerTrace);
    expect(joined.carried.traceparent?.startsWith(`00-${callerTrace}-`)).toBe(true);

    await telemetry.shutdown();
    await telemetry.shutdown();
    expect(runningTelemetry()).toBeUndefined();
    expect(withSpan('after', { parent: contextFromTraceContext({ traceparent: sampledCaller }) }, () => currentTraceContext())).toEqual({});
  });

  it('with an exporter records every span (default sampler) with ids for logs and propagation', async () => {
    const exporter = startInMemory();

    const { spanContext, carried } = withSpan('work', {}, (span) => ({ spanContext: span.spanContext(), carried: currentTraceContext() }));
    expect(isSpanContextValid(spanContext)).toBe(true);
    expect(carried.traceparent).toBe(`00-${spanContext.traceId}-${spanContext.spanId}-01`);
    withSpan('consume', { parent: contextFromTraceContext({ traceparent: sampledCaller }) }, () => undefined);

    const spans = await exporter.finishedSpans();
    expect(spans.map((s) => s.name)).toEqual(['work', 'consume']);
    expect(spans[0]?.resource.attributes['service.name']).toBe('telemetry-test');
    expect(spans[1]?.spanContext().traceId).toBe(callerTrace);
  });

  it('with an exporter follows the caller’s sampling decision (parent-based by default)', async () => {
    const exporter = startInMemory();
    const notSampled = `00-${callerTrace}-00f067aa0ba902b7-00`;

    const carried = withSpan('consume', { parent: contextFromTraceContext({ traceparent: notSampled }) }, (span) => {
      expect(span.isRecording()).toBe(false);
      return currentTraceContext();
    });
    expect(carried.traceparent).toMatch(new RegExp(`^00-${callerTrace}-[\\da-f]{16}-00$`));
    expect(await exporter.finished()).toEqual([]);
  });

  it('honours OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG', async () => {
    process.env['OTEL_TRACES_SAMPLER'] = 'always_off';
    let exporter = startInMemory();
    withSpan('dropped', {}, () => undefined);
    expect(await exporter.finished()).toEqual([]);
    await runningTelemetry()?.shutdown();

    process.env['OTEL_TRACES_SAMPLER'] = 'traceidratio';
    process.env['OTEL_TRACES_SAMPLER_ARG'] = '0';
    exporter = startInMemory();
    withSpan('dropped', {}, () => undefined);
    expect(await exporter.finished()).toEqual([]);
    await runningTelemetry()?.shutdown();

    process.env['OTEL_TRACES_SAMPLER_ARG'] = '1';
    exporter = startInMemory();
    withSpan('kept', {}, () => undefined);
    expect(await exporter.finished()).toEqual(['kept']);
  });

  it('starts with an endpoint and shuts down without waiting for the exporter interval', async () => {
    const telemetry = startTelemetry({
      serviceName: 'telemetry-test',
      otlpEndpoint: 'http://127.0.0.1:9/',
      instrumentations: [],
    });
    await telemetry.shutdown();
    expect(runningTelemetry()).toBeUndefined();
  });
});
