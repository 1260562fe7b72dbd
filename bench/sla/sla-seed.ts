import type { Client } from 'pg';

/** Ids of the seeded calendars and policy. */
export const SLA_SEED = {
  office: '01936a00-cccc-7aaa-8bbb-0000000b0001',
  always: '01936a00-cccc-7aaa-8bbb-0000000b0002',
  officePolicy: '01936a00-7777-7aaa-8bbb-0000000b0001',
  alwaysPolicy: '01936a00-7777-7aaa-8bbb-0000000b0002',
} as const;

const officeDay = [{ startMinute: 480, endMinute: 1020 }];
/** The German office calendar's settings as the service stores them (see CalendarSettings). */
export const OFFICE_SETTINGS = {
  name: 'Bench office',
  timeZone: 'Europe/Berlin',
  alwaysOpen: false,
  weekly: [officeDay, officeDay, officeDay, officeDay, officeDay, [], []],
  holidayCountry: 'DE',
  holidayRegion: 'BY',
  closedDates: [] as string[],
  specialDays: [],
};

const policySettings = (name: string, calendarId: string) => ({
  name,
  calendarId,
  targets: { low: {}, normal: { resolution: 8 * 3_600_000 }, high: {}, critical: {} },
  warningLead: null,
  escalationLevels: [],
  pauseStatuses: ['pending'],
});

/**
 * Seeds `total` running resolution clocks (one ticket each) with one `INSERT … SELECT
 * generate_series` per table: the first `officeClocks` count in the office calendar, the rest
 * round the clock; `dueCount` of the round-the-clock ones fall due evenly within the minute
 * starting at `dueFrom`, all others days ahead.
 */
export async function seedClocks(pg: Client, opts: { total: number; officeClocks: number; dueCount: number; dueFrom: Date }): Promise<void> {
  const now = new Date();
  // Event schemas want RFC 4122 ids: an md5 with the version (4) and variant (8) digits set.
  await pg.query(
    `CREATE FUNCTION pg_temp.bench_uuid(t text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
     $$ SELECT (substr(md5(t), 1, 12) || '4' || substr(md5(t), 14, 3) || '8' || substr(md5(t), 18, 15))::uuid $$`,
  );
  await pg.query(`INSERT INTO sla_calendars (id, name, version, settings, updated_at) VALUES ($1, 'Bench office', 1, $2, now()), ($3, '24/7', 1, $4, now())`, [
    SLA_SEED.office,
    JSON.stringify(OFFICE_SETTINGS),
    SLA_SEED.always,
    JSON.stringify({ ...OFFICE_SETTINGS, name: '24/7', alwaysOpen: true, timeZone: 'UTC', holidayCountry: null, holidayRegion: null }),
  ]);
  await pg.query(`INSERT INTO sla_policies (id, name, version, calendar_id, settings, updated_at) VALUES ($1, 'Office', 1, $2, $3, now()), ($4, 'Always', 1, $5, $6, now())`, [
    SLA_SEED.officePolicy,
    SLA_SEED.office,
    JSON.stringify(policySettings('Office', SLA_SEED.office)),
    SLA_SEED.alwaysPolicy,
    SLA_SEED.always,
    JSON.stringify(policySettings('Always', SLA_SEED.always)),
  ]);
  await pg.query(
    `INSERT INTO sla_tickets (ticket_id, number, summary, priority, status, ticket_version, policy_id, sla_version, created_at)
     SELECT pg_temp.bench_uuid('t' || g), 'B-' || g, 'bench ticket ' || g, 'normal', 'in_progress', 1,
            CASE WHEN g <= $2 THEN $3::uuid ELSE $4::uuid END, 1, $5
     FROM generate_series(1, $1) AS g`,
    [opts.total, opts.officeClocks, SLA_SEED.officePolicy, SLA_SEED.alwaysPolicy, now],
  );
  // Round-the-clock due clocks: running since (due − target), so elapsed and due agree exactly.
  await pg.query(
    `INSERT INTO sla_clocks (id, ticket_id, target, policy_id, calendar_id, state, target_ms, warning_ms, elapsed_ms, running_since, started_at,
                             due_at, escalation_level, next_fire_at, phases)
     SELECT pg_temp.bench_uuid('c' || g), pg_temp.bench_uuid('t' || g), 'resolution',
            CASE WHEN g <= $2 THEN $3::uuid ELSE $4::uuid END,
            CASE WHEN g <= $2 THEN $5::uuid ELSE $6::uuid END,
            'running', 28800000, NULL, 0, d.due - interval '8 hours', d.due - interval '8 hours',
            d.due, 0, d.due, jsonb_build_array(jsonb_build_object('phase', 'running', 'since', d.due - interval '8 hours'))
     FROM generate_series(1, $1) AS g
     CROSS JOIN LATERAL (SELECT CASE
         WHEN g > $1 - $7 THEN $8::timestamptz + ((g - ($1 - $7) - 1) * (60000.0 / $7)) * interval '1 millisecond'
         ELSE $9::timestamptz + (g % 20 + 1) * interval '1 day' END AS due) d`,
    [opts.total, opts.officeClocks, SLA_SEED.officePolicy, SLA_SEED.alwaysPolicy, SLA_SEED.office, SLA_SEED.always, opts.dueCount, opts.dueFrom, now],
  );
  await pg.query('VACUUM ANALYZE sla_clocks');
  await pg.query('VACUUM ANALYZE sla_tickets');
}
