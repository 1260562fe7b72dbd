import { randomUUID } from 'node:crypto';
import { exampleTicketSnapshot } from './ticket-snapshot';
import type { TicketSnapshot } from '@helpdesk/contracts';

export { exampleTicketSnapshot };

/** A ticket as the ticket service would report it, version by version. */
export class FakeTicket {
  snapshot: TicketSnapshot;

  constructor(overrides: Partial<TicketSnapshot> = {}) {
    const now = new Date().toISOString();
    this.snapshot = exampleTicketSnapshot({ ticketId: randomUUID(), number: `T-${Math.floor(Math.random() * 1e6)}`, version: 1, status: 'new', createdAt: now, updatedAt: now, ...overrides });
  }

  /** The next version with these changes, at `at` (default now). */
  next(changes: Partial<TicketSnapshot>, at = new Date()): TicketSnapshot {
    this.snapshot = { ...this.snapshot, ...changes, version: this.snapshot.version + 1, updatedAt: at.toISOString() };
    return this.snapshot;
  }
}
