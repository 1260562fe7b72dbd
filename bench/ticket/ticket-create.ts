import { monitorEventLoopDelay } from 'node:perf_hooks';
import { closedLoop, pacedLoad, type CreateLoadResult } from './create-load';
import { CreatedEventWatcher } from './created-events';
import { formatMs, summarize, type LatencySummary } from '../support/latency';
import { printResults, type ResultRow } from '../support/results-table';
import { leanUnaryClient } from './lean-grpc-client';
import type { UnaryClient } from '../support/grpc-client';
import { buildTicketService, startTicketProcess, type TicketProcess } from './ticket-process';
import { readServiceMetrics, serviceMetricsText } from './service-metrics';
import { cpuBetween, DatabaseCpu, natsServerCpuMs } from '../support/database-cpu';

/**
 * Ticket service, write path: gRPC CreateTicket against the built service in its own process
 * (real PostgreSQL and NATS, own database and subject prefix). (a) 64 calls in flight for 30 s;
 * (b) a paced 500 tickets/s for 15 s; (c) for both, the delay from the CreateTicket response to
 * `helpdesk.ticket.created.v1` reaching a NATS subscriber.
 */

/** `BENCH_CREATE_SECONDS` shortens (a) for quick comparisons on a busy machine. */
const SATURATION = { inFlight: 64, seconds: Number(process.env['BENCH_CREATE_SECONDS'] ?? 30), warmUpSeconds: 3 };
/** `BENCH_CREATE_RATE` changes the paced rate, e.g. to find the highest rate that keeps p99 < 50 ms. */
const PACED = { perSecond: Number(process.env['BENCH_CREATE_RATE'] ?? 500), seconds: 15, tickMs: 10 };
const EVENTS_WITHIN_MS = 60_000;

/** The printed figures. */
export interface TicketCreateBenchResult {
  readonly ticketsPerSecond: number;
  readonly saturatedP50Ms: number;
  readonly saturatedP99Ms: number;
  readonly pacedP50Ms: number;
  readonly pacedP99Ms: number;
  readonly eventP50Ms: number;
  readonly eventP99Ms: number;
  readonly serviceCpuMsPerTicket: number;
}

function errorsText(result: CreateLoadResult): string {
  const failed = [...result.errors].map(([code, n]) => `${n} × ${code}`).join(', ');
  return failed ? `; FAILED: ${failed}` : '';
}

async function eventDelays(watcher: CreatedEventWatcher, result: CreateLoadResult) {
  const missing = await watcher.awaitAll(result.returnedAt.keys(), EVENTS_WITHIN_MS);
  const { delays, beforeResponse } = watcher.delays(result.returnedAt);
  return { ...summarize(delays), missing, beforeResponse };
}

type EventFigures = Awaited<ReturnType<typeof eventDelays>>;

interface PhaseFigures {
  readonly load: CreateLoadResult;
  readonly latency: LatencySummary;
  readonly events: EventFigures;
  readonly cpuMsPerTicket: number;
}

/**
 * Service CPU ms per created ticket: the process's CPU from the phase's start until it is quiet
 * again (so the outbox relay and the own consumers that run behind the calls are paid for too),
 * over every ticket the phase created, warm-up included. Unlike tickets/s it hardly depends on
 * what else the shared machine is doing.
 */
async function cpuMsPerTicket(service: TicketProcess, cpuBefore: number, load: CreateLoadResult): Promise<number> {
  await service.awaitQuiet(60_000);
  return (service.cpuMs() - cpuBefore) / Math.max(1, load.succeeded);
}

/** The same for the database's backends and nats-server (read after {@link cpuMsPerTicket}, so once quiet). */
async function databaseCpuText(database: DatabaseCpu, before: ReadonlyMap<number, number>, natsBefore: number, load: CreateLoadResult): Promise<string> {
  const tickets = Math.max(1, load.succeeded);
  const perTicket = cpuBetween(before, await database.read()) / tickets;
  const natsPerTicket = (natsServerCpuMs() - natsBefore) / tickets;
  return `CPU per ticket of its database's PostgreSQL backends: ${perTicket.toFixed(2)} ms; of nats-server (shared with all other work): ${natsPerTicket.toFixed(2)} ms`;
}

