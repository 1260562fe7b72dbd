import { defineEvent } from '@helpdesk/contracts';
import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { z } from 'zod';
import { EventValidationError } from '../envelope/event-validation.error';
import { traceContextFields } from '../tracing/trace-context';
import { OutboxPublisher } from './outbox-publisher';

const pingedV1 = defineEvent({
  type: 'helpdesk.call.test.pinged.v1',
  domain: 'call',
  description: 'Test event.',
  schema: z.object({ n: z.number() }),
  example: { n: 1 },
});

describe('OutboxPublisher.build', () => {
  const clock = { now: () => new Date('2026-11-23T10:15:00.000Z') };
  let counter = 0;
  const ids = () => `00000000-0000-7000-8000-${String((counter += 1)).padStart(12, '0')}`;
  const publisher = new OutboxPublisher({ service: 'telephony-gateway', clock, ids, events: [pingedV1] });

  it('builds envelopes from definition-typed entries with the injected clock and ids', () => {
    const [event] = publisher.build({ event: pingedV1, subject: 'call-1', data: { n: 7 } });
    expect(event).toMatchObject({
      id: '00000000-0000-7000-8000-000000000001',
      source: 'helpdesk/telephony-gateway',
      type: 'helpdesk.call.test.pinged.v1',
      subject: 'call-1',
      time: '2026-11-23T10:15:00.000Z',
      data: { n: 7 },
    });
    expect(event!.traceparent).toBeUndefined();
  });

  it('resolves plain domain events by type and keeps an explicit time', () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const events = publisher.build([
      { type: 'helpdesk.call.test.pinged.v1', subject: 'a', data: { n: 1 } },
      { type: 'helpdesk.call.test.pinged.v1', subject: 'b', data: { n: 2 }, time: at },
    ]);
    expect(events.map((e) => [e.subject, e.time])).toEqual([
      ['a', '2026-11-23T10:15:00.000Z'],
      ['b', '2026-01-01T00:00:00.000Z'],
    ]);
  });

  it('refuses an unknown type and invalid data', () => {
    expect(() => publisher.build({ type: 'helpdesk.call.test.unknown.v1', data: {} })).toThrow(EventValidationError);
    expect(() => publisher.build({ event: pingedV1, data: { n: 'seven' as unknown as number } })).toThrow(/data\.n: /);
  });
});

describe('traceContextFields', () => {
  it('writes the W3C form of the active span context', () => {
    const ctx = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
    });
    expect(traceContextFields(ctx)).toEqual({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    expect(traceContextFields(ROOT_CONTEXT)).toEqual({});
  });
});

describe('OutboxPublisher.insertStatement', () => {
  const publisher = new OutboxPublisher({ service: 'telephony-gateway', events: [pingedV1] });
  const manager = { connection: { options: {} } } as unknown as Parameters<OutboxPublisher['insertStatement']>[0];

  it('inserts the envelopes as one JSON parameter, only under the given condition when one is given', () => {
    const events = publisher.build({ event: pingedV1, subject: 'call-1', data: { n: 7 } });
    const plain = publisher.insertStatement(manager, events);
    expect(plain.text).not.toContain('WHERE');
    expect(plain.values).toEqual([JSON.stringify(events)]);
    const conditional = publisher.insertStatement(manager, events, 'EXISTS (SELECT 1 FROM s1)');
    expect(conditional.text).toMatch(/WITH ORDINALITY AS e\(doc, n\)\s+WHERE EXISTS \(SELECT 1 FROM s1\)\s+ORDER BY e\.n$/);
  });
});
