import { uuidSchema } from '@helpdesk/contracts';
import { protoTimestampSchema } from '@helpdesk/grpc';
import { z } from 'zod';
import type { CallOutcome } from './call';
import type { RecordCallInput } from './call-inputs';
import type { CallFilter } from './calls.repository';

// Request messages (camelCase keys, defaults filled, enums as their names) → service inputs.
// Proto3 zero values mean "not given".

const text = z.string({ error: 'must be a string' });
const uuid = text.refine((value) => uuidSchema.safeParse(value).success, 'must be a UUID');
const requiredId = text.min(1, 'must be set').pipe(uuid);
const optionalId = z.union([z.literal('').transform(() => null), uuid]);
const optionalText = text.trim().transform((value) => value || null);
const int = z.number({ error: 'must be a number' }).int('must be a whole number');

const OUTCOMES: Record<string, CallOutcome> = {
  CALL_OUTCOME_ANSWERED: 'answered',
  CALL_OUTCOME_MISSED: 'missed',
  CALL_OUTCOME_BUSY: 'busy',
  CALL_OUTCOME_FAILED: 'failed',
  CALL_OUTCOME_FORWARDED: 'forwarded',
};
const outcome = text.transform((value, ctx): CallOutcome | null => {
  if (value === '' || value === 'CALL_OUTCOME_UNSPECIFIED') return null;
  const known = OUTCOMES[value];
  if (known) return known;
  ctx.addIssue({ code: 'custom', message: 'must be a CallOutcome' });
  return z.NEVER;
});
const direction = text.transform((value, ctx) => {
  if (value === 'CALL_DIRECTION_INBOUND') return 'inbound' as const;
  if (value === 'CALL_DIRECTION_OUTBOUND') return 'outbound' as const;
  ctx.addIssue({ code: 'custom', message: 'must be CALL_DIRECTION_INBOUND or CALL_DIRECTION_OUTBOUND' });
  return z.NEVER;
});
const requiredTime = protoTimestampSchema.refine((value) => value !== null, 'must be set');

/** Page size and token; 0 → 50, capped at 500. */
export const pageSchema = z
  .object({ pageSize: int.min(0, 'must not be negative'), pageToken: text })
  .nullish()
  .transform((value) => ({ size: Math.min(value?.pageSize || 50, 500), token: value?.pageToken ?? '' }));

/** `RecordCallRequest` → {@link RecordCallInput}; the time order and outcome rules are checked here. */
export const recordCallRequestSchema = z
  .object({
    pbxConnectionId: requiredId,
    pbxCallId: text.trim().min(1, 'must be set').max(200, 'must be at most 200 characters'),
    direction,
    from: text,
    to: text.trim().min(1, 'must be set'),
    extension: optionalText,
    pbxQueue: optionalText,
    outcome: outcome.refine((value) => value !== null, 'must be set'),
    startedAt: requiredTime,
    answeredAt: protoTimestampSchema,
    endedAt: requiredTime,
    ticketId: optionalId,
    forwardedTo: optionalText,
  })
  .superRefine((request, ctx) => {
    if ((request.outcome === 'answered') !== (request.answeredAt !== null)) {
      ctx.addIssue({ code: 'custom', path: ['answeredAt'], message: 'must be set exactly when the outcome is ANSWERED' });
    }
    const floor = request.answeredAt ?? request.startedAt;
    if (floor && request.answeredAt && request.startedAt && request.answeredAt < request.startedAt) {
      ctx.addIssue({ code: 'custom', path: ['answeredAt'], message: 'must not be before startedAt' });
    }
    if (floor && request.endedAt && request.endedAt < floor) ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'must not be before startedAt or answeredAt' });
    if (request.forwardedTo !== null && request.outcome !== 'forwarded') ctx.addIssue({ code: 'custom', path: ['forwardedTo'], message: 'is only for outcome FORWARDED' });
  })
  .transform((request): RecordCallInput => ({
    ...request,
    outcome: request.outcome as CallOutcome,
    startedAt: request.startedAt as Date,
    endedAt: request.endedAt as Date,
  }));

/** `GetCallRequest` → id. */
export const getCallRequestSchema = z.object({ id: requiredId });

/** `ListCallsRequest` → filter and page. */
export const listCallsRequestSchema = z
  .object({
    started: z.object({ startTime: protoTimestampSchema, endTime: protoTimestampSchema }).nullish(),
    agentId: optionalId,
    customerId: optionalId,
    outcome,
    page: pageSchema,
  })
  .transform(({ started, agentId, customerId, outcome: callOutcome, page }): { filter: CallFilter; page: { size: number; token: string } } => ({
    filter: { startedFrom: started?.startTime ?? null, startedTo: started?.endTime ?? null, agentId, customerId, outcome: callOutcome },
    page,
  }));

/** `WatchCallsRequest` → the agent to filter by (null: the whole hotline). */
export const watchCallsRequestSchema = z.object({ agentId: optionalId });
