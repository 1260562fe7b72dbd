import type { z } from 'zod';
import { cloudEventSchema } from '../envelope/cloud-event';
import { actorSchema } from '../events/shared/actor';
import { attachmentRefSchema } from '../events/shared/attachment';
import { billingLineSchema, billingSourceItemSchema } from '../events/shared/billing-line';
import { smtpReplySchema } from '../events/shared/mail-delivery';
import { moneySchema } from '../events/shared/money';
import { slaClockSchema, slaTicketRefSchema } from '../events/shared/sla-clock';
import { ticketMessageSchema } from '../events/shared/ticket-message';
import {
  slaTrafficLightSchema,
  ticketChannelSchema,
  ticketPrioritySchema,
  ticketSnapshotSchema,
  ticketStatusSchema,
} from '../events/shared/ticket-snapshot';
import { appointmentSchema, ticketTaskSchema } from '../events/shared/ticket-task';
import { materialUsageSchema, workLogEntrySchema } from '../events/shared/work-log-entry';

/**
 * Sub-schemas that several events share, by their AsyncAPI component name. They are emitted
 * once under `components.schemas` and referenced from the event schemas, so a subscriber reads
 * `TicketSnapshot` once instead of in every ticket event.
 */
export const SHARED_SCHEMA_COMPONENTS: Readonly<Record<string, z.ZodType>> = {
  CloudEvent: cloudEventSchema,
  Actor: actorSchema,
  Money: moneySchema,
  AttachmentRef: attachmentRefSchema,
  TicketStatus: ticketStatusSchema,
  TicketPriority: ticketPrioritySchema,
  TicketChannel: ticketChannelSchema,
  SlaTrafficLight: slaTrafficLightSchema,
  TicketSnapshot: ticketSnapshotSchema,
  TicketMessage: ticketMessageSchema,
  TicketTask: ticketTaskSchema,
  Appointment: appointmentSchema,
  WorkLogEntry: workLogEntrySchema,
  MaterialUsage: materialUsageSchema,
  SmtpReply: smtpReplySchema,
  SlaTicketRef: slaTicketRefSchema,
  SlaClock: slaClockSchema,
  BillingLine: billingLineSchema,
  BillingSourceItem: billingSourceItemSchema,
};
