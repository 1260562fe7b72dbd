/** The plan terms the expectation needs (minor units, minutes). */
export interface PlanFigures {
  readonly remoteSupportHourly: number;
  readonly phoneSupportHourly: number;
  readonly defaultHourly: number;
  readonly roundingIncrementMinutes: number;
  readonly roundingMinimumMinutes: number;
  readonly callRatePerStartedMinute: number;
  readonly quotaMinutesPerMonth: number;
}

/** A statement line as the journey compares it. */
export interface ExpectedLine {
  readonly kind: 'LINE_KIND_WORK' | 'LINE_KIND_CALL' | string;
  readonly amountMinor: number;
  readonly roundedMinutes: number;
  readonly quotaMinutesApplied: number;
}

/**
 * What a month's statement must say, computed by hand from the plan (independently of the billing
 * service's code): each work entry rounded up to the increment (at least the minimum), the month's
 * quota covering the first rounded minutes, the rest at the activity's hourly rate (half up to the
 * cent); each answered call by started minute. Work entries of one activity on one ticket share a
 * line; a call's own work entry is priced as the call, so it is not listed here.
 */
export function expectedStatement(
  plan: PlanFigures,
  performed: { readonly workMinutes: readonly { activity: string; minutes: number }[]; readonly callTalkSeconds: readonly number[] },
): { lines: ExpectedLine[]; netMinor: number } {
  const lines: ExpectedLine[] = [];
  let quotaLeft = plan.quotaMinutesPerMonth;
  const activities = [...new Set(performed.workMinutes.map((w) => w.activity))];
  for (const activity of activities) {
    const rounded = performed.workMinutes
      .filter((w) => w.activity === activity)
      .reduce((sum, w) => sum + Math.max(Math.ceil(w.minutes / plan.roundingIncrementMinutes) * plan.roundingIncrementMinutes, plan.roundingMinimumMinutes), 0);
    const quota = Math.min(rounded, quotaLeft);
    quotaLeft -= quota;
    const rate = activity === 'remote_support' ? plan.remoteSupportHourly : activity === 'phone_support' ? plan.phoneSupportHourly : plan.defaultHourly;
    lines.push({ kind: 'LINE_KIND_WORK', amountMinor: Math.round(((rounded - quota) * rate) / 60), roundedMinutes: rounded, quotaMinutesApplied: quota });
  }
  if (performed.callTalkSeconds.length > 0) {
    const startedMinutes = performed.callTalkSeconds.reduce((sum, s) => sum + Math.ceil(s / 60), 0);
    lines.push({ kind: 'LINE_KIND_CALL', amountMinor: startedMinutes * plan.callRatePerStartedMinute, roundedMinutes: startedMinutes, quotaMinutesApplied: 0 });
  }
  return { lines, netMinor: lines.reduce((sum, l) => sum + l.amountMinor, 0) };
}
