/** One invalid field of a request: `{ field: 'summary', description: 'must not be empty' }`. */
export interface FieldViolation {
  /** Path of the field in the request message, dotted with `[i]` for list items (`items[0].name`). */
  readonly field: string;
  /** What is wrong with it, phrased to follow the field name. */
  readonly description: string;
}

/**
 * A request that failed validation. Becomes `INVALID_ARGUMENT` with the message
 * `summary: must not be empty` (violations joined by `; `) and a `google.rpc.BadRequest` detail.
 */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';

  constructor(readonly violations: readonly FieldViolation[]) {
    super(violations.map((v) => `${v.field}: ${v.description}`).join('; '));
  }
}
