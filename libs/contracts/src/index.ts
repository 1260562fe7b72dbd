// The public API of @helpdesk/contracts: one explicit list.

// Envelope and naming
export { cloudEventSchema } from './envelope/cloud-event';
export type { CloudEvent } from './envelope/cloud-event';
export { STREAMS, streamForDomain, streamForType } from './naming/streams';
export type { StreamSpec } from './naming/streams';
export { SubjectNaming } from './naming/subject-naming';
export { producerForDomain } from './naming/producers';

// Event definitions and the registry
export { EVENT_DOMAINS, defineEvent } from './events/event-definition';
export type { EventData, EventDefinition, EventDomain, EventType } from './events/event-definition';
export { EVENT_REGISTRY, findEventDefinition } from './events/registry';

export { ticketAssignedV1 } from './events/ticket/ticket-assigned.v1';
export type { TicketAssignedV1 } from './events/ticket/ticket-assigned.v1';
export { ticketClosedV1 } from './events/ticket/ticket-closed.v1';
export type { TicketClosedV1 } from './events/ticket/ticket-closed.v1';
export { ticketCreatedV1 } from './events/ticket/ticket-created.v1';
export type { TicketCreatedV1 } from './events/ticket/ticket-created.v1';
export { ticketMessageAddedV1 } from './events/ticket/ticket-message-added.v1';
export type { TicketMessageAddedV1 } from './events/ticket/ticket-message-added.v1';
export { ticketMergedV1 } from './events/ticket/ticket-merged.v1';
export type { TicketMergedV1 } from './events/ticket/ticket-merged.v1';
export { ticketReopenedV1 } from './events/ticket/ticket-reopened.v1';
export type { TicketReopenedV1 } from './events/ticket/ticket-reopened.v1';
export { ticketResolvedV1 } from './events/ticket/ticket-resolved.v1';
export type { TicketResolvedV1 } from './events/ticket/ticket-resolved.v1';
export { ticketStatusChangedV1 } from './events/ticket/ticket-status-changed.v1';
export type { TicketStatusChangedV1 } from './events/ticket/ticket-status-changed.v1';
export { ticketTaskCompletedV1 } from './events/ticket/ticket-task-completed.v1';
export type { TicketTaskCompletedV1 } from './events/ticket/ticket-task-completed.v1';
export { ticketTaskCreatedV1 } from './events/ticket/ticket-task-created.v1';
export type { TicketTaskCreatedV1 } from './events/ticket/ticket-task-created.v1';
export { ticketUpdatedV1 } from './events/ticket/ticket-updated.v1';
export type { TicketUpdatedV1 } from './events/ticket/ticket-updated.v1';
export { ticketWorklogRecordedV1 } from './events/ticket/ticket-worklog-recorded.v1';
export type { TicketWorklogRecordedV1 } from './events/ticket/ticket-worklog-recorded.v1';
export { ticketWorklogVoidedV1 } from './events/ticket/ticket-worklog-voided.v1';
export type { TicketWorklogVoidedV1 } from './events/ticket/ticket-worklog-voided.v1';
export { agentUpsertedV1 } from './events/directory/agent-upserted.v1';
export type { AgentUpsertedV1 } from './events/directory/agent-upserted.v1';
export { assetUpsertedV1 } from './events/directory/asset-upserted.v1';
export type { AssetUpsertedV1 } from './events/directory/asset-upserted.v1';
export { contactUpsertedV1 } from './events/directory/contact-upserted.v1';
export type { ContactUpsertedV1 } from './events/directory/contact-upserted.v1';
export { contractUpsertedV1 } from './events/directory/contract-upserted.v1';
export type { ContractUpsertedV1 } from './events/directory/contract-upserted.v1';
export { customerUpsertedV1 } from './events/directory/customer-upserted.v1';
export type { CustomerUpsertedV1 } from './events/directory/customer-upserted.v1';
export { queueUpsertedV1 } from './events/directory/queue-upserted.v1';
export type { QueueUpsertedV1 } from './events/directory/queue-upserted.v1';
export { mailFailedV1 } from './events/mail/mail-failed.v1';
export type { MailFailedV1 } from './events/mail/mail-failed.v1';
export { mailReceivedV1 } from './events/mail/mail-received.v1';
export type { MailReceivedV1 } from './events/mail/mail-received.v1';
export { mailSentV1 } from './events/mail/mail-sent.v1';
export type { MailSentV1 } from './events/mail/mail-sent.v1';
export { callAnsweredV1 } from './events/call/call-answered.v1';
export type { CallAnsweredV1 } from './events/call/call-answered.v1';
export { callEndedV1 } from './events/call/call-ended.v1';
export type { CallEndedV1 } from './events/call/call-ended.v1';
export { callStartedV1 } from './events/call/call-started.v1';
export type { CallStartedV1 } from './events/call/call-started.v1';
export { slaClockUpdatedV1 } from './events/sla/clock-updated.v1';
export type { SlaClockUpdatedV1 } from './events/sla/clock-updated.v1';
export { slaBreachedV1 } from './events/sla/sla-breached.v1';
export type { SlaBreachedV1 } from './events/sla/sla-breached.v1';
export { slaEscalatedV1 } from './events/sla/sla-escalated.v1';
export type { SlaEscalatedV1 } from './events/sla/sla-escalated.v1';
export { slaMetV1 } from './events/sla/sla-met.v1';
export type { SlaMetV1 } from './events/sla/sla-met.v1';
export { slaWarningV1 } from './events/sla/sla-warning.v1';
export type { SlaWarningV1 } from './events/sla/sla-warning.v1';
export { billingLineCreatedV1 } from './events/billing/line-created.v1';
export type { BillingLineCreatedV1 } from './events/billing/line-created.v1';
export { billingQuotaThresholdCrossedV1 } from './events/billing/quota-threshold-crossed.v1';
export type { BillingQuotaThresholdCrossedV1 } from './events/billing/quota-threshold-crossed.v1';
export { billingStatementIssuedV1 } from './events/billing/statement-issued.v1';
export type { BillingStatementIssuedV1 } from './events/billing/statement-issued.v1';
export { billingStatementIssuedV2 } from './events/billing/statement-issued.v2';
export type { BillingStatementIssuedV2 } from './events/billing/statement-issued.v2';
export { knowledgeArticlePublishedV1 } from './events/knowledge/article-published.v1';
export type { KnowledgeArticlePublishedV1 } from './events/knowledge/article-published.v1';
export { knowledgeSuggestedV1 } from './events/knowledge/knowledge-suggested.v1';
export type { KnowledgeSuggestedV1 } from './events/knowledge/knowledge-suggested.v1';

