import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { SampledPgInstrumentation } from './sampled-pg-instrumentation';
import { runningTelemetry, startTelemetry } from './start-telemetry';
import { contextFromTraceContext } from './trace-context';
import { withSpan } from './with-span';

/** Stands in for `pg`'s Client: jest's module system bypasses the require hook, so it is patched by hand. */
class FakeClient {
  static readonly sent: string[] = [];
  readonly database = 'helpdesk';
  readonly connectionParameters = { host: '127.0.0.1', port: 5432 };
  query(text: string): Promise<{ rows: unknown[] }> {
    FakeClient.sent.push(text);
    return Promise.resolve({ rows: [] });
  }
  connect(): Promise<void> {
    return Promise.resolve();
  }
}

describe('SampledPgInstrumentation', () => {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor(exporter);
  const instrumented: string[] = [];
  const instrumentation = new SampledPgInstrumentation({ requestHook: (_span, info) => instrumented.push(info.query.text) });

  beforeAll(() => {
    startTelemetry({ serviceName: 'telemetry-test', spanProcessors: [processor], instrumentations: [instrumentation] });
    const pg = instrumentation.getModuleDefinitions().find((definition) => definition.name === 'pg');
    pg?.patch?.({ Client: FakeClient }, '8.23.1');
  });
  afterAll(() => runningTelemetry()?.shutdown());

  it('traces a query under a recording span and runs the others untouched', async () => {
    const client = new FakeClient();
    await withSpan('sampled', {}, () => client.query('select 1'));
    const sampledOut = contextFromTraceContext({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00' });
    await withSpan('sampled out', { parent: sampledOut }, () => client.query('select 2'));
    await client.query('select 3');

    expect(FakeClient.sent).toEqual(['select 1', 'select 2', 'select 3']);
    expect(instrumented).toEqual(['select 1']);
    await processor.forceFlush();
    const spans = exporter.getFinishedSpans();
    const query = spans.find((span) => span.kind === SpanKind.CLIENT);
    const parent = spans.find((span) => span.name === 'sampled');
    expect(spans).toHaveLength(2);
    expect(query?.name).toMatch(/^pg\.query/);
    expect(query?.parentSpanContext?.spanId).toBe(parent?.spanContext().spanId);
  });
});
