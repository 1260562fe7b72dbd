import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Links between tickets, one row per pair of tickets. A row reads "ticket_id <kind>
 * linked_ticket_id": `parent` — the linked ticket is the parent of ticket_id; `duplicate` —
 * ticket_id duplicates the linked ticket; `related` — symmetric, stored with the smaller id first.
 * The other side sees the inverse (child, duplicated by, related) from the same row, so nothing
 * can get out of step. Links to external documents live on the ticket row
 * (`tickets.external_references`).
 */
export class CreateTicketLinks1732360500000 implements MigrationInterface {
  name = 'CreateTicketLinks1732360500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_links (
        ticket_id        uuid        NOT NULL REFERENCES tickets (id),
        linked_ticket_id uuid        NOT NULL REFERENCES tickets (id),
        kind             text        NOT NULL CHECK (kind IN ('parent', 'related', 'duplicate')),
        created_at       timestamptz NOT NULL,
        created_by       jsonb       NOT NULL,
        PRIMARY KEY (ticket_id, linked_ticket_id),
        CHECK (ticket_id <> linked_ticket_id),
        CHECK (kind <> 'related' OR ticket_id < linked_ticket_id)
      )`);
    // One link per pair whichever way round it was stored: A parent of B and B parent of A, or
    // A related to B and A duplicate of B, cannot both exist.
    await q.query(`
      CREATE UNIQUE INDEX ticket_links_pair ON ticket_links (LEAST(ticket_id, linked_ticket_id), GREATEST(ticket_id, linked_ticket_id))`);
    // The other side's links (children, duplicates, related with the larger id).
    await q.query(`CREATE INDEX ticket_links_linked ON ticket_links (linked_ticket_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_links`);
  }
}
