import type { EventDomain } from '../events/event-definition';

/** One JetStream stream per owning service; the ticket service owns ticket and directory events. */
export interface StreamSpec {
  /** Stream name without the environment prefix, e.g. `HELPDESK_TICKET`. */
  readonly name: string;
  /** Subject filters without the environment prefix, e.g. `helpdesk.ticket.>`. */
  readonly subjects: readonly string[];
  readonly domains: readonly EventDomain[];
}

export const STREAMS: readonly StreamSpec[] = [
  { name: 'HELPDESK_TICKET', subjects: ['helpdesk.ticket.>', 'helpdesk.directory.>'], domains: ['ticket', 'directory'] },
  { name: 'HELPDESK_MAIL', subjects: ['helpdesk.mail.>'], domains: ['mail'] },
  { name: 'HELPDESK_CALL', subjects: ['helpdesk.call.>'], domains: ['call'] },
  { name: 'HELPDESK_SLA', subjects: ['helpdesk.sla.>'], domains: ['sla'] },
  { name: 'HELPDESK_BILLING', subjects: ['helpdesk.billing.>'], domains: ['billing'] },
  { name: 'HELPDESK_KNOWLEDGE', subjects: ['helpdesk.knowledge.>'], domains: ['knowledge'] },
  { name: 'HELPDESK_DLQ', subjects: ['helpdesk.dlq.>'], domains: [] },
];

/** The stream that holds a domain's events. */
export function streamForDomain(domain: EventDomain): StreamSpec {
  const stream = STREAMS.find((s) => s.domains.includes(domain));
  if (!stream) throw new Error(`no stream holds domain ${domain}`);
  return stream;
}

/** The stream that holds an event type (`helpdesk.<domain>.…`). */
export function streamForType(type: string): StreamSpec {
  const domain = type.split('.')[1];
  const stream = STREAMS.find((s) => s.domains.some((d) => d === domain)) ?? (domain === 'dlq' ? STREAMS.at(-1) : undefined);
  if (!stream) throw new Error(`no stream holds event type ${type}`);
  return stream;
}
