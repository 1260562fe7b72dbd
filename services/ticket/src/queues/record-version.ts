import { TicketError } from '../tickets/ticket.errors';

/**
 * Throws VERSION_CONFLICT when the caller sent the version it last saw (`expected`) and the
 * record (an agent or a queue, named by `label`) has moved on since.
 */
export function assertSameVersion(label: string, current: number, expected: number | undefined): void {
  if (expected === undefined || expected === current) return;
  throw new TicketError('VERSION_CONFLICT', `${label} is at version ${current}, not ${expected}; reload it and try again`);
}
