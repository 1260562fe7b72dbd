import { status } from '@grpc/grpc-js';
import { billingErrorStatus, mapBillingError } from './billing-error.map';
import { BillingError, type BillingErrorCode } from './billing.errors';

describe('billing error map', () => {
  it('maps every code', () => {
    const codes: Record<BillingErrorCode, status> = {
      PLAN_NOT_FOUND: status.NOT_FOUND,
      STATEMENT_NOT_FOUND: status.NOT_FOUND,
      PLAN_EXISTS: status.ALREADY_EXISTS,
      PACKAGE_EXISTS: status.ALREADY_EXISTS,
      PLAN_VERSION_NOT_LATER: status.FAILED_PRECONDITION,
      INVALID_FIELD: status.INVALID_ARGUMENT,
    };
    for (const [code, expected] of Object.entries(codes)) expect(billingErrorStatus(code as BillingErrorCode)).toBe(expected);
  });

  it('names the field of INVALID_FIELD and leaves other errors alone', () => {
    expect(mapBillingError(new BillingError('INVALID_FIELD', 'must be later', 'period'))).toEqual({ code: status.INVALID_ARGUMENT, message: 'must be later', violations: [{ field: 'period', description: 'must be later' }] });
    expect(mapBillingError(new Error('x'))).toBeUndefined();
  });
});
