import { END_CAUSES, type CallDirection, type EndCause } from '../calls/call';

/**
 * One Generic CTI webhook event, the convention of hosted PBXs (sipgate.io, Placetel, Zammad's
 * "Generic CTI"): `newCall` when a call starts ringing or is dialled, `answer` when someone picks
 * up, `hangup` with a `cause` when it ends.
 */
export type CtiEvent =
  | {
      readonly event: 'newCall';
      readonly callId: string;
      readonly direction: CallDirection;
      readonly from: string;
      readonly to: string;
      readonly user: string | null;
      readonly queue: string | null;
    }
  | { readonly event: 'answer'; readonly callId: string; readonly user: string | null }
  | { readonly event: 'hangup'; readonly callId: string; readonly cause: EndCause; readonly forwardedTo: string | null };

/** A webhook body field that is missing or wrong; the HTTP answer names the field. */
export class CtiInputError extends Error {
  override readonly name = 'CtiInputError';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/** Body fields as form decoding gives them: repeated keys (`user[]=a&user[]=b`) become lists. */
export type CtiFields = Readonly<Record<string, string | readonly string[]>>;

const MAX_ID_LENGTH = 200;

/** Reads a webhook body's fields into a {@link CtiEvent}; throws {@link CtiInputError} naming the bad field. */
export function parseCtiEvent(fields: CtiFields): CtiEvent {
  const event = text(fields, 'event');
  const callId = required(fields, 'callId');
  if (callId.length > MAX_ID_LENGTH) throw new CtiInputError('callId', `must be at most ${MAX_ID_LENGTH} characters`);
  switch (event) {
    case 'newCall':
      return { event, callId, direction: direction(fields), from: text(fields, 'from') ?? '', to: required(fields, 'to'), user: user(fields), queue: text(fields, 'queue') || null };
    case 'answer':
      return { event, callId, user: user(fields) };
    case 'hangup':
      return { event, callId, cause: cause(fields), forwardedTo: text(fields, 'forwardedTo') || text(fields, 'answeringNumber') || null };
    case undefined:
      throw new CtiInputError('event', 'is required (newCall, answer or hangup)');
    default:
      throw new CtiInputError('event', `"${event.slice(0, 40)}" is not one of newCall, answer, hangup`);
  }
}

function direction(fields: CtiFields): CallDirection {
  const value = required(fields, 'direction');
  if (value === 'in' || value === 'inbound') return 'inbound';
  if (value === 'out' || value === 'outbound') return 'outbound';
  throw new CtiInputError('direction', `"${value.slice(0, 40)}" is not "in" or "out"`);
}

function cause(fields: CtiFields): EndCause {
  const value = text(fields, 'cause') ?? 'normalClearing';
  const known = END_CAUSES.find((c) => c.toLowerCase() === value.toLowerCase());
  if (!known) throw new CtiInputError('cause', `"${value.slice(0, 40)}" is not one of ${END_CAUSES.join(', ')}`);
  return known;
}

// sipgate sends `user[]` (the users the call rings for or who answered); others `user` or `extension`.
function user(fields: CtiFields): string | null {
  return text(fields, 'user') || text(fields, 'user[]') || text(fields, 'extension') || null;
}

function required(fields: CtiFields, name: string): string {
  const value = text(fields, name);
  if (!value) throw new CtiInputError(name, 'is required');
  return value;
}

function text(fields: CtiFields, name: string): string | undefined {
  const value = fields[name];
  const first = typeof value === 'string' ? value : value?.[0];
  return first?.trim();
}
