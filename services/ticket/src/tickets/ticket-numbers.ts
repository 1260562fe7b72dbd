import { GroupedCalls } from '@helpdesk/persistence';
import type { DataSource } from 'typeorm';
import type { TicketsRepository } from './tickets.repository';

/** Most numbers drawn in one query: more than the calls a busy service has in flight. */
const MAX_GROUP = 256;

/**
 * Ticket numbers for API creations. A creation that finds no draw running gets its own
 * `nextval` at once; creations arriving while one runs share the next query, which draws all
 * their numbers (`generate_series`), handed out ascending in arrival order. Numbers still come
 * from the one PostgreSQL sequence, so replicas never collide; as before, a number drawn for a
 * creation that then fails is a gap.
 */
export class TicketNumbers {
  private readonly draws: GroupedCalls<null, string>;

  constructor(dataSource: DataSource, tickets: TicketsRepository, prefix: string) {
    this.draws = new GroupedCalls<null, string>(
      async (group) => {
        const numbers = await tickets.drawNumbers(dataSource, prefix, group.length);
        return numbers.map((value) => ({ status: 'fulfilled', value }));
      },
      { maxGroup: MAX_GROUP },
    );
  }

  /** The next number, `<prefix><sequence value>`. */
  next(): Promise<string> {
    return this.draws.call(null);
  }
}
