import { startOpsServer } from './ops-server';
import { startTestTracing } from './test-tracing';
import { currentTraceContext, type TraceContext } from './trace-context';

describe('requests the ops server hands to its fallback (webhooks)', () => {
  const tracing = startTestTracing();
  afterAll(() => tracing.shutdown());

  it('run in a SERVER span that continues the caller’s traceparent, or starts a trace without one', async () => {
    const seen: TraceContext[] = [];
    const server = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      readiness: [],
      fallback: (_, response) => {
        // The webhook handler writes its events after awaiting; the context must survive that.
        void Promise.resolve().then(() => {
          seen.push(currentTraceContext());
          response.writeHead(200).end('ok');
        });
      },
    });
    try {
      const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
      const answered = await fetch(`http://127.0.0.1:${server.port}/cti/abc`, { method: 'POST', headers: { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` } });
      await answered.text();
      const alone = await fetch(`http://127.0.0.1:${server.port}/cti/abc`, { method: 'POST' });
      await alone.text();
      expect(seen[0]?.traceparent).toMatch(new RegExp(`^00-${callerTrace}-[\\da-f]{16}-01$`));
      expect(seen[1]?.traceparent).toMatch(/^00-[\da-f]{32}-[\da-f]{16}-01$/);
      expect(seen[1]?.traceparent).not.toContain(callerTrace);
      expect(tracing.spans().filter((s) => s.name === 'POST /cti/abc')).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});
