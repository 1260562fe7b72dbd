/**
 * Thrown by a handler for an event that can never succeed (it refers to something that will
 * never exist, it breaks a business rule): the runner skips the retries and moves the event to
 * the DLQ at once. Any other error is retried with back-off first.
 */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
