import { metricsRegistry } from '@helpdesk/telemetry';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { ClockMoment } from '../clocks/clock';

/** The SLA timer's Prometheus metrics, served on `/metrics` with the platform's. */
export interface TimerMetrics {
  /** Counts a moment the timer fired and how late it fired (from the moment's instant to now). */
  fired(moment: ClockMoment, now: Date): void;
  /** Where `helpdesk_sla_timers_due` is read from at each scrape (the latest started timer). */
  watchDue(countDue: () => Promise<number>): void;
}

// Lateness is bounded by the poll interval normally; the long tail shows a backlog or a stopped timer.
const LATENESS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

let created: TimerMetrics | undefined;

/** The metrics, registered on first use and shared by every timer in the process. */
export function timerMetrics(): TimerMetrics {
  created ??= createTimerMetrics();
  return created;
}

function createTimerMetrics(): TimerMetrics {
  const registers = [metricsRegistry];
  let countDue: (() => Promise<number>) | undefined;
  new Gauge({
    name: 'helpdesk_sla_timers_due',
    help: 'Running SLA clocks whose next moment (warning, breach, escalation level) is due now and not yet fired',
    registers,
    async collect() {
      if (!countDue) return;
      try {
        this.set(await countDue());
      } catch {
        // The database is unreachable: keep the last value; /readyz reports the outage.
      }
    },
  });
  const firedTotal = new Counter({
    name: 'helpdesk_sla_timers_fired_total',
    help: 'Clock moments fired by the SLA timer, by kind (warning, breach, escalation)',
    labelNames: ['kind'] as const,
    registers,
  });
  const lateness = new Histogram({
    name: 'helpdesk_sla_timer_lateness_seconds',
    help: 'Seconds from a clock moment (due time) to the timer firing it',
    labelNames: ['kind'] as const,
    buckets: LATENESS_BUCKETS,
    registers,
  });
  return {
    fired(moment, now) {
      firedTotal.inc({ kind: moment.kind });
      lateness.observe({ kind: moment.kind }, Math.max(0, now.getTime() - moment.at.getTime()) / 1000);
    },
    watchDue(source) {
      countDue = source;
    },
  };
}
