import type { CloudEvent, EventDefinition } from '@helpdesk/contracts';
import type { SqlStatement } from '@helpdesk/persistence';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { buildCloudEvent, validateEventData } from '../envelope/build-cloud-event';
import { EventValidationError } from '../envelope/event-validation.error';
import { uuidv7, type IdGenerator } from '../ids/uuidv7';
import { systemClock, type Clock } from '../time/clock';
import { traceContextFields } from '../tracing/trace-context';
import { isOutboxEntry, type OutboxEntry, type PendingEvent } from './outbox-entry';
import { platformTable, schemaOf } from '../util/platform-table';

/** How a service's publisher builds envelopes. */
export interface OutboxPublisherOptions {
  /** The producing service; events get `source: helpdesk/<service>`. */
  readonly service: string;
  /** Source of event times (default: the wall clock). */
  readonly clock?: Clock;
  /** Source of event ids (default: the process-wide UUIDv7 generator). */
  readonly ids?: IdGenerator;
  /** Definitions that `{ type, subject, data }` entries are resolved against (e.g. the event registry). */
  readonly events?: readonly EventDefinition[];
}

/** The outbox of one open transaction, as handlers and use cases see it. */
export interface TransactionOutbox {
  /** Validates, builds and inserts the events in the transaction; returns the envelopes. */
  add<S extends z.ZodType>(entry: OutboxEntry<S>): Promise<CloudEvent[]>;
  add(entries: PendingEvent | readonly PendingEvent[]): Promise<CloudEvent[]>;
}

/**
 * Turns domain events into CloudEvents and writes them to the `outbox` table with the caller's
 * EntityManager, so they commit or roll back with the state change. A schema failure throws an
 * {@link EventValidationError} before anything is written: the caller's transaction rolls back
 * and the change is refused.
 */
export class OutboxPublisher {
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly definitions: ReadonlyMap<string, EventDefinition>;

  constructor(private readonly options: OutboxPublisherOptions) {
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? uuidv7;
    this.definitions = new Map((options.events ?? []).map((d) => [d.type, d]));
  }

  /** The service the envelopes name as their source. */
  get service(): string {
    return this.options.service;
  }

  /** Validates and builds envelopes without writing them (ids and times are assigned here). */
  build(entries: PendingEvent | readonly PendingEvent[]): CloudEvent[] {
    const list: readonly PendingEvent[] = Array.isArray(entries) ? entries : [entries as PendingEvent];
    const trace = traceContextFields();
    return list.map((entry) => {
      const definition = this.definitionOf(entry);
      return buildCloudEvent({
        id: this.ids(),
        service: this.options.service,
        type: definition.type,
        ...(entry.subject !== undefined ? { subject: entry.subject } : {}),
        time: entry.time ?? this.clock.now(),
        trace,
        data: validateEventData(definition, entry.data),
      });
    });
  }

  /** Validates, builds and inserts events with `manager`, which must be inside a transaction. */
  async add(manager: EntityManager, entries: PendingEvent | readonly PendingEvent[]): Promise<CloudEvent[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('outbox: add events with the EntityManager of an open transaction, so they commit with the change');
    }
    const events = this.build(entries);
    if (events.length === 0) return events;
    const { text, values } = this.insertStatement(manager, events);
    await manager.query(text, [...values]);
    return events;
  }

  /**
   * The INSERT of envelopes from {@link build} into the outbox of `manager`'s schema, for a caller
   * that runs it as part of a larger statement (`runAsOneStatement` of `@helpdesk/persistence`).
   * `onlyIf`: an SQL condition each row is inserted under, e.g. `EXISTS (SELECT 1 FROM s1)` so
   * the events are written only when the state change beside them happened (a conditional
   * UPDATE, an INSERT … ON CONFLICT DO NOTHING); it may refer to the envelope as `e.doc` (jsonb),
   * e.g. `(e.doc->>'subject')::uuid IN (SELECT id FROM s1)`, and must not contain `$<digits>`.
   */
  insertStatement(manager: EntityManager, events: readonly CloudEvent[], onlyIf?: string): SqlStatement {
    // One JSON array parameter: a single stringify, no array-literal escaping; ORDINALITY keeps
    // the given order in `position`.
    return {
      text: `INSERT INTO ${platformTable('outbox', schemaOf(manager.connection.options))} (event_id, type, envelope)
       SELECT (e.doc->>'id')::uuid, e.doc->>'type', e.doc
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(doc, n)${onlyIf ? `\n        WHERE ${onlyIf}` : ''}
        ORDER BY e.n`,
      values: [JSON.stringify(events)],
    };
  }

  /** The outbox bound to one transaction's EntityManager. */
  in(manager: EntityManager): TransactionOutbox {
    return { add: (entries: PendingEvent | readonly PendingEvent[]) => this.add(manager, entries) };
  }

  private definitionOf(entry: PendingEvent): EventDefinition {
    if (isOutboxEntry(entry)) return entry.event;
    const definition = this.definitions.get(entry.type);
    if (!definition) {
      throw new EventValidationError(entry.type, [{ path: 'type', message: 'is not a known event type of this publisher' }]);
    }
    return definition;
  }
}
