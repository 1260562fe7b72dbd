/**
 * Why a call operation was refused. Mapped once per transport: gRPC in
 * `errors/telephony-error.map.ts`, HTTP in `cti/cti-http-status.ts`.
 * CALL_NOT_FOUND: no such call (unknown id, or an answer/hangup for a callId never started);
 * CALL_ALREADY_ENDED: an answer after the end (out of order);
 * CONNECTION_NOT_FOUND, CONNECTION_DISABLED, CONNECTION_KIND_MISMATCH, CONNECTION_NAME_TAKEN: PBX connections;
 * INVALID_FIELD: bad input naming the field.
 */
export type CallErrorCode =
  | 'CALL_NOT_FOUND'
  | 'CALL_ALREADY_ENDED'
  | 'CONNECTION_NOT_FOUND'
  | 'CONNECTION_DISABLED'
  | 'CONNECTION_KIND_MISMATCH'
  | 'CONNECTION_NAME_TAKEN'
  | 'INVALID_FIELD';

/** Every {@link CallErrorCode}, for the tests that walk the mappings. */
export const CALL_ERROR_CODES: readonly CallErrorCode[] = [
  'CALL_NOT_FOUND',
  'CALL_ALREADY_ENDED',
  'CONNECTION_NOT_FOUND',
  'CONNECTION_DISABLED',
  'CONNECTION_KIND_MISMATCH',
  'CONNECTION_NAME_TAKEN',
  'INVALID_FIELD',
];

/** A refused call or connection operation. */
export class CallError extends Error {
  override readonly name = 'CallError';

  constructor(
    readonly code: CallErrorCode,
    message: string,
    /** The request field at fault, for INVALID_FIELD. */
    readonly field?: string,
  ) {
    super(field ? `${field}: ${message}` : message);
  }
}
