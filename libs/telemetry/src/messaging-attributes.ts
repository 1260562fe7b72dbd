/**
 * OpenTelemetry messaging semantic-convention attribute names (semconv 1.x, "messaging.*"), kept
 * here as plain strings because the conventions package ships them only in its unstable
 * "incubating" entry point.
 */
export const MessagingAttribute = {
  /** Always `nats` here. */
  SYSTEM: 'messaging.system',
  /** The subject published to or consumed from (e.g. `helpdesk.ticket.created.v1`). */
  DESTINATION_NAME: 'messaging.destination.name',
  /** `send` for a publish, `process` for a consume (see {@link MessagingOperationType}). */
  OPERATION_TYPE: 'messaging.operation.type',
  /** The system-specific operation, e.g. `publish` or `consume`. */
  OPERATION_NAME: 'messaging.operation.name',
  /** The event id (CloudEvents `id`, also `Nats-Msg-Id`). */
  MESSAGE_ID: 'messaging.message.id',
  /** Payload size in bytes. */
  MESSAGE_BODY_SIZE: 'messaging.message.body.size',
  /** The durable consumer name (e.g. `sla-ticket-status`). */
  CONSUMER_GROUP_NAME: 'messaging.consumer.group.name',
} as const;

/** Values of `messaging.operation.type` used by the platform. */
export const MessagingOperationType = {
  /** Publishing one message (a PRODUCER span). */
  SEND: 'send',
  /** Handling one delivered message (a CONSUMER span). */
  PROCESS: 'process',
} as const;
