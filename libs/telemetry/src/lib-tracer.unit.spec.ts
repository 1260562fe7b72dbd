import { startTestTracing } from './test-tracing';
import { withSpan } from './with-span';

describe('the tracer withSpan uses', () => {
  it('follows a newly registered tracer provider instead of the one it was first taken from', async () => {
    const first = startTestTracing();
    withSpan('first', {}, () => undefined);
    await first.shutdown();
    withSpan('unregistered', {}, () => undefined);

    const second = startTestTracing();
    try {
      withSpan('second', {}, () => undefined);
      expect(second.spans().map((span) => span.name)).toEqual(['second']);
    } finally {
      await second.shutdown();
    }
  });
});
