import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agents, queues, queue members and weekly schedule slots.
 *
 * - `agents.id` is the `sub` of the agent's tokens, not minted here. An absence is
 *   `absent_since` (null while present), an optional `absent_until` and an optional substitute.
 * - `queues.rr_last_agent_id` is the round-robin rotation pointer: the member who got the last
 *   turn. Routing reads and moves it under `SELECT … FOR UPDATE` on the queue row, in the same
 *   transaction as the assignment, so two replicas never hand out the same turn. It is
 *   operational state, not configuration: moving it bumps no version and emits no event.
 * - `queue_members.position` is the rotation order. Slots reference memberships, so a member
 *   who still serves slots cannot be removed from the queue. Queues and agents are archived,
 *   never deleted.
 * - `tickets.assignee_id` / `queue_id` get no foreign keys: tickets may name agents and queues
 *   synchronised later, and the ticket table is the hot path.
 */
export class CreateQueues1732360400000 implements MigrationInterface {
  name = 'CreateQueues1732360400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agents (
        id                  uuid PRIMARY KEY,
        display_name        text        NOT NULL,
        email               text        NOT NULL,
        extension           text,
        external_id         text UNIQUE,
        active              boolean     NOT NULL,
        absent_since        timestamptz,
        absent_until        timestamptz,
        substitute_agent_id uuid REFERENCES agents (id),
        version             integer     NOT NULL CHECK (version >= 1),
        created_at          timestamptz NOT NULL,
        created_by          jsonb       NOT NULL,
        updated_at          timestamptz NOT NULL,
        updated_by          jsonb       NOT NULL,
        CHECK (absent_since IS NOT NULL OR (absent_until IS NULL AND substitute_agent_id IS NULL)),
        CHECK (substitute_agent_id <> id)
      )`);
    await q.query(`CREATE INDEX agents_name ON agents (lower(display_name), id)`);

    await q.query(`
      CREATE TABLE queues (
        id                     uuid PRIMARY KEY,
        key                    text        NOT NULL UNIQUE,
        name                   text        NOT NULL,
        categories             text[]      NOT NULL DEFAULT '{}',
        priorities             text[]      NOT NULL DEFAULT '{}',
        lead_agent_id          uuid REFERENCES agents (id),
        strategy               text        NOT NULL CHECK (strategy IN ('manual', 'round_robin', 'schedule')),
        time_zone              text        NOT NULL,
        carry_over_in_progress boolean     NOT NULL DEFAULT false,
        active                 boolean     NOT NULL,
        rr_last_agent_id       uuid REFERENCES agents (id),
        version                integer     NOT NULL CHECK (version >= 1),
        created_at             timestamptz NOT NULL,
        created_by             jsonb       NOT NULL,
        updated_at             timestamptz NOT NULL,
        updated_by             jsonb       NOT NULL
      )`);
    // Routing looks up the queues whose rule names a ticket's category.
    await q.query(`CREATE INDEX queues_categories ON queues USING gin (categories)`);

    await q.query(`
      CREATE TABLE queue_members (
        queue_id uuid     NOT NULL REFERENCES queues (id),
        agent_id uuid     NOT NULL REFERENCES agents (id),
        position smallint NOT NULL CHECK (position >= 0),
        PRIMARY KEY (queue_id, agent_id),
        -- Checked at commit, so a reorder can move positions one row at a time.
        UNIQUE (queue_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`CREATE INDEX queue_members_agent ON queue_members (agent_id)`);

    await q.query(`
      CREATE TABLE queue_schedule_slots (
        queue_id     uuid     NOT NULL,
        weekday      smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_minute smallint NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute   smallint NOT NULL CHECK (end_minute <= 1440 AND end_minute > start_minute),
        agent_id     uuid     NOT NULL,
        PRIMARY KEY (queue_id, weekday, start_minute),
        FOREIGN KEY (queue_id, agent_id) REFERENCES queue_members (queue_id, agent_id)
      )`);
    await q.query(`CREATE INDEX queue_schedule_slots_agent ON queue_schedule_slots (agent_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE queue_schedule_slots`);
    await q.query(`DROP TABLE queue_members`);
    await q.query(`DROP TABLE queues`);
    await q.query(`DROP TABLE agents`);
  }
}
