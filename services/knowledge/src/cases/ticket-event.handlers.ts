import {
  knowledgeSuggestedV1,
  ticketClosedV1,
  ticketCreatedV1,
  ticketMergedV1,
  ticketMessageAddedV1,
  ticketReopenedV1,
  ticketResolvedV1,
} from '@helpdesk/contracts';
import { eventHandler, type EventHandlerDefinition } from '@helpdesk/messaging';
import type { SearchEngine } from '../search/search-engine';
import type { CaseLearningService } from './case-learning.service';
import { CasesRepository } from './cases.repository';

/** Most resolved tickets learnt in one transaction. */
const RESOLVED_BATCH = 250;

/** What the ticket event handlers need. */
export interface TicketEventDependencies {
  readonly learning: CaseLearningService;
  readonly search: SearchEngine;
  /** Suggestions published per new ticket (0 turns automatic suggestions off). */
  readonly suggestionLimit: number;
  /** Batches of resolved tickets learnt at the same time (default 1). */
  readonly resolvedConsumers?: number;
  readonly clock: () => Date;
}

/**
 * Every ticket event the knowledge service consumes, one durable consumer each. Resolved,
 * reopened and merged tickets shape the articles; created tickets get suggestions; customer
 * messages feed the read model that extraction falls back on.
 */
export function ticketEventHandlers(deps: TicketEventDependencies): EventHandlerDefinition[] {
  return [
    eventHandler({
      event: ticketCreatedV1,
      durable: 'knowledge-ticket-created',
      async handle({ data }, tx) {
        await tx.get(CasesRepository).apply(data.ticket, data.description);
        if (deps.suggestionLimit === 0) return;
        const text = `${data.ticket.summary}\n${data.description}`;
        const suggestions = await deps.search.suggest(tx.manager, text, deps.suggestionLimit, data.ticket.ticketId);
        if (suggestions.length === 0) return;
        await tx.outbox.add({
          event: knowledgeSuggestedV1,
          subject: data.ticket.ticketId,
          data: { ticketId: data.ticket.ticketId, ticketVersion: data.ticket.version, suggestions, generatedAt: deps.clock().toISOString() },
        });
      },
    }),
    eventHandler({
      event: ticketMessageAddedV1,
      durable: 'knowledge-ticket-message',
      // Internal and supplier notes never enter this service.
      appliesTo: ({ data }) => data.message.audience === 'customer',
      async handle({ data }, tx) {
        const cases = tx.get(CasesRepository);
        await cases.apply(data.ticket, null);
        await cases.addMessage(data.ticket.ticketId, data.message);
      },
    }),
    // The runner learns one batch at a time per consumer, and a batch mostly waits for
    // PostgreSQL; several runners on the one durable (as replicas would) keep more than one
    // backend busy. Their batches lock cases, articles and index keys in sorted order, so they do
    // not deadlock; two near-identical cases in batches running side by side can become two
    // articles (each batch sees only committed articles), as with replicas.
    ...Array.from({ length: Math.max(1, deps.resolvedConsumers ?? 1) }, () =>
      eventHandler({
        event: ticketResolvedV1,
        durable: 'knowledge-ticket-resolved',
        handle: ({ data }, tx) => deps.learning.learn(tx.manager, data, deps.clock()),
        // A burst of resolutions (a migration, a mass close) is learnt in batches: one transaction
        // and a handful of set-based statements per batch instead of a dozen round trips per ticket.
        handleBatch: (events, tx) => deps.learning.learnBatch(tx.manager, events.map((e) => e.data), deps.clock()),
        batchSize: RESOLVED_BATCH,
      }),
    ),
    eventHandler({
      event: ticketReopenedV1,
      durable: 'knowledge-ticket-reopened',
      handle: ({ data }, tx) => deps.learning.reopen(tx.manager, data, deps.clock()),
    }),
    eventHandler({
      event: ticketClosedV1,
      durable: 'knowledge-ticket-closed',
      async handle({ data }, tx) {
        await tx.get(CasesRepository).apply(data.ticket, null);
      },
    }),
    eventHandler({
      event: ticketMergedV1,
      durable: 'knowledge-ticket-merged',
      async handle({ data }, tx) {
        const cases = tx.get(CasesRepository);
        await cases.apply(data.ticket, null);
        await cases.apply(data.source, null);
        await cases.merge(data.source.ticketId, data.ticket.ticketId, data.messageIds);
        await deps.learning.mergeSources(tx.manager, data.source.ticketId, data.ticket.ticketId, deps.clock());
      },
    }),
  ] as EventHandlerDefinition[];
}
