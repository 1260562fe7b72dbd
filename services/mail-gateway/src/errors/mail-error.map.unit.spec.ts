import { status } from '@grpc/grpc-js';
import { mailErrorStatus, mapMailError } from './mail-error.map';
import { MailError, type MailErrorCode } from './mail.errors';

describe('mail error map', () => {
  const codes: Record<MailErrorCode, status> = {
    MAILBOX_NOT_FOUND: status.NOT_FOUND,
    MAIL_NOT_FOUND: status.NOT_FOUND,
    ATTACHMENT_NOT_FOUND: status.NOT_FOUND,
    DELIVERY_NOT_FOUND: status.NOT_FOUND,
    MAILBOX_ADDRESS_TAKEN: status.ALREADY_EXISTS,
    INVALID_FIELD: status.INVALID_ARGUMENT,
  };

  it.each(Object.entries(codes))('maps %s', (code, expected) => {
    expect(mailErrorStatus(code as MailErrorCode)).toBe(expected);
  });

  it('names the field of an invalid request and leaves other errors alone', () => {
    expect(mapMailError(new MailError('INVALID_FIELD', 'must be a mail address', 'address'))).toEqual({
      code: status.INVALID_ARGUMENT,
      message: 'must be a mail address',
      violations: [{ field: 'address', description: 'must be a mail address' }],
    });
    expect(mapMailError(new Error('boom'))).toBeUndefined();
  });
});
