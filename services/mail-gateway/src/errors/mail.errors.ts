import { DomainError } from '@helpdesk/grpc';

/** Every error code of the mail gateway. */
export type MailErrorCode =
  | 'MAILBOX_NOT_FOUND'
  | 'MAILBOX_ADDRESS_TAKEN'
  | 'MAIL_NOT_FOUND'
  | 'ATTACHMENT_NOT_FOUND'
  | 'DELIVERY_NOT_FOUND'
  | 'INVALID_FIELD';

/** A mail gateway error; `field` names the request field for INVALID_FIELD. */
export class MailError extends DomainError<MailErrorCode> {
  constructor(
    code: MailErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(code, message);
  }
}
