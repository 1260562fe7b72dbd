import { streamForType, type CloudEvent } from '@helpdesk/contracts';
import { withTransaction } from '@helpdesk/persistence';
import { jetstream, jetstreamManager, type ConsumerMessages, type JetStreamClient, type JsMsg } from '@nats-io/jetstream';
import { context, SpanStatusCode } from '@opentelemetry/api';
import type { z } from 'zod';
import { decodeCloudEvent, parseJson, type DecodedEvent } from '../envelope/decode-cloud-event';
import { EventValidationError } from '../envelope/event-validation.error';
import { stderrLogger, type MessagingLogger } from '../logging/messaging-logger';
import type { ConsumerMetrics, HandleOutcome } from '../metrics/messaging-metrics';
import { ensureConsumer } from '../streams/ensure-consumer';
import { startProcessSpan } from '../tracing/messaging-spans';
import type { TraceContextFields } from '../tracing/trace-context';
import { backoffDelay, type BackoffPolicy } from '../util/exponential-backoff';
import { Batcher } from '../util/batcher';
import { KeyedLanes } from '../util/keyed-lanes';
import { Wakeup } from '../util/wakeup';
import type { ConsumerRunnerOptions } from './consumer-runner.options';
import { publishDeadLetter, type DeadLetterReason } from './dead-letter';
import { ackSoon, flushAcks } from './coalesced-acks';
import { handlerContext } from './handler-context';
import { recordBatchInInbox, recordInInbox } from './inbox';
import { isDatabaseUnavailable } from './infrastructure-error';
import { PermanentError } from './permanent.error';

const noMetrics: ConsumerMetrics = {
  setLag: () => undefined,
  redelivered: () => undefined,
  handled: () => undefined,
  observeHandlerDuration: () => undefined,
};

/**
 * Runs one {@link EventHandlerDefinition} on its durable pull consumer (shared by all replicas)
 * and owns everything JetStream: decode and validate (a bad message goes to the DLQ and is
 * terminated, its handler never runs), one transaction with the inbox row (a duplicate commits
 * nothing else and is acked), the handler, commit, ack. A failing handler is nak'ed with
 * exponential back-off until the delivery limit, then dead-lettered; a {@link PermanentError}
 * is dead-lettered at once. Messages of one CloudEvents `subject` (one aggregate) are handled
 * one at a time, in stream order; up to `concurrency` messages of different subjects overlap, as
 * they would on several replicas. Without a subject, messages share one lane.
 */
export class ConsumerRunner {
  /** The durable consumer name on the server. */
  readonly durable: string;
  /** The prefixed stream this runner reads. */
  readonly stream: string;

  private readonly js: JetStreamClient;
  private readonly logger: MessagingLogger;
  private readonly metrics: ConsumerMetrics;
  private readonly maxDeliver: number;
  private readonly retry: BackoffPolicy;
  private readonly restart = new Wakeup();
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private lagTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  private readonly lanes: KeyedLanes;
  /** Set when the handler has `handleBatch`: deliveries go through batches instead of lanes. */
  private readonly batcher: Batcher<Delivery> | undefined;

  constructor(private readonly options: ConsumerRunnerOptions) {
    const { handler, naming } = options;
    this.durable = naming.durableName(handler.durable);
    this.stream = naming.streamName(streamForType(handler.event.type));
    this.js = jetstream(options.nc);
    this.logger = options.logger ?? stderrLogger;
    this.metrics = options.metrics ?? noMetrics;
    this.maxDeliver = handler.maxDeliver ?? options.maxDeliver ?? 5;
    this.retry = options.retry ?? { initialMs: 1_000, maxMs: 60_000 };
    this.lanes = new KeyedLanes(handler.concurrency ?? options.concurrency ?? 1);
    this.batcher = handler.handleBatch ? new Batcher(handler.batchSize ?? 500, (batch) => this.processBatch(batch)) : undefined;
  }

