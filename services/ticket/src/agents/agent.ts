import { mailAddressSchema, type AgentUpsertedV1 } from '@helpdesk/contracts';
import { TicketError, invalidField } from '../tickets/ticket.errors';
import { assertSameVersion } from '../queues/record-version';

/** An agent's absence: from when, until when (null: until further notice), and who stands in. */
export interface Absence {
  readonly since: Date;
  readonly until: Date | null;
  readonly substituteAgentId: string | null;
}

/** A support agent. The id is the `sub` claim of the agent's tokens. */
export interface Agent {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
  /** PBX extension; null when the agent takes no calls. */
  readonly extension: string | null;
  /** Id in the HR/ERP system the agent is synchronised from; null when none. */
  readonly externalId: string | null;
  /** False once archived: kept for history, offered no new work. */
  readonly active: boolean;
  /** Null while present. An absence with `until` in the past no longer counts. */
  readonly absence: Absence | null;
  /** 1 on creation, +1 with every change. */
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What an upsert sets; the whole profile every time. */
export interface AgentProfile {
  readonly displayName: string;
  readonly email: string;
  readonly extension: string | null;
  readonly externalId: string | null;
  readonly active: boolean;
}

/** A requested availability change. */
export interface AvailabilityInput {
  readonly absent: boolean;
  readonly substituteAgentId: string | null;
  readonly until: Date | null;
}

/** What an agent decision did: the agent after it, and whether anything changed. */
export interface AgentChange {
  readonly agent: Agent;
  readonly outcome: 'created' | 'updated' | 'unchanged';
}

const NAME_MAX = 200;

/** Whether the agent gets new work at `now`: active, and not absent or the absence has ended. */
export function isAvailable(agent: Agent, now: Date): boolean {
  return agent.active && !isAbsent(agent, now);
}

/** Whether an absence is in effect at `now`. */
export function isAbsent(agent: Agent, now: Date): boolean {
  const { absence } = agent;
  return absence !== null && (absence.until === null || absence.until.getTime() > now.getTime());
}

/**
 * Creates the agent `id` or replaces its profile. Sending the same profile again changes
 * nothing (same version). Availability is left alone: it changes only through
 * {@link setAvailability}.
 */
export function upsertAgent(
  existing: Agent | undefined,
  id: string,
  profile: AgentProfile,
  ctx: { readonly now: Date; readonly expectedVersion?: number },
): AgentChange {
  const checked = checkProfile(profile);
  if (!existing) {
    const agent: Agent = { id, ...checked, absence: null, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
    return { agent, outcome: 'created' };
  }
  assertSameVersion(`agent ${id}`, existing.version, ctx.expectedVersion);
  const same = (Object.keys(checked) as (keyof AgentProfile)[]).every((key) => checked[key] === existing[key]);
  if (same) return { agent: existing, outcome: 'unchanged' };
  return { agent: { ...existing, ...checked, version: existing.version + 1, updatedAt: ctx.now }, outcome: 'updated' };
}

/**
 * Marks an agent absent (optionally with a substitute and an end) or back. The substitute must
 * be another agent who is available now; `until` must lie ahead. Repeating an absence keeps
 * its start. Returns `unchanged` when nothing differs.
 */
export function setAvailability(agent: Agent, input: AvailabilityInput, substitute: Agent | undefined, now: Date): AgentChange {
  if (!input.absent) {
    if (input.substituteAgentId !== null) throw invalidField('substituteAgentId', 'must be empty when the agent is back');
    if (input.until !== null) throw invalidField('absentUntil', 'must be empty when the agent is back');
    if (agent.absence === null) return { agent, outcome: 'unchanged' };
    return changed(agent, null, now);
  }
  if (input.until !== null && input.until.getTime() <= now.getTime()) throw invalidField('absentUntil', 'must be in the future');
  if (input.substituteAgentId !== null) checkSubstitute(agent, input.substituteAgentId, substitute, now);
  const since = agent.absence && isAbsent(agent, now) ? agent.absence.since : now;
  const absence: Absence = { since, until: input.until, substituteAgentId: input.substituteAgentId };
  if (agent.absence && sameAbsence(agent.absence, absence)) return { agent, outcome: 'unchanged' };
  return changed(agent, absence, now);
}

/** The `helpdesk.directory.agent.upserted.v1` data for an agent as it is now. */
export function agentUpsertedData(agent: Agent, now: Date): AgentUpsertedV1 {
  return {
    agentId: agent.id,
    displayName: agent.displayName,
    email: agent.email,
    extension: agent.extension,
    available: isAvailable(agent, now),
    substituteAgentId: isAbsent(agent, now) ? (agent.absence?.substituteAgentId ?? null) : null,
    version: agent.version,
    externalId: agent.externalId,
    active: agent.active,
    updatedAt: agent.updatedAt.toISOString(),
  };
}

/** The event about an agent's new version, at its `updatedAt`. */
export function agentUpsertedEvent(agent: Agent) {
  return {
    type: 'helpdesk.directory.agent.upserted.v1',
    subject: agent.id,
    time: agent.updatedAt,
    data: agentUpsertedData(agent, agent.updatedAt),
  } as const;
}

function changed(agent: Agent, absence: Absence | null, now: Date): AgentChange {
  return { agent: { ...agent, absence, version: agent.version + 1, updatedAt: now }, outcome: 'updated' };
}

function checkSubstitute(agent: Agent, substituteId: string, substitute: Agent | undefined, now: Date): void {
  if (substituteId === agent.id) throw invalidField('substituteAgentId', 'must be another agent');
  if (!substitute) throw invalidField('substituteAgentId', `no agent with id ${substituteId}`);
  if (!isAvailable(substitute, now)) {
    throw new TicketError('AGENT_NOT_AVAILABLE', `substitute ${substitute.displayName} is archived or absent`, { field: 'substituteAgentId' });
  }
}

function sameAbsence(a: Absence, b: Absence): boolean {
  return a.since.getTime() === b.since.getTime() && a.until?.getTime() === b.until?.getTime() && a.substituteAgentId === b.substituteAgentId;
}

function checkProfile(profile: AgentProfile): AgentProfile {
  const displayName = profile.displayName.replace(/\s+/g, ' ').trim();
  if (!displayName) throw invalidField('displayName', 'must not be empty');
  if (displayName.length > NAME_MAX) throw invalidField('displayName', `must be at most ${NAME_MAX} characters`);
  const email = profile.email.trim().toLowerCase();
  if (!mailAddressSchema.safeParse(email).success) throw invalidField('email', `must be a mail address (got "${profile.email}")`);
  return {
    displayName,
    email,
    extension: profile.extension?.trim() || null,
    externalId: profile.externalId?.trim() || null,
    active: profile.active,
  };
}
