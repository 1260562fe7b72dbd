import { Metadata, status } from '@grpc/grpc-js';
import { signDevToken } from '@helpdesk/auth';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { echoClient, type TestClient } from './support/clients';
import { startEchoApp, TEST_SECRET, type EchoApp } from './support/echo-app';
import { registerInMemoryTracing } from './support/tracing';
import { metricsRegistry } from '@helpdesk/telemetry';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN_ID = '00f067aa0ba902b7';

function spanNamed(spans: ReadableSpan[], name: string): ReadableSpan {
  const span = spans.find((s) => s.name === name);
  if (!span) throw new Error(`no span ${name} among ${spans.map((s) => s.name).join(', ')}`);
  return span;
}

describe('gRPC server spans', () => {
  const tracing = registerInMemoryTracing();
  let app: EchoApp;
  let client: TestClient;

  beforeAll(async () => {
    app = await startEchoApp();
    client = echoClient(app.address);
  });

  afterAll(async () => {
    client.close();
    await app.close();
    await tracing.shutdown();
  });

  beforeEach(() => tracing.exporter.reset());

  async function tracedMetadata(withToken = true): Promise<Metadata> {
    const metadata = new Metadata();
    metadata.set('traceparent', `00-${TRACE_ID}-${CLIENT_SPAN_ID}-01`);
    if (withToken) metadata.set('authorization', `Bearer ${await signDevToken(TEST_SECRET, { subject: 'a', roles: ['agent'] })}`);
    return metadata;
  }

  it('continues the client’s trace and runs the handler inside the SERVER span', async () => {
    const response = await client.call('Echo', { text: 'hi' }, await tracedMetadata());
    const span = spanNamed(tracing.exporter.getFinishedSpans(), 'helpdesk.testing.v1.EchoService/Echo');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.spanContext().traceId).toBe(TRACE_ID);
    expect(span.parentSpanContext?.spanId).toBe(CLIENT_SPAN_ID);
    expect(span.parentSpanContext?.isRemote).toBe(true);
    expect(response).toMatchObject({ trace_id: TRACE_ID, span_id: span.spanContext().spanId });
    expect(span.attributes).toMatchObject({
      'rpc.system': 'grpc',
      'rpc.service': 'helpdesk.testing.v1.EchoService',
      'rpc.method': 'Echo',
      'rpc.grpc.status_code': status.OK,
    });
  });

  it('records the call duration by method and status code', async () => {
    await client.call('Echo', { text: 'hi' }, await tracedMetadata());
    await expect(client.call('Echo', { text: 'hi' }, await tracedMetadata(false))).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    const text = await metricsRegistry.metrics();
    expect(text).toMatch(/helpdesk_grpc_request_duration_seconds_count\{method="\/helpdesk.testing.v1.EchoService\/Echo",code="OK"\} [1-9]/);
    expect(text).toMatch(/helpdesk_grpc_request_duration_seconds_count\{method="\/helpdesk.testing.v1.EchoService\/Echo",code="UNAUTHENTICATED"\} [1-9]/);
  });

  it('starts a new trace when the client sends none', async () => {
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${await signDevToken(TEST_SECRET, { subject: 'a', roles: ['agent'] })}`);
    const response = await client.call('Echo', { text: 'hi' }, metadata);
    const span = spanNamed(tracing.exporter.getFinishedSpans(), 'helpdesk.testing.v1.EchoService/Echo');
    expect(span.parentSpanContext).toBeUndefined();
    expect(response).toMatchObject({ trace_id: span.spanContext().traceId });
  });

  it('traces refused calls with their status code, without marking the span as a server error', async () => {
    await client.fail('Echo', { text: 'hi' }, await tracedMetadata(false));
    const span = spanNamed(tracing.exporter.getFinishedSpans(), 'helpdesk.testing.v1.EchoService/Echo');
    expect(span.spanContext().traceId).toBe(TRACE_ID);
    expect(span.attributes['rpc.grpc.status_code']).toBe(status.UNAUTHENTICATED);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('marks an unexpected error as a server error and logs it with the trace id', async () => {
    app.logged.length = 0;
    await client.fail('Fail', { text: 'boom' }, await tracedMetadata());
    const span = spanNamed(tracing.exporter.getFinishedSpans(), 'helpdesk.testing.v1.EchoService/Fail');
    expect(span.attributes['rpc.grpc.status_code']).toBe(status.INTERNAL);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events.map((e) => e.name)).toContain('exception');
    expect(app.logged[0]?.details['traceId']).toBe(TRACE_ID);
  });
});
