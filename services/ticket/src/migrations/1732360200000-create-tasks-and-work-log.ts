import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks ("Aufgaben") and the append-only work log ("Leistungsprotokoll") of tickets.
 *
 * Tasks are rows that change once: open → done | cancelled (the history keeps the change).
 * `(id, ticket_id)` is unique so that a work entry's task reference can be a composite foreign
 * key: the database itself refuses a task of another ticket. One callback task per missed call.
 *
 * Work log entries are never updated or deleted (a trigger refuses it): a correction is a
 * voiding entry, a row of its own that names the entry it voids (at most one per entry, same
 * ticket, again by composite foreign key). "Voided" is derived from the existence of that row.
 * `position` orders a ticket's log; entries of one ticket are written under the ticket's row
 * lock, so positions commit in order and keyset paging over them never skips a row.
 */
export class CreateTasksAndWorkLog1732360200000 implements MigrationInterface {
  name = 'CreateTasksAndWorkLog1732360200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_tasks (
        id                    uuid        PRIMARY KEY,
        ticket_id             uuid        NOT NULL REFERENCES tickets (id),
        kind                  text        NOT NULL CHECK (kind IN ('task', 'callback')),
        title                 text        NOT NULL CHECK (title <> ''),
        description           text        NOT NULL DEFAULT '',
        status                text        NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
        assignee_kind         text        CHECK (assignee_kind IN ('agent', 'supplier_contact')),
        assignee_id           uuid,
        due_at                timestamptz,
        remind_at             timestamptz,
        appointment_mode      text        CHECK (appointment_mode IN ('on_site', 'online')),
        appointment_starts_at timestamptz,
        appointment_ends_at   timestamptz,
        appointment_location  text,
        appointment_join_url  text,
        call_id               uuid,
        callback_number       text,
        created_by            jsonb       NOT NULL,
        created_at            timestamptz NOT NULL,
        completed_at          timestamptz,
        completed_by          jsonb,
        completion_note       text        NOT NULL DEFAULT '',
        UNIQUE (id, ticket_id),
        CHECK ((assignee_kind IS NULL) = (assignee_id IS NULL)),
        CHECK (remind_at IS NULL OR (due_at IS NOT NULL AND remind_at <= due_at)),
        CHECK ((appointment_mode IS NULL) = (appointment_starts_at IS NULL)
           AND (appointment_mode IS NULL) = (appointment_ends_at IS NULL)),
        CHECK (appointment_ends_at > appointment_starts_at),
        CHECK ((status = 'open') = (completed_at IS NULL) AND (completed_at IS NULL) = (completed_by IS NULL))
      )`);
    await q.query(`CREATE INDEX ticket_tasks_ticket ON ticket_tasks (ticket_id, created_at, id)`);
    await q.query(`CREATE UNIQUE INDEX ticket_tasks_callback_call ON ticket_tasks (call_id) WHERE kind = 'callback'`);

    await q.query(`
      CREATE TABLE work_log_entries (
        position         bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
        id               uuid        PRIMARY KEY,
        ticket_id        uuid        NOT NULL REFERENCES tickets (id),
        agent_id         uuid,
        activity_type    text,
        started_at       timestamptz,
        ended_at         timestamptz,
        duration_minutes integer     NOT NULL DEFAULT 0,
        performed_on     timestamptz,
        billable         boolean     NOT NULL DEFAULT false,
        materials        jsonb       NOT NULL DEFAULT '[]',
        note             text        NOT NULL DEFAULT '',
        task_id          uuid,
        call_id          uuid,
        voids_entry_id   uuid        UNIQUE,
        void_reason      text,
        recorded_by      jsonb       NOT NULL,
        recorded_at      timestamptz NOT NULL,
        UNIQUE (id, ticket_id),
        FOREIGN KEY (task_id, ticket_id) REFERENCES ticket_tasks (id, ticket_id),
        FOREIGN KEY (voids_entry_id, ticket_id) REFERENCES work_log_entries (id, ticket_id),
        CHECK ((started_at IS NULL) = (ended_at IS NULL) AND ended_at > started_at),
        -- A work entry carries work; a voiding entry carries only the reference and its reason.
        CHECK (
          (voids_entry_id IS NULL AND void_reason IS NULL AND agent_id IS NOT NULL AND activity_type IS NOT NULL
            AND performed_on IS NOT NULL AND duration_minutes > 0)
          OR
          (voids_entry_id IS NOT NULL AND void_reason <> '' AND agent_id IS NULL AND activity_type IS NULL
            AND performed_on IS NULL AND started_at IS NULL AND duration_minutes = 0 AND NOT billable
            AND materials = '[]' AND note = '' AND task_id IS NULL AND call_id IS NULL)
        )
      )`);
    await q.query(`CREATE INDEX work_log_entries_ticket ON work_log_entries (ticket_id, position)`);
    await q.query(`
      CREATE FUNCTION work_log_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'work_log_entries is append-only: void an entry with a voiding entry';
      END $$`);
    await q.query(`
      CREATE TRIGGER work_log_entries_append_only BEFORE UPDATE OR DELETE ON work_log_entries
      FOR EACH ROW EXECUTE FUNCTION work_log_entries_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE work_log_entries`);
    await q.query(`DROP FUNCTION work_log_entries_append_only()`);
    await q.query(`DROP TABLE ticket_tasks`);
  }
}
