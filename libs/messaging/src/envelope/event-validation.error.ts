/** One failed check of an event, with the dotted path of the field (`data.priority`). */
export interface EventIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * An event that does not match its contract: thrown at publish (so the caller's transaction
 * rolls back and nothing half-written is committed) and reported to the DLQ at consume.
 * The message names the event type and the first failing field.
 */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';

  constructor(
    /** The event type, or what the message claimed to be. */
    readonly type: string,
    readonly issues: readonly EventIssue[],
  ) {
    super(`event ${type} is invalid: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
  }
}

/** Converts zod issues to {@link EventIssue}s under a path prefix such as `data`. */
export function toEventIssues(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
  prefix?: string,
): EventIssue[] {
  return issues.map((issue) => ({
    path: [...(prefix ? [prefix] : []), ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}