// Sub-schemas shared by several events
export { actorKindSchema, actorSchema } from './events/shared/actor';
export type { Actor } from './events/shared/actor';
export { attachmentRefSchema } from './events/shared/attachment';
export type { AttachmentRef } from './events/shared/attachment';
export { billingLineSchema, billingSourceItemSchema, billingStatementLineSchema } from './events/shared/billing-line';
export type { BillingLine, BillingStatementLine } from './events/shared/billing-line';
export { callBaseSchema } from './events/shared/call';
export type { CallBase } from './events/shared/call';
export { smtpReplySchema } from './events/shared/mail-delivery';
export type { SmtpReply } from './events/shared/mail-delivery';
export { moneySchema } from './events/shared/money';
export type { Money } from './events/shared/money';
export {
  currencySchema,
  dateSchema,
  decimalStringSchema,
  e164Schema,
  languageSchema,
  mailAddressSchema,
  sha256Schema,
  timestampSchema,
  uuidSchema,
} from './events/shared/primitives';
export { slaClockSchema, slaClockStateSchema, slaTargetSchema, slaTicketRefSchema } from './events/shared/sla-clock';
export type { SlaClock, SlaTarget } from './events/shared/sla-clock';
export {
  messageAudienceSchema,
  messageDirectionSchema,
  messageMediumSchema,
  messagePurposeSchema,
  ticketMessageSchema,
} from './events/shared/ticket-message';
export type { TicketMessage } from './events/shared/ticket-message';
export {
  slaTrafficLightSchema,
  ticketChannelSchema,
  ticketPrioritySchema,
  ticketSnapshotSchema,
  ticketStatusSchema,
} from './events/shared/ticket-snapshot';
export type { SlaTrafficLight, TicketChannel, TicketPriority, TicketSnapshot, TicketStatus } from './events/shared/ticket-snapshot';
export { taskKindSchema, taskStatusSchema, ticketTaskSchema } from './events/shared/ticket-task';
export type { TicketTask } from './events/shared/ticket-task';
export { materialUsageSchema, workLogEntrySchema } from './events/shared/work-log-entry';
export type { WorkLogEntry } from './events/shared/work-log-entry';

// AsyncAPI
export { buildAsyncApiDocument } from './asyncapi/build-asyncapi';
export type { AsyncApiDocument, AsyncApiOptions, JsonValue } from './asyncapi/build-asyncapi';
export { renderAsyncApiDocument } from './asyncapi/render-asyncapi';

// gRPC: .proto location and generated code, one namespace per proto package
export { PROTO_ROOT } from './proto-root';
export { PROTO_LOADER_OPTIONS } from './proto-loader-options';
export * as commonV1 from './grpc/common-v1';
export * as ticketV1 from './grpc/ticket-v1';
export * as directoryV1 from './grpc/directory-v1';
export * as queuesV1 from './grpc/queues-v1';
export * as telephonyV1 from './grpc/telephony-v1';
export * as billingV1 from './grpc/billing-v1';
export * as knowledgeV1 from './grpc/knowledge-v1';
export * as slaV1 from './grpc/sla-v1';
export * as mailV1 from './grpc/mail-v1';