  /** Ensures the durable consumer exists with this runner's settings, then starts pulling. */
  async start(): Promise<void> {
    if (this.loop) return;
    const jsm = await jetstreamManager(this.options.nc);
    await ensureConsumer(jsm, this.options.naming, {
      stream: streamForType(this.options.handler.event.type),
      durable: this.options.handler.durable,
      filterSubjects: [this.options.handler.event.type],
      ackWaitMs: this.options.ackWaitMs ?? 30_000,
      ...(this.options.deliverPolicy ? { deliverPolicy: this.options.deliverPolicy } : {}),
    });
    this.lagTimer = setInterval(() => void this.refreshLag(), this.options.lagIntervalMs ?? 15_000);
    this.lagTimer.unref();
    void this.refreshLag();
    this.loop = this.run();
  }

  /** Stops pulling, finishes the message in hand, hands buffered ones back (nak) and closes. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.lagTimer);
    this.restart.wake();
    await this.messages?.close();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        const consumer = await this.js.consumers.get(this.stream, this.durable);
        const pull = this.options.batch ?? 32;
        this.messages = await consumer.consume({ max_messages: this.batcher ? Math.max(pull, this.options.handler.batchSize ?? 500) : pull });
        if (this.stopping) await this.messages.close();
        for await (const msg of this.messages) {
          // Buffered messages after stop(): give them back now instead of after the ack wait.
          if (this.stopping) {
            msg.nak();
            continue;
          }
          const parsed = parseJson(msg.data);
          if (this.batcher) await this.batcher.push({ msg, parsed });
          else await this.lanes.schedule(laneOf(parsed), () => this.process(msg, parsed));
        }
      } catch (error) {
        if (!this.stopping) this.logger.warn({ err: error, consumer: this.durable }, 'consumer stopped pulling; restarting');
      }
      if (!this.stopping) await this.restart.wait(1_000);
    }
    // stop() returns once the messages already in hand are handled and acked.
    await this.lanes.drain();
    await this.batcher?.drain();
    flushAcks();
  }

  /**
   * A batch of deliveries (handler with `handleBatch`): undecodable ones and any the batch
   * cannot take go the single-event way; the rest share one transaction with one inbox
   * statement. When the batch fails it is rolled back and each event is handled on its own, so
   * only the event that really fails is retried or dead-lettered.
   */
  private async processBatch(batch: readonly Delivery[]): Promise<void> {
    const started = performance.now();
    const ready: { msg: JsMsg; parsed: { readonly value: unknown }; event: CloudEvent }[] = [];
    for (const { msg, parsed } of batch) {
      if (parsed && this.options.handler.appliesToDocument?.(parsed.value) === false) {
        ackSoon(msg);
        this.metrics.handled(this.durable, 'skipped');
        continue;
      }
      const decoded = parsed ? decodeCloudEvent(this.options.handler.event, parsed.value) : undefined;
      let applies = false;
      if (decoded?.ok) {
        try {
          applies = await this.applies(decoded.event);
        } catch {
          // The single-event way retries it like a failing handler.
          await this.process(msg, parsed);
          continue;
        }
      }
      if (parsed && decoded?.ok && applies) ready.push({ msg, parsed, event: decoded.event });
      else if (parsed && decoded?.ok) {
        ackSoon(msg);
        this.metrics.handled(this.durable, 'skipped');
      } else await this.process(msg, parsed);
    }
    if (ready.length === 0) return;
    for (const { msg } of ready) if (msg.info.deliveryCount > 1) this.metrics.redelivered(this.durable);
    const spans = ready.map(({ msg, parsed }) =>
      startProcessSpan({ destination: msg.subject, consumer: this.durable, deliveryCount: msg.info.deliveryCount, headers: msg.headers, envelope: traceFieldsOf(parsed.value) }),
    );
    let fresh: Set<number>;
    try {
      fresh = await context.with(spans[0]!.context, () => this.applyBatch(ready));
    } catch (error) {
      for (const { span } of spans) {
        span.recordException(error instanceof Error ? error : String(error));
        span.end();
      }
      this.logger.warn({ err: error, consumer: this.durable, events: ready.length }, 'batch failed; handling its events one by one');
      for (const { msg, parsed } of ready) await this.process(msg, parsed);
      return;
    }
    const perEvent = (performance.now() - started) / 1_000 / ready.length;
    ready.forEach(({ msg }, index) => {
      ackSoon(msg);
      const outcome: HandleOutcome = fresh.has(index) ? 'handled' : 'duplicate';
      spans[index]!.span.setAttribute('helpdesk.consumer.outcome', outcome);
      spans[index]!.span.end();
      this.metrics.handled(this.durable, outcome);
      this.metrics.observeHandlerDuration(this.durable, perEvent);
    });
  }

