import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets and their hash-chained history. The human-readable number comes from a sequence (the
 * only central counter; ids are UUIDv7). `priority_rank` and `sla_rank` exist so that "most
 * urgent first" is an index-friendly ORDER BY; `search` is the full-text vector over summary and
 * description in the `simple` configuration, which works for German and English alike.
 */
export class CreateTickets1732360000000 implements MigrationInterface {
  name = 'CreateTickets1732360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE ticket_number_seq START WITH 100000`);
    await q.query(`
      CREATE TABLE tickets (
        id                   uuid PRIMARY KEY,
        number               text        NOT NULL UNIQUE,
        version              integer     NOT NULL CHECK (version >= 1),
        summary              text        NOT NULL,
        description          text        NOT NULL DEFAULT '',
        channel              text        NOT NULL,
        category             text        NOT NULL,
        priority             text        NOT NULL,
        priority_rank        smallint    NOT NULL,
        status               text        NOT NULL,
        customer_id          uuid,
        contact_id           uuid,
        contract_id          uuid,
        asset_ids            uuid[]      NOT NULL DEFAULT '{}',
        assignee_id          uuid,
        queue_id             uuid,
        due_at               timestamptz,
        warning_at           timestamptz,
        sla_traffic_light    text,
        sla_rank             smallint    NOT NULL DEFAULT 0,
        sla_overdue          boolean     NOT NULL DEFAULT false,
        tags                 text[]      NOT NULL DEFAULT '{}',
        resolution           text,
        resolution_code      text,
        external_references  jsonb       NOT NULL DEFAULT '[]',
        created_at           timestamptz NOT NULL,
        created_by           jsonb       NOT NULL,
        updated_at           timestamptz NOT NULL,
        updated_by           jsonb       NOT NULL,
        resolved_at          timestamptz,
        closed_at            timestamptz,
        search               tsvector GENERATED ALWAYS AS (to_tsvector('simple', summary || ' ' || description)) STORED
      )`);
    await q.query(`CREATE INDEX tickets_customer ON tickets (customer_id, updated_at DESC, id)`);
    await q.query(`CREATE INDEX tickets_assignee ON tickets (assignee_id, updated_at DESC, id)`);
    await q.query(`CREATE INDEX tickets_queue ON tickets (queue_id, updated_at DESC, id)`);
    await q.query(`CREATE INDEX tickets_updated ON tickets (updated_at DESC, id)`);
    await q.query(`CREATE INDEX tickets_created ON tickets (created_at DESC, id)`);
    // Urgency as one ascending key, so keyset pagination is a single row comparison.
    await q.query(`
      CREATE INDEX tickets_urgency ON tickets ((-sla_rank), (COALESCE(due_at, 'infinity')), (-priority_rank), created_at, id)`);
    await q.query(`CREATE INDEX tickets_search ON tickets USING gin (search)`);
    await q.query(`CREATE INDEX tickets_tags ON tickets USING gin (tags)`);
    await q.query(`CREATE INDEX tickets_assets ON tickets USING gin (asset_ids)`);

    await q.query(`
      CREATE TABLE ticket_history (
        ticket_id uuid        NOT NULL REFERENCES tickets (id),
        seq       integer     NOT NULL CHECK (seq >= 1),
        at        timestamptz NOT NULL,
        actor     jsonb       NOT NULL,
        kind      text        NOT NULL,
        before    jsonb       NOT NULL,
        after     jsonb       NOT NULL,
        prev_hash text        NOT NULL,
        hash      text        NOT NULL,
        PRIMARY KEY (ticket_id, seq)
      )`);
    // Append-only in the database too: the hash chain detects what slips past (a superuser
    // disabling this trigger), the trigger stops the honest mistake.
    await q.query(`
      CREATE FUNCTION ticket_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ticket_history is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER ticket_history_append_only BEFORE UPDATE OR DELETE ON ticket_history
      FOR EACH ROW EXECUTE FUNCTION ticket_history_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_history`);
    await q.query(`DROP FUNCTION ticket_history_append_only()`);
    await q.query(`DROP TABLE tickets`);
    await q.query(`DROP SEQUENCE ticket_number_seq`);
  }
}
