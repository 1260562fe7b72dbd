import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry, served at `/metrics` by the ops server. It carries
 * prom-client's default Node.js metrics (CPU, memory, event-loop lag, GC, handles) and the
 * platform metrics of `platformMetrics()`.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });
