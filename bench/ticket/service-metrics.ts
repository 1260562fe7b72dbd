/**
 * What the ticket service's own ops `/metrics` say about one benchmark phase, read before and
 * after it: CreateTicket as the service timed it (the gRPC interceptor's
 * `helpdesk_grpc_request_duration_seconds`, handler start → response handed to grpc-js), its
 * event loop delay (prom-client's `nodejs_eventloop_lag_*`, whose histogram starts afresh at
 * every scrape, so the reading after a phase covers just that phase) and its garbage collection
 * time and young-generation pauses (`nodejs_gc_duration_seconds`, scavenges by bucket). Set beside the client's latency they tell whether a slow
 * call was slow inside the service, stalled by its event loop, or lost outside it (the load
 * generator, the sockets, a process waiting for a core).
 */
const CREATE_OK = 'method="/helpdesk.ticket.v1.TicketService/CreateTicket",code="OK"';

/** One scrape. */
export interface ServiceMetrics {
  readonly at: number;
  /** CreateTicket calls at or below each bucket bound (seconds; `+Inf` as Infinity). */
  readonly createBuckets: ReadonlyMap<number, number>;
  /** Event loop delay since the previous scrape, seconds. */
  readonly eventLoopP99: number;
  readonly eventLoopMax: number;
  /** GC seconds since the start of the process. */
  readonly gcSeconds: number;
  /** Young-generation collections (scavenges) since the start: how many, and how many took over 10 / 100 ms. */
  readonly scavenges: { readonly count: number; readonly over10ms: number; readonly over100ms: number };
}

export async function readServiceMetrics(httpPort: number): Promise<ServiceMetrics> {
  const text = await (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text();
  const createBuckets = new Map<number, number>();
  let eventLoopP99 = Number.NaN;
  let eventLoopMax = Number.NaN;
  let gcSeconds = 0;
  const minorAtMost = new Map<string, number>();
  for (const line of text.split('\n')) {
    const value = Number(line.split(' ').at(-1));
    if (line.startsWith('helpdesk_grpc_request_duration_seconds_bucket{') && line.includes(CREATE_OK)) {
      const le = /le="([^"]+)"/.exec(line)?.[1];
      if (le) createBuckets.set(le === '+Inf' ? Infinity : Number(le), value);
    } else if (line.startsWith('nodejs_eventloop_lag_p99_seconds')) eventLoopP99 = value;
    else if (line.startsWith('nodejs_eventloop_lag_max_seconds')) eventLoopMax = value;
    else if (line.startsWith('nodejs_gc_duration_seconds_sum')) gcSeconds += value;
    else if (line.startsWith('nodejs_gc_duration_seconds_bucket{') && line.includes('kind="minor"')) {
      const le = /le="([^"]+)"/.exec(line)?.[1];
      if (le) minorAtMost.set(le, value);
    }
  }
  const count = minorAtMost.get('+Inf') ?? 0;
  const scavenges = { count, over10ms: count - (minorAtMost.get('0.01') ?? count), over100ms: count - (minorAtMost.get('0.1') ?? count) };
  return { at: Date.now(), createBuckets, eventLoopP99, eventLoopMax, gcSeconds, scavenges };
}

/** The phase between two scrapes, as one line of text. */
export function serviceMetricsText(before: ServiceMetrics, after: ServiceMetrics): string {
  const count = (le: number) => (after.createBuckets.get(le) ?? 0) - (before.createBuckets.get(le) ?? 0);
  const total = count(Infinity);
  const over = (le: number) => `${total === 0 ? 'n/a' : (((total - count(le)) / total) * 100).toFixed(2)} % over ${le * 1_000} ms`;
  const gcMs = (after.gcSeconds - before.gcSeconds) * 1_000;
  return (
    `inside the service: ${total} CreateTicket calls, ${over(0.025)}, ${over(0.05)}, ${over(0.1)}; ` +
    `event loop delay p99 ${(after.eventLoopP99 * 1_000).toFixed(1)} ms, max ${(after.eventLoopMax * 1_000).toFixed(1)} ms; ` +
    `GC ${gcMs.toFixed(0)} ms (${((gcMs / Math.max(1, after.at - before.at)) * 100).toFixed(1)} % of the phase), ` +
    `${after.scavenges.count - before.scavenges.count} scavenges, ${after.scavenges.over10ms - before.scavenges.over10ms} over 10 ms, ` +
    `${after.scavenges.over100ms - before.scavenges.over100ms} over 100 ms`
  );
}
