/** Why a call was refused: no valid identity, or an identity without the right. */
export type AuthErrorCode = 'UNAUTHENTICATED' | 'PERMISSION_DENIED';

/**
 * A refused call. The message is safe to show to the client ("token expired",
 * "role customer may not call helpdesk.ticket.v1.TicketService/AssignTicket"); the underlying
 * jose error, if any, is kept as `cause` for the log.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The caller has not proven who they are. */
  static unauthenticated(message: string, cause?: unknown): AuthError {
    return new AuthError('UNAUTHENTICATED', message, { cause });
  }

  /** The caller is known but may not do this. */
  static permissionDenied(message: string): AuthError {
    return new AuthError('PERMISSION_DENIED', message);
  }
}