interface SaturationFigures extends PhaseFigures {
  readonly serviceCpuPercent: number;
  readonly cpuMsPerTicket: number;
}

/** (a): the closed loop, with the CPU the service and the generator used. */
async function saturationPhase(service: TicketProcess, client: UnaryClient, watcher: CreatedEventWatcher, database: DatabaseCpu): Promise<SaturationFigures> {
  const databaseBefore = await database.read();
  const natsBefore = natsServerCpuMs();
  const cpuBefore = process.cpuUsage();
  const serviceCpuBefore = service.cpuMs();
  const metricsBefore = await readServiceMetrics(service.port('HTTP_PORT'));
  const startedAt = Date.now();
  const load = await closedLoop(client, service.tokens.agent, SATURATION);
  const serviceSide = serviceMetricsText(metricsBefore, await readServiceMetrics(service.port('HTTP_PORT')));
  const cpu = process.cpuUsage(cpuBefore);
  const elapsedMs = Date.now() - startedAt;
  const serviceCpuPercent = ((service.cpuMs() - serviceCpuBefore) / elapsedMs) * 100;
  const latency = summarize(load.latencies);
  const events = await eventDelays(watcher, load);
  const perTicket = await cpuMsPerTicket(service, serviceCpuBefore, load);
  const databaseCpu = await databaseCpuText(database, databaseBefore, natsBefore, load);
  console.log(
    `ticket-create (a) ${SATURATION.inFlight} CreateTicket calls in flight for ${SATURATION.seconds} s (after ${SATURATION.warmUpSeconds} s warm-up):\n` +
      `  ${load.perSecond.toFixed(0)} tickets/s (${load.latencies.length} tickets); latency p50 ${formatMs(latency.p50)}, ` +
      `p99 ${formatMs(latency.p99)}, max ${formatMs(latency.max)}${errorsText(load)}\n` +
      `  ${serviceSide}\n` +
      `  response → created event: p50 ${formatMs(events.p50)}, p99 ${formatMs(events.p99)}, max ${formatMs(events.max)} ` +
      `(${events.missing} missing after ${EVENTS_WITHIN_MS / 1_000} s)\n` +
      `  CPU: ticket service process ${serviceCpuPercent.toFixed(0)} % of one core, load generator ${(((cpu.user + cpu.system) / 1_000 / elapsedMs) * 100).toFixed(0)} %\n` +
      `  ticket service CPU per ticket (until quiet, ${load.succeeded} tickets incl. warm-up): ${perTicket.toFixed(2)} ms\n` +
      `  ${databaseCpu}`,
  );
  return { load, latency, events, serviceCpuPercent, cpuMsPerTicket: perTicket };
}

/** (b) and (c): the paced open loop, once the service has caught up with (a). */
async function pacedPhase(service: TicketProcess, client: UnaryClient, watcher: CreatedEventWatcher, database: DatabaseCpu): Promise<PhaseFigures> {
  await service.awaitQuiet(60_000);
  const databaseBefore = await database.read();
  const natsBefore = natsServerCpuMs();
  const serviceCpuBefore = service.cpuMs();
  const metricsBefore = await readServiceMetrics(service.port('HTTP_PORT'));
  // The generator's own event loop: a late timer or a slow response callback is latency it adds itself.
  const generatorLoop = monitorEventLoopDelay({ resolution: 10 });
  generatorLoop.enable();
  const load = await pacedLoad(client, service.tokens.agent, PACED);
  generatorLoop.disable();
  const serviceSide = serviceMetricsText(metricsBefore, await readServiceMetrics(service.port('HTTP_PORT')));
  const latency = summarize(load.latencies);
  const roundTrip = summarize(load.roundTrips);
  const sendLag = summarize(load.sendLags);
  const events = await eventDelays(watcher, load);
  const perTicket = await cpuMsPerTicket(service, serviceCpuBefore, load);
  const databaseCpu = await databaseCpuText(database, databaseBefore, natsBefore, load);
  console.log(
    `ticket-create (b) paced ${PACED.perSecond} CreateTicket/s for ${PACED.seconds} s (open loop, latency from the scheduled send):\n` +
      `  ${load.perSecond.toFixed(0)} tickets/s achieved (${load.latencies.length} tickets); latency p50 ${formatMs(latency.p50)}, ` +
      `p99 ${formatMs(latency.p99)}, max ${formatMs(latency.max)}${errorsText(load)}\n` +
      `  ${serviceSide}\n` +
      `  load generator: send timer late p99 ${formatMs(sendLag.p99)}, max ${formatMs(sendLag.max)}; from the actual send: p50 ${formatMs(roundTrip.p50)}, ` +
      `p99 ${formatMs(roundTrip.p99)}; its event loop delay p99 ${formatMs(generatorLoop.percentile(99) / 1e6)}, max ${formatMs(generatorLoop.max / 1e6)}\n` +
      `  response → created event: p50 ${formatMs(events.p50)}, p99 ${formatMs(events.p99)}, max ${formatMs(events.max)} ` +
      `(${events.beforeResponse} events arrived before the response; ${events.missing} missing)\n` +
      `  ticket service CPU per ticket (until quiet): ${perTicket.toFixed(2)} ms\n` +
      `  ${databaseCpu}`,
  );
  return { load, latency, events, cpuMsPerTicket: perTicket };
}

