import type { CalendarSettings } from '../calendars/calendar';
import type { PolicySettings } from '../policies/policy';

/**
 * The demo data set: a German business calendar (Mon–Fri 08:00–18:00 Europe/Berlin, public
 * holidays of Bavaria), a 24/7 calendar, and the Silver, Gold and Platinum policies. The ids are
 * fixed so that the ticket service's demo contracts can name them as `slaPolicyId`.
 */
export const DEMO_IDS = {
  germanCalendar: '01936a00-cccc-7aaa-8bbb-00000000000c',
  roundTheClock: '01936a00-cccc-7aaa-8bbb-0000000000c7',
  silver: '01936a00-7777-7aaa-8bbb-000000000051',
  gold: '01936a00-7777-7aaa-8bbb-000000000061',
  platinum: '01936a00-7777-7aaa-8bbb-000000000071',
} as const;

const H = 3_600_000;
const MIN = 60_000;
const officeDay = [{ startMinute: 8 * 60, endMinute: 18 * 60 }];

export const demoCalendars: readonly { id: string; settings: CalendarSettings }[] = [
  {
    id: DEMO_IDS.germanCalendar,
    settings: {
      name: 'Geschäftszeiten Deutschland (Mo–Fr 8–18 Uhr, Feiertage Bayern)',
      timeZone: 'Europe/Berlin',
      alwaysOpen: false,
      weekly: [officeDay, officeDay, officeDay, officeDay, officeDay, [], []],
      holidayCountry: 'DE',
      holidayRegion: 'BY',
      closedDates: [],
      specialDays: [],
    },
  },
  {
    id: DEMO_IDS.roundTheClock,
    settings: { name: '24/7', timeZone: 'UTC', alwaysOpen: true, weekly: [[], [], [], [], [], [], []], holidayCountry: null, holidayRegion: null, closedDates: [], specialDays: [] },
  },
];

const escalations: PolicySettings['escalationLevels'] = [
  { level: 1, trigger: 'warning', afterMs: 0, recipients: [{ role: 'assignee', agentId: null, email: null, displayName: null }] },
  { level: 2, trigger: 'breach', afterMs: 0, recipients: [{ role: 'queue_lead', agentId: null, email: null, displayName: null }] },
  { level: 3, trigger: 'after_breach', afterMs: 2 * H, recipients: [{ role: 'account_manager', agentId: null, email: null, displayName: null }] },
];

function targets(firstResponse: number[], resolution: number[]): PolicySettings['targets'] {
  const [low, normal, high, critical] = [0, 1, 2, 3].map((i) => ({
    first_response: firstResponse[i] as number,
    next_update: (firstResponse[i] as number) * 2,
    resolution: resolution[i] as number,
  }));
  return { low: low ?? {}, normal: normal ?? {}, high: high ?? {}, critical: critical ?? {} };
}

export const demoPolicies: readonly { id: string; settings: PolicySettings }[] = [
  {
    id: DEMO_IDS.silver,
    settings: {
      name: 'Silver',
      calendarId: DEMO_IDS.germanCalendar,
      targets: targets([8 * H, 4 * H, 2 * H, 1 * H], [5 * 24 * H, 3 * 24 * H, 24 * H, 8 * H]),
      warningLead: { kind: 'percent', percent: 20 },
      escalationLevels: escalations,
      pauseStatuses: ['pending'],
    },
  },
  {
    id: DEMO_IDS.gold,
    settings: {
      name: 'Gold',
      calendarId: DEMO_IDS.roundTheClock,
      targets: targets([4 * H, 2 * H, 1 * H, 30 * MIN], [3 * 24 * H, 24 * H, 8 * H, 4 * H]),
      warningLead: { kind: 'percent', percent: 20 },
      escalationLevels: escalations,
      pauseStatuses: ['pending'],
    },
  },
  {
    id: DEMO_IDS.platinum,
    settings: {
      name: 'Platinum',
      calendarId: DEMO_IDS.roundTheClock,
      targets: targets([1 * H, 30 * MIN, 15 * MIN, 15 * MIN], [24 * H, 8 * H, 4 * H, 2 * H]),
      warningLead: { kind: 'duration', ms: 10 * MIN },
      escalationLevels: escalations,
      pauseStatuses: ['pending'],
    },
  },
];
