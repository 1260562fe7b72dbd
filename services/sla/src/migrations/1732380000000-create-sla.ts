import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policies, calendars, the read models the SLA service keeps of tickets and the directory, and
 * one row per SLA clock. A running clock's next moment (warning, breach, escalation) is its
 * `next_fire_at`: the timer claims due rows with `FOR UPDATE SKIP LOCKED`, so the clock rows
 * are the timers.
 */
export class CreateSla1732380000000 implements MigrationInterface {
  name = 'CreateSla1732380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_calendars (
        id         uuid        PRIMARY KEY,
        name       text        NOT NULL,
        version    integer     NOT NULL,
        settings   jsonb       NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE sla_policies (
        id          uuid        PRIMARY KEY,
        name        text        NOT NULL,
        version     integer     NOT NULL,
        calendar_id uuid        REFERENCES sla_calendars (id),
        settings    jsonb       NOT NULL,
        updated_at  timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE sla_tickets (
        ticket_id      uuid        PRIMARY KEY,
        number         text        NOT NULL,
        summary        text        NOT NULL,
        priority       text        NOT NULL,
        status         text        NOT NULL,
        customer_id    uuid,
        contract_id    uuid,
        assignee_id    uuid,
        queue_id       uuid,
        ticket_version integer     NOT NULL,
        policy_id      uuid,
        sla_version    integer     NOT NULL DEFAULT 0,
        created_at     timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE sla_clocks (
        id               uuid        PRIMARY KEY,
        ticket_id        uuid        NOT NULL REFERENCES sla_tickets (ticket_id),
        target           text        NOT NULL,
        policy_id        uuid,
        calendar_id      uuid,
        state            text        NOT NULL,
        target_ms        bigint      NOT NULL,
        warning_ms       bigint,
        elapsed_ms       bigint      NOT NULL,
        running_since    timestamptz,
        started_at       timestamptz NOT NULL,
        warning_at       timestamptz,
        due_at           timestamptz,
        met_at           timestamptz,
        breached_at      timestamptz,
        warned_at        timestamptz,
        escalation_level integer     NOT NULL DEFAULT 0,
        next_fire_at     timestamptz,
        phases           jsonb       NOT NULL
      )`);
    await q.query(`CREATE INDEX sla_clocks_ticket ON sla_clocks (ticket_id)`);
    // The timer's claim query walks this index from the earliest due moment.
    await q.query(`CREATE INDEX sla_clocks_due ON sla_clocks (next_fire_at) WHERE state = 'running' AND next_fire_at IS NOT NULL`);
    // Recomputes walk the live clocks of one calendar or policy in ticket order, batch by batch.
    await q.query(`CREATE INDEX sla_clocks_calendar ON sla_clocks (calendar_id, ticket_id) WHERE state IN ('running', 'paused')`);
    await q.query(`CREATE INDEX sla_clocks_policy ON sla_clocks (policy_id, ticket_id) WHERE state IN ('running', 'paused')`);
    await q.query(`
      CREATE TABLE sla_contracts (
        contract_id uuid    PRIMARY KEY,
        policy_id   uuid,
        active      boolean NOT NULL,
        version     integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE sla_agents (
        agent_id     uuid    PRIMARY KEY,
        display_name text    NOT NULL,
        email        text    NOT NULL,
        version      integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE sla_queues (
        queue_id      uuid    PRIMARY KEY,
        lead_agent_id uuid,
        version       integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE sla_customers (
        customer_id        uuid    PRIMARY KEY,
        account_manager_id uuid,
        version            integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['sla_customers', 'sla_queues', 'sla_agents', 'sla_contracts', 'sla_clocks', 'sla_tickets', 'sla_policies', 'sla_calendars']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
