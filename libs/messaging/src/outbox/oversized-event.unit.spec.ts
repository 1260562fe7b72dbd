import { JetStreamApiError } from '@nats-io/jetstream';
import { errors, InvalidArgumentError, RequestError, TimeoutError } from '@nats-io/nats-core';
import { oversizedByError, oversizedByServerLimit } from './oversized-event';

describe('oversizedByServerLimit', () => {
  it('refuses an envelope whose UTF-8 bytes exceed max_payload, counting multi-byte characters', () => {
    expect(oversizedByServerLimit('x'.repeat(4_097), 4_096)).toEqual({
      sizeBytes: 4_097,
      reason: "payload of 4097 bytes exceeds the NATS server's max_payload of 4096 bytes (not sent)",
    });
    // 2,000 characters but 4,000 bytes.
    expect(oversizedByServerLimit('ü'.repeat(2_000), 3_999)?.sizeBytes).toBe(4_000);
  });

  it('lets through what fits, and decides nothing without server info', () => {
    expect(oversizedByServerLimit('x'.repeat(4_096), 4_096)).toBeUndefined();
    expect(oversizedByServerLimit('ü'.repeat(2_000), 4_000)).toBeUndefined();
    expect(oversizedByServerLimit('x'.repeat(10_000), undefined)).toBeUndefined();
  });
});

describe('oversizedByError', () => {
  it("recognises nats.js's max_payload refusal and JetStream's max_msg_size refusal", () => {
    // The exact errors nats.js 3.4 raises (checked against nats-server 2.9 with max_payload: 4096 and a stream with max_msg_size).
    const payload = InvalidArgumentError.format('payload', 'max_payload size exceeded');
    expect(oversizedByError(payload, 'x'.repeat(4_090), 4_096)).toEqual({
      sizeBytes: 4_090,
      reason: "payload of 4090 bytes plus headers exceeds the NATS server's max_payload of 4096 bytes: 'payload' max_payload size exceeded",
    });
    const stream = new JetStreamApiError({ code: 400, err_code: 10054, description: 'message size exceeds maximum allowed' });
    expect(oversizedByError(stream, 'x'.repeat(3_000), 4_096)?.reason).toBe(
      'JetStream refused the payload of 3000 bytes (stream max_msg_size): message size exceeds maximum allowed',
    );
  });

  it('leaves every other failure to the retry', () => {
    for (const error of [
      new TimeoutError(),
      new RequestError('no responders', { cause: new errors.NoRespondersError('subject') }),
      new errors.ClosedConnectionError(),
      InvalidArgumentError.format('headers', 'are not available on this server'),
      new JetStreamApiError({ code: 503, err_code: 10077, description: 'maximum messages exceeded' }),
      new Error('max_payload'),
    ]) {
      expect(oversizedByError(error, 'x', 4_096)).toBeUndefined();
    }
  });
});
