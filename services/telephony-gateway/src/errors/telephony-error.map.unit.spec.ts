import { status } from '@grpc/grpc-js';
import { CALL_ERROR_CODES, CallError } from '../calls/call.errors';
import { ctiHttpStatus } from '../cti/cti-http-status';
import { callErrorStatus, mapCallError } from './telephony-error.map';

describe('call error mappings', () => {
  it.each(CALL_ERROR_CODES)('maps %s to a gRPC status and an HTTP 4xx', (code) => {
    expect(callErrorStatus(code)).not.toBe(status.INTERNAL);
    expect(ctiHttpStatus(code)).toBeGreaterThanOrEqual(400);
    expect(ctiHttpStatus(code)).toBeLessThan(500);
  });

  it('names the field of an INVALID_FIELD error', () => {
    expect(mapCallError(new CallError('INVALID_FIELD', 'is not a phone number', 'from'))).toEqual({
      code: status.INVALID_ARGUMENT,
      message: 'from: is not a phone number',
      violations: [{ field: 'from', description: 'is not a phone number' }],
    });
    expect(mapCallError(new Error('other'))).toBeUndefined();
  });
});
