import { uuidSchema } from '@helpdesk/contracts';
import { protoTimestampSchema } from '@helpdesk/grpc';
import { z } from 'zod';
import type { PageRequest } from '../tickets/ticket-filter';
import type { RecordWorkInput } from './work-recording';
import type { VoidWorkInput } from './work-voiding';

// Request messages (as @grpc/proto-loader delivers them: camelCase keys, defaults filled) →
// service inputs. Shapes are checked here; the rules (activity list, time span, quantities) are
// the domain's, which names the same request fields. Proto3 zero values mean "not given".

const text = z.string({ error: 'must be a string' });
const uuid = text.refine((value) => uuidSchema.safeParse(value).success, 'must be a UUID');
const requiredId = text.min(1, 'must be set').pipe(uuid);
const optionalId = z.union([z.literal('').transform(() => null), uuid]);
const int = z.number({ error: 'must be a number' }).int('must be a whole number');
const page = z
  .object({ pageSize: int.min(0, 'must not be negative'), pageToken: text })
  .nullish()
  .transform((value): PageRequest => ({ size: value?.pageSize ?? 0, token: value?.pageToken ?? '' }));

const material = z.object({ sku: text, description: text, quantity: text, unit: text });

/** `RecordWorkRequest` → ticket id and {@link RecordWorkInput}; an empty agentId is the calling agent. */
export const recordWorkRequestSchema = z
  .object({
    ticketId: requiredId,
    agentId: optionalId,
    activityType: text.trim().min(1, 'must be set'),
    startTime: protoTimestampSchema,
    endTime: protoTimestampSchema,
    durationMinutes: int,
    billable: z.boolean({ error: 'must be a boolean' }),
    materials: z.array(material),
    note: text,
    taskId: optionalId,
  })
  .transform(
    ({ ticketId, startTime, endTime, durationMinutes, ...rest }): { ticketId: string; input: RecordWorkInput } => ({
      ticketId,
      input: { ...rest, startedAt: startTime, endedAt: endTime, durationMinutes: durationMinutes === 0 ? null : durationMinutes },
    }),
  );

/** `VoidWorkRequest` → ticket id and {@link VoidWorkInput}; the reason's rules are the domain's. */
export const voidWorkRequestSchema = z
  .object({ ticketId: requiredId, entryId: requiredId, reason: text })
  .transform(({ ticketId, entryId, reason }): { ticketId: string; input: VoidWorkInput } => ({ ticketId, input: { entryId, reason } }));

/** `ListWorkRequest` → ticket id and page. */
export const listWorkRequestSchema = z.object({ ticketId: requiredId, page });
