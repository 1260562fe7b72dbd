/**
 * Names derived from an event type for the AsyncAPI document:
 * `helpdesk.ticket.status.changed.v1` → `TicketStatusChangedV1` (message and schema) and
 * `ticketStatusChangedV1` (channel).
 */
export function pascalNameOf(type: string): string {
  return type
    .replace(/^helpdesk\./, '')
    .split(/[._-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** The camelCase channel id of an event type. */
export function channelIdOf(type: string): string {
  const pascal = pascalNameOf(type);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}
