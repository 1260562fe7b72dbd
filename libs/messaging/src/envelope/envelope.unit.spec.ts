import { defineEvent } from '@helpdesk/contracts';
import { z } from 'zod';
import { buildCloudEvent, validateEventData } from './build-cloud-event';
import { decodeCloudEvent } from './decode-cloud-event';
import { EventValidationError } from './event-validation.error';

const taskDoneV1 = defineEvent({
  type: 'helpdesk.ticket.test-task.done.v1',
  domain: 'ticket',
  description: 'Test event.',
  schema: z.object({ taskId: z.uuid(), minutes: z.number().int().nonnegative(), tags: z.array(z.string()).default([]) }),
  example: { taskId: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9f', minutes: 5 },
});

const id = '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e9f';
const time = new Date('2026-11-23T10:15:00.000Z');

describe('buildCloudEvent', () => {
  it('builds a CloudEvents 1.0 envelope naming the service as source', () => {
    const event = buildCloudEvent({ id, service: 'ticket', type: taskDoneV1.type, subject: 't-1', time, trace: {}, data: { a: 1 } });
    expect(event).toEqual({
      specversion: '1.0',
      id,
      source: 'helpdesk/ticket',
      type: 'helpdesk.ticket.test-task.done.v1',
      subject: 't-1',
      time: '2026-11-23T10:15:00.000Z',
      datacontenttype: 'application/json',
      data: { a: 1 },
    });
  });

  it('carries the trace fields when there are any, and omits an absent subject', () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const event = buildCloudEvent({ id, service: 'sla', type: taskDoneV1.type, time, trace: { traceparent, tracestate: 'a=1' }, data: {} });
    expect(event.traceparent).toBe(traceparent);
    expect(event.tracestate).toBe('a=1');
    expect('subject' in event).toBe(false);
  });
});

describe('validateEventData', () => {
  it('returns the parsed data with defaults applied', () => {
    expect(validateEventData(taskDoneV1, { taskId: id, minutes: 3 })).toEqual({ taskId: id, minutes: 3, tags: [] });
  });

  it('names every failing field under data', () => {
    try {
      validateEventData(taskDoneV1, { taskId: 'x', minutes: -1 });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(EventValidationError);
      const refusal = error as EventValidationError;
      expect(refusal.issues.map((i) => i.path)).toEqual(['data.taskId', 'data.minutes']);
      expect(refusal.message).toMatch(/^event helpdesk\.ticket\.test-task\.done\.v1 is invalid: data\.taskId: .+; data\.minutes: /);
    }
  });
});

describe('decodeCloudEvent', () => {
  const valid = buildCloudEvent({ id, service: 'ticket', type: taskDoneV1.type, subject: 't-1', time, trace: {}, data: { taskId: id, minutes: 1 } });

  it('accepts a valid event and returns typed data', () => {
    const decoded = decodeCloudEvent(taskDoneV1, JSON.parse(JSON.stringify(valid)));
    expect(decoded.ok && decoded.event.data).toEqual({ taskId: id, minutes: 1, tags: [] });
  });

  it('refuses a broken envelope, naming the field', () => {
    const decoded = decodeCloudEvent(taskDoneV1, { ...valid, specversion: '0.3', time: 'yesterday' });
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error.issues.map((i) => i.path)).toEqual(['specversion', 'time']);
  });

  it('refuses another event type on the subject', () => {
    const decoded = decodeCloudEvent(taskDoneV1, { ...valid, type: 'helpdesk.ticket.other.v1' });
    expect(!decoded.ok && decoded.error.issues).toEqual([{ path: 'type', message: `expected ${taskDoneV1.type}, got helpdesk.ticket.other.v1` }]);
  });

  it('refuses data that breaks the schema', () => {
    const decoded = decodeCloudEvent(taskDoneV1, { ...valid, data: { taskId: id } });
    expect(!decoded.ok && decoded.error.issues.map((i) => i.path)).toEqual(['data.minutes']);
  });
});
