import { DomainError } from '@helpdesk/grpc';

/** What can go wrong in the SLA service's use cases. */
export type SlaErrorCode = 'POLICY_NOT_FOUND' | 'CALENDAR_NOT_FOUND' | 'TICKET_NOT_FOUND' | 'ALREADY_EXISTS' | 'VERSION_CONFLICT' | 'INVALID_FIELD';

/** An SLA use case refused; `field` names the request field at fault for INVALID_FIELD. */
export class SlaError extends DomainError<SlaErrorCode> {
  constructor(
    code: SlaErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(code, message);
  }
}
