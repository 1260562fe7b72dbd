import { signTestJwt } from '@helpdesk/testing';
import { Client } from 'pg';
import { BusinessCalendar } from '../../services/sla/src/business-time/business-calendar';
import type { CalendarRules } from '../../services/sla/src/business-time/calendar-rules';
import { buildSlaService, startSlaProcesses } from './sla-process';
import { OFFICE_SETTINGS, SLA_SEED, seedClocks } from './sla-seed';
import { platformClient } from '../support/grpc-client';
import { formatMs, summarize } from '../support/latency';
import { printResults } from '../support/results-table';

/**
 * SLA timers at scale (see bench/README.md): business-time operations/s of the engine; 1 000 000
 * running clocks of which 10 000 fall due within one minute, lateness from due time to
 * `helpdesk.sla.breached.v1` on NATS, nothing fired twice or missed; then one holiday added to the
 * calendar of 100 000 clocks and the time UpdateCalendar takes to recompute them.
 */
export async function runSlaTimers(): Promise<void> {
  const total = Number(process.env['BENCH_SLA_CLOCKS'] ?? 1_000_000);
  const dueCount = Number(process.env['BENCH_SLA_DUE'] ?? 10_000);
  const officeClocks = Math.min(100_000, total - dueCount);
  const replicas = Number(process.env['BENCH_SLA_REPLICAS'] ?? 2);
  const opsPerSecond = measureEngine();
  await buildSlaService();
  const sla = await startSlaProcesses('bench_sla', replicas);
  const pg = new Client({ connectionString: sla.db.url });
  await pg.connect();
  try {
    const seedStart = Date.now();
    // Seed with the due minute far ahead, then move it to just after seeding (one UPDATE).
    const placeholder = new Date(Date.now() + 365 * 86_400_000);
    await seedClocks(pg, { total, officeClocks, dueCount, dueFrom: placeholder });
    console.log(`  seeded ${total} clocks in ${((Date.now() - seedStart) / 1000).toFixed(0)} s`);

    const received = new Map<string, number>();
    const lateness: number[] = [];
    const sub = sla.nats.nc.subscribe(sla.nats.naming.subject('helpdesk.sla.breached.v1'), {
      callback: (_err, msg) => {
        const data = (msg.json() as { data: { clock: { clockId: string }; breachedAt: string } }).data;
        received.set(data.clock.clockId, (received.get(data.clock.clockId) ?? 0) + 1);
        lateness.push(Date.now() - Date.parse(data.breachedAt));
      },
    });
    const dueFrom = Date.now() + 5_000;
    const shiftMs = dueFrom - placeholder.getTime();
    await pg.query(
      `UPDATE sla_clocks SET due_at = due_at + $1 * interval '1 millisecond', next_fire_at = next_fire_at + $1 * interval '1 millisecond',
         running_since = running_since + $1 * interval '1 millisecond', started_at = started_at + $1 * interval '1 millisecond'
       WHERE next_fire_at >= $2 AND next_fire_at < $2::timestamptz + interval '1 minute'`,
      [shiftMs, placeholder],
    );
    const deadline = dueFrom + 60_000 + 60_000;
    while (received.size < dueCount && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    // A little longer, so that a duplicate would have time to show up.
    await new Promise((r) => setTimeout(r, 3_000));
    sub.unsubscribe();
    const outbox = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE type = 'helpdesk.sla.breached.v1'`);
    const duplicates = [...received.values()].reduce((sum, n) => sum + n - 1, 0);
    const late = summarize(lateness);

    const recompute = await measureRecompute(sla.grpcAddresses[0] as string, 'holiday');
    // Shorter opening hours move the due time of every running clock of the calendar: no clock can be skipped.
    const everyClock = await measureRecompute(sla.grpcAddresses[0] as string, 'hours');
    printResults(`SLA timers: ${total} running clocks, ${dueCount} due within one minute, ${replicas} replicas`, [
      { measurement: 'business-time add (PT8H, office calendar)', result: `${Math.round(opsPerSecond).toLocaleString('en')} ops/s`, target: '≥ 200 000 ops/s', met: opsPerSecond >= 200_000 },
      { measurement: 'due → sla.breached on NATS', result: `p50 ${formatMs(late.p50)}, p99 ${formatMs(late.p99)}, max ${formatMs(late.max)}`, target: 'p99 < 1 s', met: late.p99 < 1_000 },
      {
        measurement: 'fired once each',
        result: `${received.size} of ${dueCount} received, ${duplicates} duplicates, ${outbox.rows[0]?.n} in outbox`,
        target: 'none missed or twice',
        met: received.size === dueCount && duplicates === 0 && outbox.rows[0]?.n === dueCount,
      },
      {
        measurement: 'UpdateCalendar (holiday added) recompute',
        result: `${officeClocks} clocks of the calendar, ${recompute.clocks} got new due times, in ${(recompute.ms / 1000).toFixed(1)} s`,
        target: '100 000 < 10 s',
        met: recompute.ms < 10_000,
      },
      {
        measurement: 'UpdateCalendar (opening hours shortened) recompute',
        result: `${officeClocks} clocks of the calendar, ${everyClock.clocks} got new due times, in ${(everyClock.ms / 1000).toFixed(1)} s`,
        target: '100 000 < 10 s',
        met: everyClock.ms < 10_000,
      },
    ]);
  } finally {
    await pg.end();
    await sla.stop();
  }
}

/** add(instant, PT8H) on a Mon–Fri 08:00–17:00 Europe/Berlin calendar over random instants of a year. */
function measureEngine(): number {
  const day = [{ startMinute: 480, endMinute: 1020 }];
  const rules: CalendarRules = {
    timeZone: 'Europe/Berlin',
    alwaysOpen: false,
    weekly: [day, day, day, day, day, [], []],
    isClosedDate: (d) => d.endsWith('-12-25') || d.endsWith('-01-01'),
    specialDays: new Map(),
  };
  const calendar = new BusinessCalendar(rules);
  const start = Date.parse('2026-01-01T00:00:00Z');
  const instants = Array.from({ length: 100_000 }, (_, i) => start + ((i * 7_919_993) % (365 * 86_400_000)));
  for (const t of instants) calendar.add(t, 8 * 3_600_000); // warm the day cache and the JIT
  const rounds = 10;
  const began = performance.now();
  let sink = 0;
  for (let r = 0; r < rounds; r++) for (const t of instants) sink += calendar.add(t, 8 * 3_600_000) & 1;
  const seconds = (performance.now() - began) / 1000;
  if (sink < 0) console.log(sink);
  return (rounds * instants.length) / seconds;
}

/**
 * UpdateCalendar adding a closed weekday two days ahead (`holiday`: only clocks running across
 * that day move), or additionally closing an hour earlier every day (`hours`: every clock moves);
 * the call returns once all clocks are recomputed.
 */
async function measureRecompute(address: string, change: 'holiday' | 'hours'): Promise<{ clocks: number; ms: number }> {
  const client = platformClient(address, 'helpdesk/sla/v1/sla.proto', 'helpdesk.sla.v1.SlaService', { deadlineMs: 300_000 });
  const token = await signTestJwt({ sub: 'bench-admin', roles: ['admin'] });
  let holiday = new Date(Date.now() + 2 * 86_400_000);
  while (holiday.getUTCDay() === 0 || holiday.getUTCDay() === 6) holiday = new Date(holiday.getTime() + 86_400_000);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const settings = {
    name: OFFICE_SETTINGS.name,
    timeZone: OFFICE_SETTINGS.timeZone,
    weeklyHours: OFFICE_SETTINGS.weekly
      .map((list, i) => ({ weekday: i + 1, intervals: list.map((x) => ({ start: hhmm(x.startMinute), end: hhmm(x.endMinute - (change === 'hours' ? 60 : 0)) })) }))
      .filter((w) => w.intervals.length),
    holidayCountry: 'DE',
    holidayRegion: 'BY',
    closedDates: [holiday.toISOString().slice(0, 10)],
  };
  const began = performance.now();
  const response = await client.call<{ recomputedClocks: number }>('UpdateCalendar', { id: SLA_SEED.office, settings }, token);
  const ms = performance.now() - began;
  client.close();
  return { clocks: response.recomputedClocks, ms };
}