  /** One transaction: the batch's inbox rows, then `handleBatch` with the new events; returns their positions. */
  private applyBatch(ready: readonly { msg: JsMsg; event: CloudEvent }[]): Promise<Set<number>> {
    const { dataSource, publisher, handler } = this.options;
    return withTransaction(dataSource, async (manager) => {
      const unseen = await recordBatchInInbox(manager, this.durable, ready.map(({ event }) => event));
      const fresh = new Set<number>();
      ready.forEach(({ event }, index) => {
        // A copy of the same event later in the batch is a duplicate of the first.
        if (unseen.delete(event.id)) fresh.add(index);
      });
      if (fresh.size === 0 || !handler.handleBatch) return fresh;
      const keepAlive = setInterval(() => ready.forEach(({ msg }) => msg.working()), Math.max(1_000, (this.options.ackWaitMs ?? 30_000) / 2));
      try {
        const deliveryCount = Math.max(...ready.map(({ msg }) => msg.info.deliveryCount));
        await handler.handleBatch(ready.filter((_, index) => fresh.has(index)).map(({ event }) => event), handlerContext(manager, publisher, deliveryCount));
      } finally {
        clearInterval(keepAlive);
      }
      return fresh;
    });
  }

  private async process(msg: JsMsg, parsed: { readonly value: unknown } | undefined): Promise<void> {
    const started = performance.now();
    const deliveryCount = msg.info.deliveryCount;
    if (deliveryCount > 1) this.metrics.redelivered(this.durable);
    const skipsDocument = parsed !== undefined && this.options.handler.appliesToDocument?.(parsed.value) === false;
    const decoded = parsed && !skipsDocument ? decodeCloudEvent(this.options.handler.event, parsed.value) : undefined;
    const check = decoded?.ok ? await this.check(decoded.event) : undefined;
    if (skipsDocument || check?.applies === false) {
      // Counted, not traced, as in processBatch: most events of a consumer that filters need no
      // work (the service's own ticket events), and a span each was a large part of their cost.
      ackSoon(msg);
      this.metrics.handled(this.durable, 'skipped');
      this.metrics.observeHandlerDuration(this.durable, (performance.now() - started) / 1_000);
      return;
    }
    const { span, context: ctx } = startProcessSpan({
      destination: msg.subject,
      consumer: this.durable,
      deliveryCount,
      headers: msg.headers,
      envelope: traceFieldsOf(parsed?.value),
    });
    try {
      const outcome = await context.with(ctx, () => this.handle(msg, decoded, check));
      span.setAttribute('helpdesk.consumer.outcome', outcome);
      if (outcome === 'dead_lettered') span.setStatus({ code: SpanStatusCode.ERROR, message: 'moved to the DLQ' });
      this.metrics.handled(this.durable, outcome);
    } catch (error) {
      // Only ack/nak plumbing can land here; the message is redelivered after the ack wait.
      span.recordException(error instanceof Error ? error : String(error));
      this.logger.error({ err: error, consumer: this.durable, seq: msg.seq }, 'consumer could not settle a message');
    } finally {
      span.end();
      this.metrics.observeHandlerDuration(this.durable, (performance.now() - started) / 1_000);
    }
  }

