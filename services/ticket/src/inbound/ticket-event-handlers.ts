import type { EventHandlerDefinition } from '@helpdesk/messaging';
import type { TicketConfig } from '../config';
import { assetLifeRecordHandlers } from '../directory/assets/on-ticket-asset-life-record.handler';
import type { ActiveQueuesCache } from '../queues/active-queues-cache';
import { queueRoutingHandlers } from '../queues/queue-routing.handler';
import type { InboundSettings } from './inbound-settings';
import { onCallEnded } from './on-call-ended.handler';
import { onKnowledgeSuggested } from './on-knowledge-suggested.handler';
import { onMailReceived } from './on-mail-received.handler';
import { onSlaClockUpdated } from './on-sla-clock-updated.handler';

/** The activity type of the work an answered call's talk time becomes. */
const PHONE_SUPPORT = 'phone_support';

/** Every event the ticket service consumes, one durable consumer each (add new handlers here). */
export function ticketEventHandlers(config: TicketConfig, activeQueues?: ActiveQueuesCache): EventHandlerDefinition[] {
  const policy = { categories: config.TICKET_CATEGORIES, reopenWindowDays: config.TICKET_REOPEN_WINDOW_DAYS };
  const inbound: InboundSettings = {
    policy,
    numberPrefix: config.TICKET_NUMBER_PREFIX,
    attachmentMaxBytes: config.TICKET_ATTACHMENT_MAX_BYTES,
    callbacks: { dueMinutes: config.TICKET_CALLBACK_DUE_MINUTES, reminderLeadMinutes: config.TICKET_CALLBACK_REMINDER_LEAD_MINUTES },
    autoAcknowledge: config.TICKET_MAIL_AUTO_ACKNOWLEDGE,
    callAttachWindowHours: config.TICKET_CALL_ATTACH_WINDOW_HOURS,
    directoryTimeZone: config.DIRECTORY_TIME_ZONE,
    ...(config.TICKET_ACTIVITY_TYPES.includes(PHONE_SUPPORT)
      ? { callWork: { activityType: PHONE_SUPPORT, rules: { activityTypes: config.TICKET_ACTIVITY_TYPES, maxMinutesPerEntry: config.TICKET_WORK_MAX_MINUTES } } }
      : {}),
  };
  return [
    onSlaClockUpdated(policy),
    onMailReceived(inbound),
    onCallEnded(inbound),
    onKnowledgeSuggested(inbound),
    ...assetLifeRecordHandlers,
    ...queueRoutingHandlers(policy, activeQueues),
  ] as EventHandlerDefinition[];
}
