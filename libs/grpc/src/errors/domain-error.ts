/**
 * Base class of every feature's error: `class TicketError extends DomainError<TicketErrorCode>`.
 * The code is a SCREAMING_SNAKE string from the feature's code union; each service maps its codes
 * to gRPC statuses in one exhaustive switch (see {@link DomainErrorMapper}).
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
