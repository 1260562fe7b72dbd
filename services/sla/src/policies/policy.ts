import type { TicketPriority, TicketStatus } from '@helpdesk/contracts';

/** The targets a policy sets clocks for. */
export const POLICY_TARGETS = ['first_response', 'next_update', 'resolution'] as const;
/** A target a policy sets. */
export type PolicyTarget = (typeof POLICY_TARGETS)[number];

/** Who an escalation level notifies. */
export interface RecipientSpec {
  readonly role: 'assignee' | 'queue_lead' | 'account_manager' | 'agent' | 'address';
  readonly agentId: string | null;
  readonly email: string | null;
  readonly displayName: string | null;
}

/** An escalation level: reached with the warning, at the breach, or a business time after it. */
export interface EscalationLevelSpec {
  readonly level: number;
  readonly trigger: 'warning' | 'breach' | 'after_breach';
  /** For after_breach: business milliseconds after the due time; 0 otherwise. */
  readonly afterMs: number;
  readonly recipients: readonly RecipientSpec[];
}

/** How long before the due time the warning comes. */
export type WarningLead = { readonly kind: 'duration'; readonly ms: number } | { readonly kind: 'percent'; readonly percent: number };

/** What an admin configures on a policy. */
export interface PolicySettings {
  readonly name: string;
  /** Null: round the clock. */
  readonly calendarId: string | null;
  /** Target business milliseconds per priority and target; a missing entry starts no clock. */
  readonly targets: Readonly<Record<TicketPriority, Partial<Record<PolicyTarget, number>>>>;
  readonly warningLead: WarningLead | null;
  readonly escalationLevels: readonly EscalationLevelSpec[];
  readonly pauseStatuses: readonly TicketStatus[];
}

/** A stored SLA policy. */
export interface Policy {
  readonly id: string;
  readonly version: number;
  readonly settings: PolicySettings;
  readonly updatedAt: Date;
}

/** Business elapsed time at which the warning comes, or null when the policy warns not at all. */
export function warningPointMs(lead: WarningLead | null, targetMs: number): number | null {
  if (!lead) return null;
  const leadMs = lead.kind === 'duration' ? lead.ms : Math.round((targetMs * lead.percent) / 100);
  if (leadMs <= 0) return null;
  return Math.max(0, targetMs - leadMs);
}

/** The escalation points of a policy as business elapsed times for one clock, in level order. */
export function escalationPoints(
  levels: readonly EscalationLevelSpec[],
  targetMs: number,
  warningMs: number | null,
): { level: EscalationLevelSpec; atMs: number }[] {
  return [...levels]
    .sort((a, b) => a.level - b.level)
    .map((level) => ({
      level,
      atMs: level.trigger === 'warning' ? (warningMs ?? targetMs) : level.trigger === 'breach' ? targetMs : targetMs + level.afterMs,
    }));
}
