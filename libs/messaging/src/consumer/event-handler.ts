import type { CloudEvent, EventDefinition } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { TransactionOutbox } from '../outbox/outbox-publisher';

/** A class built from a transaction's EntityManager, typically a repository. */
export type ManagerBound<T> = new (manager: EntityManager) => T;

/** What a handler gets besides the event: its transaction and the delivery it runs in. */
export interface HandlerContext {
  /** The open transaction; the inbox row is already in it. */
  readonly manager: EntityManager;
  /** Follow-up events, written in the same transaction. */
  readonly outbox: TransactionOutbox;
  /** 1 on first delivery, growing with every redelivery. */
  readonly deliveryCount: number;
  /** An instance of `type` bound to this transaction (one per type and transaction). */
  get<T>(type: ManagerBound<T>): T;
}

/**
 * One handler of one event version for one durable consumer. `handle` runs inside a
 * transaction with the inbox row; throwing rolls everything back and the event is retried
 * (or sent to the DLQ at once for a {@link PermanentError}).
 */
export interface EventHandlerDefinition<S extends z.ZodType = z.ZodType> {
  readonly event: EventDefinition<S>;
  /** Durable consumer name, `<service>-<purpose>`, shared by all replicas (e.g. `sla-ticket-status`). */
  readonly durable: string;
  /** Deliveries before the event moves to the DLQ (default: the runner's, config `CONSUMER_MAX_DELIVER`). */
  readonly maxDeliver?: number;
  /**
   * Events handled at the same time by one replica (default: the runner's, config
   * `CONSUMER_CONCURRENCY`); 1 for a handler that needs the stream's order across subjects.
   * Events of one subject are handled in order either way.
   */
  readonly concurrency?: number;
  /**
   * Whether the event can change anything for this handler, asked before any transaction is
   * opened; `false` acknowledges the event at once without an inbox row (outcome `skipped`).
   * Most events a consumer sees need no work (a new ticket without assets for the asset life
   * record), and a transaction with its inbox row costs several database round trips. `reader`
   * runs outside a transaction, so only decide from data for which a concurrent change could
   * not have mattered to the event anyway. Throwing retries the event like a failing `handle`.
   */
  appliesTo?(event: CloudEvent<z.output<S>>, reader: EntityManager): boolean | Promise<boolean>;
  /**
   * A cheaper first check on the JSON document as received, asked before it is decoded and
   * validated: `false` acknowledges it at once as `skipped` (untraced), like `appliesTo`;
   * `true` goes on the usual way. Only for events the service itself validated when it wrote
   * them (its own ticket events), where a skipped document that would have failed validation is
   * nothing to dead-letter. Answer `true` whenever the document does not look as expected.
   */
  appliesToDocument?(document: unknown): boolean;
  handle(event: CloudEvent<z.output<S>>, tx: HandlerContext): Promise<void>;
  /**
   * Optional bulk form of `handle`, for consumers whose cost is round trips per event. With it
   * the runner collects up to `batchSize` deliveries, records them in the inbox with one
   * statement and calls `handleBatch` once, inside the same transaction, with the events that
   * were not handled before (stream order, each event id once); then it commits and acks them
   * all. Its effect must equal calling `handle` for each event in order: when the batch fails,
   * the runner rolls it back and handles every event of it on its own through `handle`, so
   * retries, the DLQ and a poison message work per event as usual. Batches of one consumer run
   * one after another, so events of one subject keep their stream order; `concurrency` does not
   * apply.
   */
  handleBatch?(events: readonly CloudEvent<z.output<S>>[], tx: HandlerContext): Promise<void>;
  /** Most events per `handleBatch` call (default 500). */
  readonly batchSize?: number;
}

/** Declares a handler; keeps the event's data type for `handle`. */
export function eventHandler<S extends z.ZodType>(definition: EventHandlerDefinition<S>): EventHandlerDefinition<S> {
  return definition;
}
