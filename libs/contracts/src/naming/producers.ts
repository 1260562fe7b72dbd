import type { EventDomain } from '../events/event-definition';

const PRODUCERS: Record<EventDomain, string> = {
  ticket: 'helpdesk/ticket',
  directory: 'helpdesk/ticket',
  mail: 'helpdesk/mail-gateway',
  call: 'helpdesk/telephony-gateway',
  sla: 'helpdesk/sla',
  billing: 'helpdesk/billing',
  knowledge: 'helpdesk/knowledge',
};

/** The CloudEvent `source` of the only service allowed to publish a domain's events, e.g. `helpdesk/ticket`. */
export function producerForDomain(domain: EventDomain): string {
  return PRODUCERS[domain];
}
