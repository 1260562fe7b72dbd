import { callEndedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import { CallIntakeService } from './call-intake.service';
import type { InboundSettings } from './inbound-settings';

/** An answered call becomes a phone message, a missed inbound call a callback task, on the caller's ticket. */
export function onCallEnded(settings: InboundSettings, clock: () => Date = () => new Date()) {
  const intake = new CallIntakeService(settings);
  return eventHandler({
    event: callEndedV1,
    durable: 'ticket-call-ended',
    handle: ({ data }, tx) => intake.receive(tx, data, clock()),
  });
}
