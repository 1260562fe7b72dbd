import type { CountryCode } from 'libphonenumber-js/max';
import { MalformedNumberError, readPartyNumber, type PartyNumber } from '../phone/phone-number';
import type { CallDirection, CallOutcome, EndCause } from './call';
import { CallError } from './call.errors';

/** A call start as a source (CTI webhook, AMI) reports it, numbers as the PBX sent them. */
export interface StartCallInput {
  readonly pbxCallId: string;
  readonly direction: CallDirection;
  readonly from: string;
  readonly to: string;
  readonly extension: string | null;
  readonly pbxQueue: string | null;
  readonly at: Date;
}

/** An answer as a source reports it. */
export interface AnswerCallInput {
  readonly pbxCallId: string;
  readonly extension: string | null;
  readonly at: Date;
}

/** The call entered a PBX queue (an Asterisk app_queue event). */
export interface QueueCallInput {
  readonly pbxCallId: string;
  readonly pbxQueue: string;
  readonly at: Date;
}

/** An end as a source reports it. */
export interface EndCallInput {
  readonly pbxCallId: string;
  readonly cause: EndCause;
  readonly pbxCause: string | null;
  readonly forwardedTo: string | null;
  readonly at: Date;
  /** False when the gateway reconstructs the end (events lost); default true. */
  readonly complete?: boolean;
}

/** A whole call an integration records after the fact (RecordCall). */
export interface RecordCallInput {
  readonly pbxConnectionId: string;
  readonly pbxCallId: string;
  readonly direction: CallDirection;
  readonly from: string;
  readonly to: string;
  readonly extension: string | null;
  readonly pbxQueue: string | null;
  readonly outcome: CallOutcome;
  readonly startedAt: Date;
  readonly answeredAt: Date | null;
  readonly endedAt: Date;
  readonly ticketId: string | null;
  readonly forwardedTo: string | null;
}

/** Reads a number field, turning a malformed one into INVALID_FIELD naming `field`. */
export function partyNumber(field: string, input: string, country: CountryCode): PartyNumber {
  try {
    return readPartyNumber(input, country);
  } catch (error) {
    if (error instanceof MalformedNumberError) throw new CallError('INVALID_FIELD', error.message, field);
    throw error;
  }
}