function resultRows(a: SaturationFigures, b: PhaseFigures): ResultRow[] {
  const pair = (x: { p50: number; p99: number }) => `${formatMs(x.p50)} / ${formatMs(x.p99)}`;
  return [
    { measurement: `(a) CreateTicket, ${SATURATION.inFlight} in flight, ${SATURATION.seconds} s`, result: `${a.load.perSecond.toFixed(0)} tickets/s`, target: '≥ 1 500 tickets/s', met: a.load.perSecond >= 1_500 && a.load.errors.size === 0 },
    { measurement: '(a) latency p50 / p99', result: pair(a.latency), target: '—' },
    { measurement: '(a) ticket service CPU', result: `${a.serviceCpuPercent.toFixed(0)} % of one core`, target: '—' },
    { measurement: '(a) / (b) ticket service CPU per ticket', result: `${a.cpuMsPerTicket.toFixed(2)} ms / ${b.cpuMsPerTicket.toFixed(2)} ms`, target: '—' },
    { measurement: '(a) response → created event p50 / p99', result: pair(a.events), target: '—' },
    { measurement: `(b) CreateTicket paced at ${PACED.perSecond}/s: achieved`, result: `${b.load.perSecond.toFixed(0)} tickets/s`, target: '—' },
    { measurement: `(b) CreateTicket paced at ${PACED.perSecond}/s, p50 / p99`, result: pair(b.latency), target: 'p99 < 50 ms', met: b.latency.p99 < 50 && b.load.errors.size === 0 },
    { measurement: `(c) response → created event at ${PACED.perSecond}/s, p50 / p99`, result: pair(b.events), target: 'p99 < 100 ms', met: b.events.p99 < 100 && b.events.missing === 0 },
  ];
}

/** Runs the measurements, prints them and returns the figures. */
export async function runTicketCreate(): Promise<TicketCreateBenchResult> {
  await buildTicketService();
  const service = await startTicketProcess('bench-ticket-create');
  const client = leanUnaryClient(service.grpcAddress, 'helpdesk/ticket/v1/ticket.proto', 'helpdesk.ticket.v1.TicketService');
  const watcher = new CreatedEventWatcher(service.nats.nc, service.nats.naming);
  const database = await DatabaseCpu.connect(service.db.url);
  try {
    const a = await saturationPhase(service, client, watcher, database);
    const b = await pacedPhase(service, client, watcher, database);
    printResults('ticket-create results', resultRows(a, b));
    return {
      ticketsPerSecond: a.load.perSecond,
      saturatedP50Ms: a.latency.p50,
      saturatedP99Ms: a.latency.p99,
      pacedP50Ms: b.latency.p50,
      pacedP99Ms: b.latency.p99,
      eventP50Ms: b.events.p50,
      eventP99Ms: b.events.p99,
      serviceCpuMsPerTicket: a.cpuMsPerTicket,
    };
  } finally {
    await database.close();
    watcher.close();
    client.close();
    await service.stop();
  }
}
