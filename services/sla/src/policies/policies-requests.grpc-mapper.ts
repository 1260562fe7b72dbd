import { ticketPrioritySchema, ticketStatusSchema, type TicketPriority } from '@helpdesk/contracts';
import { z } from 'zod';
import { parseIsoDuration } from './iso-duration';
import type { PolicySettings, PolicyTarget, WarningLead } from './policy';

const optionalUuid = z.union([z.literal(''), z.uuid({ message: 'must be a UUID' })]).transform((v) => (v === '' ? null : v));

/** An ISO-8601 duration in milliseconds; empty → undefined. */
const isoDuration = z.string().transform((text, ctx) => {
  if (text === '') return undefined;
  const ms = parseIsoDuration(text);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO-8601 duration such as PT30M, PT8H, P2D or PT45S' });
    return z.NEVER;
  }
  return ms;
});

const recipientSchema = z
  .object({
    role: z.enum(['assignee', 'queue_lead', 'account_manager', 'agent', 'address'], { message: 'must be assignee, queue_lead, account_manager, agent or address' }),
    agentId: optionalUuid,
    email: z.string().transform((v) => (v === '' ? null : v)),
    displayName: z.string().transform((v) => (v === '' ? null : v)),
  })
  .refine((r) => r.role !== 'agent' || r.agentId !== null, { message: 'an agent recipient needs agent_id', path: ['agentId'] })
  .refine((r) => r.role !== 'address' || (r.email !== null && z.email().safeParse(r.email).success), { message: 'an address recipient needs a valid email', path: ['email'] });

const levelSchema = z
  .object({
    level: z.int().min(1, { message: 'must be 1 or more' }),
    trigger: z.enum(['warning', 'breach', 'after_breach'], { message: 'must be warning, breach or after_breach' }),
    after: isoDuration,
    recipients: z.array(recipientSchema),
  })
  .refine((l) => l.trigger !== 'after_breach' || (l.after ?? 0) > 0, { message: 'after_breach needs a positive duration', path: ['after'] })
  .transform((l) => ({ level: l.level, trigger: l.trigger, afterMs: l.trigger === 'after_breach' ? (l.after ?? 0) : 0, recipients: l.recipients }));

const targetsSchema = z.object({
  priority: ticketPrioritySchema,
  firstResponse: isoDuration,
  nextUpdate: isoDuration,
  resolution: isoDuration,
});

/** PolicySettings of CreatePolicy / UpdatePolicy → domain settings. */
export const policySettingsSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'is required' }),
    calendarId: optionalUuid,
    targets: z.array(targetsSchema),
    warningLead: isoDuration,
    warningLeadPercent: z.int().min(0).max(100, { message: 'must be a percentage 0–100' }),
    escalationLevels: z.array(levelSchema),
    pauseStatuses: z.array(ticketStatusSchema),
  })
  .refine((s) => !(s.warningLead !== undefined && s.warningLeadPercent > 0), { message: 'give the warning lead as a duration or a percentage, not both', path: ['warningLead'] })
  .refine((s) => new Set(s.targets.map((t) => t.priority)).size === s.targets.length, { message: 'each priority may appear once', path: ['targets'] })
  .refine((s) => new Set(s.escalationLevels.map((l) => l.level)).size === s.escalationLevels.length, { message: 'level numbers must be unique', path: ['escalationLevels'] })
  .transform((s): PolicySettings => {
    const targets: Record<TicketPriority, Partial<Record<PolicyTarget, number>>> = { low: {}, normal: {}, high: {}, critical: {} };
    for (const t of s.targets) {
      const entry: Partial<Record<PolicyTarget, number>> = {};
      if (t.firstResponse !== undefined) entry.first_response = t.firstResponse;
      if (t.nextUpdate !== undefined) entry.next_update = t.nextUpdate;
      if (t.resolution !== undefined) entry.resolution = t.resolution;
      targets[t.priority] = entry;
    }
    const warningLead: WarningLead | null =
      s.warningLead !== undefined ? { kind: 'duration', ms: s.warningLead } : s.warningLeadPercent > 0 ? { kind: 'percent', percent: s.warningLeadPercent } : null;
    return {
      name: s.name,
      calendarId: s.calendarId,
      targets,
      warningLead,
      escalationLevels: s.escalationLevels,
      pauseStatuses: s.pauseStatuses.length ? s.pauseStatuses : ['pending'],
    };
  });

export const createPolicyRequestSchema = z.object({ id: optionalUuid, settings: policySettingsSchema });
export const updatePolicyRequestSchema = z.object({
  id: z.uuid({ message: 'must be a UUID' }),
  settings: policySettingsSchema,
  expectedVersion: z.int().min(0),
});