  /** `appliesTo`, asked before any span is started; a failing check is kept for {@link handle} to retry. */
  private async check(event: CloudEvent): Promise<Check> {
    try {
      return { applies: await this.applies(event) };
    } catch (error) {
      return { error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  /** A delivery whose check did not turn it down: dead-letter, retry or handle it. */
  private async handle(msg: JsMsg, decoded: DecodedEvent<z.ZodType> | undefined, check: Check | undefined): Promise<HandleOutcome> {
    const { event: definition } = this.options.handler;
    if (!decoded) {
      return this.deadLetter(msg, 'invalid', new EventValidationError(definition.type, [{ path: '', message: 'payload is not JSON' }]));
    }
    if (!decoded.ok) return this.deadLetter(msg, 'invalid', decoded.error);
    let fresh: boolean;
    try {
      if (check?.error) throw check.error;
      fresh = await this.apply(decoded.event, msg);
    } catch (error) {
      return this.failed(msg, error instanceof Error ? error : new Error(String(error)));
    }
    ackSoon(msg);
    return fresh ? 'handled' : 'duplicate';
  }

  private async applies(event: CloudEvent): Promise<boolean> {
    const { handler, dataSource } = this.options;
    return handler.appliesTo ? handler.appliesTo(event, dataSource.manager) : true;
  }

  private apply(event: CloudEvent, msg: JsMsg): Promise<boolean> {
    const { dataSource, publisher, handler } = this.options;
    return withTransaction(dataSource, async (manager) => {
      if (!(await recordInInbox(manager, this.durable, event.id, event.type))) return false;
      const keepAlive = setInterval(() => msg.working(), Math.max(1_000, (this.options.ackWaitMs ?? 30_000) / 2));
      try {
        await handler.handle(event, handlerContext(manager, publisher, msg.info.deliveryCount));
      } finally {
        clearInterval(keepAlive);
      }
      return true;
    });
  }

  private async failed(msg: JsMsg, error: Error): Promise<HandleOutcome> {
    const deliveries = msg.info.deliveryCount;
    if (error instanceof PermanentError) return this.deadLetter(msg, 'permanent', error);
    if (!isDatabaseUnavailable(error) && deliveries >= this.maxDeliver) return this.deadLetter(msg, 'max-deliveries', error);
    const delay = backoffDelay(this.retry, deliveries);
    this.logger.warn({ err: error, consumer: this.durable, seq: msg.seq, deliveries, retryInMs: delay }, 'handler failed; will retry');
    msg.nak(delay);
    return 'retried';
  }

  private async deadLetter(msg: JsMsg, reason: DeadLetterReason, error: Error): Promise<HandleOutcome> {
    try {
      await publishDeadLetter(this.js, this.options.naming, msg, {
        reason,
        error,
        consumer: this.durable,
        service: this.options.service,
      });
    } catch (publishError) {
      this.logger.error({ err: publishError, consumer: this.durable, seq: msg.seq }, 'could not publish to the DLQ; will retry');
      msg.nak(backoffDelay(this.retry, msg.info.deliveryCount));
      return 'retried';
    }
    this.logger.warn({ err: error, consumer: this.durable, seq: msg.seq, reason }, 'event moved to the DLQ');
    msg.term();
    return 'dead_lettered';
  }

  private async refreshLag(): Promise<void> {
    try {
      const info = await (await this.js.consumers.get(this.stream, this.durable)).info();
      this.metrics.setLag(this.stream, this.durable, info.num_pending);
    } catch {
      // Lag is best effort; the next tick tries again.
    }
  }
}

/** What `appliesTo` said about an event, or how asking it failed. */
type Check = { readonly applies: boolean; readonly error?: undefined } | { readonly applies?: undefined; readonly error: Error };

/** A pulled message and its body parsed as JSON (undefined when it is not JSON). */
interface Delivery {
  readonly msg: JsMsg;
  readonly parsed: { readonly value: unknown } | undefined;
}

function traceFieldsOf(value: unknown): TraceContextFields {
  if (typeof value !== 'object' || value === null) return {};
  const traceparent = 'traceparent' in value && typeof value.traceparent === 'string' ? value.traceparent : undefined;
  const tracestate = 'tracestate' in value && typeof value.tracestate === 'string' ? value.tracestate : undefined;
  return { ...(traceparent ? { traceparent } : {}), ...(tracestate ? { tracestate } : {}) };
}

/** The lane of a message: its CloudEvents subject, read before validation (a bad one still needs a lane). */
function laneOf(parsed: { readonly value: unknown } | undefined): string {
  const value = parsed?.value;
  if (typeof value !== 'object' || value === null) return '';
  const subject = (value as { subject?: unknown }).subject;
  return typeof subject === 'string' ? subject : '';
}
