import { billingLineCreatedV1 } from './billing/line-created.v1';
import { billingQuotaThresholdCrossedV1 } from './billing/quota-threshold-crossed.v1';
import { billingStatementIssuedV1 } from './billing/statement-issued.v1';
import { billingStatementIssuedV2 } from './billing/statement-issued.v2';
import { callAnsweredV1 } from './call/call-answered.v1';
import { callEndedV1 } from './call/call-ended.v1';
import { callStartedV1 } from './call/call-started.v1';
import { agentUpsertedV1 } from './directory/agent-upserted.v1';
import { assetUpsertedV1 } from './directory/asset-upserted.v1';
import { contactUpsertedV1 } from './directory/contact-upserted.v1';
import { contractUpsertedV1 } from './directory/contract-upserted.v1';
import { customerUpsertedV1 } from './directory/customer-upserted.v1';
import { queueUpsertedV1 } from './directory/queue-upserted.v1';
import type { EventDefinition } from './event-definition';
import { knowledgeArticlePublishedV1 } from './knowledge/article-published.v1';
import { knowledgeSuggestedV1 } from './knowledge/knowledge-suggested.v1';
import { mailFailedV1 } from './mail/mail-failed.v1';
import { mailReceivedV1 } from './mail/mail-received.v1';
import { mailSentV1 } from './mail/mail-sent.v1';
import { slaClockUpdatedV1 } from './sla/clock-updated.v1';
import { slaBreachedV1 } from './sla/sla-breached.v1';
import { slaEscalatedV1 } from './sla/sla-escalated.v1';
import { slaMetV1 } from './sla/sla-met.v1';
import { slaWarningV1 } from './sla/sla-warning.v1';
import { ticketAssignedV1 } from './ticket/ticket-assigned.v1';
import { ticketClosedV1 } from './ticket/ticket-closed.v1';
import { ticketCreatedV1 } from './ticket/ticket-created.v1';
import { ticketMessageAddedV1 } from './ticket/ticket-message-added.v1';
import { ticketMergedV1 } from './ticket/ticket-merged.v1';
import { ticketReopenedV1 } from './ticket/ticket-reopened.v1';
import { ticketResolvedV1 } from './ticket/ticket-resolved.v1';
import { ticketStatusChangedV1 } from './ticket/ticket-status-changed.v1';
import { ticketTaskCompletedV1 } from './ticket/ticket-task-completed.v1';
import { ticketTaskCreatedV1 } from './ticket/ticket-task-created.v1';
import { ticketUpdatedV1 } from './ticket/ticket-updated.v1';
import { ticketWorklogRecordedV1 } from './ticket/ticket-worklog-recorded.v1';
import { ticketWorklogVoidedV1 } from './ticket/ticket-worklog-voided.v1';

/**
 * Every event version the platform publishes, grouped by domain. The AsyncAPI document, the
 * contract tests and the consumer runner read it; an event missing here does not exist.
 */
export const EVENT_REGISTRY: readonly EventDefinition[] = [
  ticketCreatedV1,
  ticketUpdatedV1,
  ticketStatusChangedV1,
  ticketAssignedV1,
  ticketMessageAddedV1,
  ticketWorklogRecordedV1,
  ticketWorklogVoidedV1,
  ticketTaskCreatedV1,
  ticketTaskCompletedV1,
  ticketResolvedV1,
  ticketClosedV1,
  ticketReopenedV1,
  ticketMergedV1,
  customerUpsertedV1,
  contactUpsertedV1,
  contractUpsertedV1,
  assetUpsertedV1,
  agentUpsertedV1,
  queueUpsertedV1,
  mailReceivedV1,
  mailSentV1,
  mailFailedV1,
  callStartedV1,
  callAnsweredV1,
  callEndedV1,
  slaClockUpdatedV1,
  slaWarningV1,
  slaBreachedV1,
  slaEscalatedV1,
  slaMetV1,
  billingLineCreatedV1,
  billingStatementIssuedV1,
  billingStatementIssuedV2,
  billingQuotaThresholdCrossedV1,
  knowledgeArticlePublishedV1,
  knowledgeSuggestedV1,
];

const byType = new Map<string, EventDefinition>(EVENT_REGISTRY.map((definition) => [definition.type, definition]));

/** The definition of an event type, or undefined when the platform knows no such type (version included). */
export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}
