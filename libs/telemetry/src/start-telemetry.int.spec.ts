import { isSpanContextValid } from '@opentelemetry/api';
import { runningTelemetry, startTelemetry } from './start-telemetry';
import { currentTraceContext } from './trace-context';
import { withSpan } from './with-span';

// Exporting to an endpoint is covered in register.int.spec.ts, in a real Node process: the OTLP
// exporter loads node:http through a dynamic import(), which jest's sandbox refuses.
describe('startTelemetry', () => {
  afterEach(async () => {
    await runningTelemetry()?.shutdown();
  });

  it('starts without an endpoint: spans get ids for logs and propagation, nothing is exported', async () => {
    const telemetry = startTelemetry({ serviceName: 'telemetry-test', serviceVersion: '0.0.1' });
    expect(runningTelemetry()).toBe(telemetry);
    expect(startTelemetry({ serviceName: 'other' })).toBe(telemetry);

    const { spanContext, carried } = withSpan('work', {}, (span) => ({
      spanContext: span.spanContext(),
      carried: currentTraceContext(),
    }));
    expect(isSpanContextValid(spanContext)).toBe(true);
    expect(carried.traceparent).toBe(`00-${spanContext.traceId}-${spanContext.spanId}-01`);

    await telemetry.shutdown();
    await telemetry.shutdown();
    expect(runningTelemetry()).toBeUndefined();
    expect(withSpan('after', {}, () => currentTraceContext())).toEqual({});
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
