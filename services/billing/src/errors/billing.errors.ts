/** What can go wrong in the billing service's use cases. */
export type BillingErrorCode = 'PLAN_NOT_FOUND' | 'PLAN_EXISTS' | 'PACKAGE_EXISTS' | 'PLAN_VERSION_NOT_LATER' | 'STATEMENT_NOT_FOUND' | 'INVALID_FIELD';

/** A billing domain error; `field` names the request field for INVALID_FIELD. */
export class BillingError extends Error {
  override readonly name = 'BillingError';

  constructor(
    readonly code: BillingErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
