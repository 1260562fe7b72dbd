import { createTicketRequest } from './create-requests';
import { nowMs, sleepUntil } from '../support/latency';
import { errorCodeOf, type UnaryClient } from '../support/grpc-client';

/** What one load phase measured. */
export interface CreateLoadResult {
  /** Successful calls per second over the measured window. */
  readonly perSecond: number;
  /** Latency of each successful call in the window, ms. */
  readonly latencies: number[];
  /**
   * Of the same calls, the time from the moment the generator actually sent it to its response, ms:
   * the latency without the generator's own lateness in sending (a paced call waits in the
   * generator when its timer fires late).
   */
  readonly roundTrips: number[];
  /** Paced phase: how late the generator's timer fired for each batch of sends, ms. */
  readonly sendLags: number[];
  /** Ticket id → when its CreateTicket response arrived ({@link nowMs} clock). */
  readonly returnedAt: Map<string, number>;
  /** Failed calls by gRPC status name. */
  readonly errors: Map<string, number>;
  readonly windowSeconds: number;
  /** Successful calls in the whole phase, warm-up included (what the service's CPU time paid for). */
  succeeded: number;
}

type Sample = (startedAt: number) => Promise<void>;

/** One CreateTicket call; records latency from `startedAt` and the response time when `record` is on. */
function sampler(client: UnaryClient, token: string, result: CreateLoadResult, record: () => boolean): Sample {
  return async (startedAt) => {
    const sentAt = nowMs();
    try {
      const response = await client.call<{ ticket?: { id?: string } }>('CreateTicket', createTicketRequest(), token);
      const returned = nowMs();
      result.succeeded += 1;
      if (!record()) return;
      result.latencies.push(returned - startedAt);
      result.roundTrips.push(returned - sentAt);
      if (response.ticket?.id) result.returnedAt.set(response.ticket.id, returned);
    } catch (error) {
      if (!record()) return;
      const code = errorCodeOf(error);
      result.errors.set(code, (result.errors.get(code) ?? 0) + 1);
    }
  };
}

function emptyResult(windowSeconds: number): CreateLoadResult {
  return { perSecond: 0, latencies: [], roundTrips: [], sendLags: [], returnedAt: new Map(), errors: new Map(), windowSeconds, succeeded: 0 };
}

/**
 * Closed loop: `inFlight` callers each send the next CreateTicket as soon as the previous one
 * answers. The first `warmUpSeconds` warm JIT, pools and caches and are not counted; a call
 * counts when it starts inside the window.
 */
export async function closedLoop(client: UnaryClient, token: string, opts: { inFlight: number; seconds: number; warmUpSeconds: number }): Promise<CreateLoadResult> {
  const result = emptyResult(opts.seconds);
  const windowStart = nowMs() + opts.warmUpSeconds * 1_000;
  const windowEnd = windowStart + opts.seconds * 1_000;
  await Promise.all(
    Array.from({ length: opts.inFlight }, async () => {
      for (let startedAt = nowMs(); startedAt < windowEnd; startedAt = nowMs()) {
        const inWindow = startedAt >= windowStart;
        await sampler(client, token, result, () => inWindow)(startedAt);
      }
    }),
  );
  return { ...result, perSecond: result.latencies.length / opts.seconds };
}

/**
 * Open loop: `perSecond` calls on a fixed schedule (a batch every `tickMs`, drift-free), sent
 * whether or not earlier calls have answered. Latency counts from the scheduled send time, so
 * a stalled generator or server shows up as latency instead of as fewer requests.
 */
export async function pacedLoad(client: UnaryClient, token: string, opts: { perSecond: number; seconds: number; tickMs: number }): Promise<CreateLoadResult> {
  const result = emptyResult(opts.seconds);
  const sample = sampler(client, token, result, () => true);
  const perTick = (opts.perSecond * opts.tickMs) / 1_000;
  const ticks = (opts.seconds * 1_000) / opts.tickMs;
  const start = nowMs();
  const calls: Promise<void>[] = [];
  for (let tick = 0; tick < ticks; tick += 1) {
    const due = start + tick * opts.tickMs;
    await sleepUntil(due);
    result.sendLags.push(nowMs() - due);
    // Whole calls per tick that add up to the rate (2.5 per tick → 2, 3, 2, 3, …).
    const batch = Math.floor((tick + 1) * perTick) - Math.floor(tick * perTick);
    for (let i = 0; i < batch; i += 1) calls.push(sample(due));
  }
  await Promise.all(calls);
  const elapsedSeconds = (nowMs() - start) / 1_000;
  return { ...result, perSecond: result.latencies.length / elapsedSeconds };
}
