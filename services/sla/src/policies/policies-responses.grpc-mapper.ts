import { slaV1 } from '@helpdesk/contracts';
import { toTimestamp } from '@helpdesk/grpc';
import { formatIsoDuration } from './iso-duration';
import type { Policy, PolicyTarget } from './policy';

const optionalDuration = (ms: number | undefined) => (ms === undefined ? '' : formatIsoDuration(ms));

/** A policy as the API shows it. */
export function toPolicyMessage(policy: Policy): slaV1.SlaPolicy {
  const s = policy.settings;
  return {
    id: policy.id,
    name: s.name,
    version: policy.version,
    calendarId: s.calendarId ?? '',
    targets: (Object.entries(s.targets) as [string, Partial<Record<PolicyTarget, number>>][])
      .filter(([, t]) => Object.keys(t).length > 0)
      .map(([priority, t]) => ({
        priority,
        firstResponse: optionalDuration(t.first_response),
        nextUpdate: optionalDuration(t.next_update),
        resolution: optionalDuration(t.resolution),
      })),
    warningLead: s.warningLead?.kind === 'duration' ? formatIsoDuration(s.warningLead.ms) : '',
    warningLeadPercent: s.warningLead?.kind === 'percent' ? s.warningLead.percent : 0,
    escalationLevels: s.escalationLevels.map((l) => ({
      level: l.level,
      trigger: l.trigger,
      after: l.afterMs ? formatIsoDuration(l.afterMs) : '',
      recipients: l.recipients.map((r) => ({ role: r.role, agentId: r.agentId ?? '', email: r.email ?? '', displayName: r.displayName ?? '' })),
    })),
    pauseStatuses: [...s.pauseStatuses],
    updatedAt: toTimestamp(policy.updatedAt),
  };
}
