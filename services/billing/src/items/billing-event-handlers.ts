import type { EventHandlerDefinition } from '@helpdesk/messaging';
import type { BillingConfig } from '../config';
import { directoryHandlers } from '../directory/directory.handlers';
import { onCallEnded } from './on-call-ended.handler';
import { onWorklogRecorded } from './on-worklog-recorded.handler';
import { onWorklogVoided } from './on-worklog-voided.handler';

/** Every event the billing service consumes, one durable consumer each. */
export function billingEventHandlers(config: BillingConfig): EventHandlerDefinition[] {
  return [onWorklogRecorded(config.BILLING_TIME_ZONE), onWorklogVoided(config.BILLING_TIME_ZONE), onCallEnded(config.BILLING_TIME_ZONE), ...directoryHandlers] as EventHandlerDefinition[];
}
