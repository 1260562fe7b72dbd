import { captureStream } from '../test/capture-stream';
import { createLogger } from './logger';
import { startTestTracing } from './test-tracing';
import { withSpan } from './with-span';

describe('createLogger', () => {
  const tracing = startTestTracing();

  afterAll(() => tracing.shutdown());

  it('writes the active span ids, ISO time and the service on every line', async () => {
    const destination = captureStream();
    const logger = createLogger({ name: 'ticket', level: 'debug', destination });

    const ids = await withSpan('handle', {}, async (span) => {
      logger.info({ ticketId: 't-1' }, 'handling');
      await Promise.resolve();
      logger.child({ component: 'relay' }).debug('still inside');
      return span.spanContext();
    });
    logger.info('outside');

    const [first, second, outside] = destination.lines();
    expect(first).toMatchObject({
      level: 'info',
      service: 'ticket',
      msg: 'handling',
      ticketId: 't-1',
      trace_id: ids.traceId,
      span_id: ids.spanId,
    });
    expect(new Date(String(first?.time)).toISOString()).toBe(first?.time);
    expect(second).toMatchObject({ level: 'debug', component: 'relay', trace_id: ids.traceId });
    expect(outside).not.toHaveProperty('trace_id');
    expect(outside).not.toHaveProperty('span_id');
  });

  it('drops lines below the level', () => {
    const destination = captureStream();
    const logger = createLogger({ name: 'sla', level: 'warn', destination });
    logger.info('quiet');
    logger.warn('loud');
    expect(destination.lines().map((line) => line.msg)).toEqual(['loud']);
  });
});
