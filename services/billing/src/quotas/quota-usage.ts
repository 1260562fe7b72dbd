import { roundMinutes, type PlanTerms } from '../plans/plan';

/**
 * Quota usage of work entries: rounded per entry under per-entry rounding; raw minutes under
 * per-ticket rounding (the ticket's rounding is only known when a run groups it).
 */
export function usageMinutes(terms: PlanTerms, minutes: readonly number[]): number {
  if (terms.rounding.scope === 'ticket') return minutes.reduce((a, b) => a + b, 0);
  return minutes.reduce((sum, m) => sum + roundMinutes(m, terms.rounding), 0);
}
