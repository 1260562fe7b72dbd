import type { EntityManager } from 'typeorm';
import { BusinessCalendar } from '../business-time/business-calendar';
import { ALWAYS_OPEN } from '../business-time/calendar-rules';
import type { Calendar } from '../calendars/calendar';
import { calendarRulesOf } from '../calendars/calendar-rules.factory';
import { CalendarsRepository } from '../calendars/calendars.repository';
import { PoliciesRepository } from '../policies/policies.repository';
import type { Policy } from '../policies/policy';
import type { ClockRules } from './clock';

const ROUND_THE_CLOCK = new BusinessCalendar(ALWAYS_OPEN);

/** Policies and calendars a transaction works with, current as of its reads. */
export interface RulesSnapshot {
  policy(id: string | null): Policy | undefined;
  calendar(id: string | null): BusinessCalendar;
  /** The calendar and escalation levels a clock of this policy and calendar counts with. */
  clockRules(policyId: string | null, calendarId: string | null): ClockRules;
}

/**
 * Loads policies and calendars per transaction (small rows, so every replica sees changes at
 * once) and keeps one {@link BusinessCalendar} per calendar version, whose cached day ranges are
 * the expensive part.
 */
export class RulesRegistry {
  private readonly policies = new PoliciesRepository();
  private readonly calendars = new CalendarsRepository();
  private readonly engines = new Map<string, { version: number; engine: BusinessCalendar }>();

  async load(manager: EntityManager, policyIds: Iterable<string | null>, calendarIds: Iterable<string | null> = []): Promise<RulesSnapshot> {
    const policies = await this.policies.findMany(manager, unique(policyIds));
    const calendarSet = new Set(unique(calendarIds));
    for (const p of policies) if (p.settings.calendarId) calendarSet.add(p.settings.calendarId);
    const calendars = await this.calendars.findMany(manager, [...calendarSet]);
    return this.snapshotOf(policies, calendars);
  }

  /** A snapshot with just these rows (after a change within the same transaction). */
  snapshotOf(policies: readonly Policy[], calendars: readonly Calendar[]): RulesSnapshot {
    const policyMap = new Map(policies.map((p) => [p.id, p]));
    const engineMap = new Map(calendars.map((c) => [c.id, this.engineOf(c)]));
    const calendar = (id: string | null) => (id ? (engineMap.get(id) ?? ROUND_THE_CLOCK) : ROUND_THE_CLOCK);
    return {
      policy: (id) => (id ? policyMap.get(id) : undefined),
      calendar,
      clockRules: (policyId, calendarId) => ({ calendar: calendar(calendarId), escalations: (policyId ? policyMap.get(policyId)?.settings.escalationLevels : undefined) ?? [] }),
    };
  }

  private engineOf(calendar: Calendar): BusinessCalendar {
    const cached = this.engines.get(calendar.id);
    if (cached && cached.version === calendar.version) return cached.engine;
    const engine = new BusinessCalendar(calendarRulesOf(calendar.settings));
    this.engines.set(calendar.id, { version: calendar.version, engine });
    return engine;
  }
}

function unique(ids: Iterable<string | null>): string[] {
  return [...new Set([...ids].filter((id): id is string => id !== null))];
}
