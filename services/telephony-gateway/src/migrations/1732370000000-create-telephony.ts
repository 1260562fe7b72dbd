import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PBX connections, call records and the directory read model the caller lookup uses.
 *
 * - `calls` is unique by (connection, PBX call id): a PBX that retries a webhook, or an AMI
 *   stream replayed after a reconnect, finds the record it already made instead of a second one.
 * - `directory_*` and `caller_tickets` are read models kept from the ticket service's events
 *   ("apply if version is newer"); the ringing path reads them with one indexed equality match on
 *   the E.164 number, never a call to another service.
 * - The partial indexes serve the monitor: active calls, and recent missed inbound calls.
 */
export class CreateTelephony1732370000000 implements MigrationInterface {
  name = 'CreateTelephony1732370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pbx_connections (
        id          uuid PRIMARY KEY,
        name        text        NOT NULL UNIQUE,
        kind        text        NOT NULL CHECK (kind IN ('cti_webhook', 'ami', 'api')),
        enabled     boolean     NOT NULL,
        token_hash  text,
        ami         jsonb,
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL,
        CHECK ((kind = 'cti_webhook') = (token_hash IS NOT NULL)),
        CHECK ((kind = 'ami') = (ami IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE calls (
        id                uuid PRIMARY KEY,
        pbx_connection_id uuid        NOT NULL REFERENCES pbx_connections (id),
        pbx_call_id       text        NOT NULL,
        direction         text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        from_e164         text,
        from_raw          text        NOT NULL,
        to_e164           text,
        to_raw            text        NOT NULL,
        extension         text,
        agent_id          uuid,
        pbx_queue         text,
        contact_id        uuid,
        customer_id       uuid,
        state             text        NOT NULL CHECK (state IN ('ringing', 'talking', 'ended')),
        outcome           text        CHECK (outcome IN ('answered', 'missed', 'busy', 'failed', 'forwarded')),
        pbx_cause         text,
        started_at        timestamptz NOT NULL,
        answered_at       timestamptz,
        ended_at          timestamptz,
        forwarded_to      text,
        complete          boolean     NOT NULL,
        ticket_id         uuid,
        UNIQUE (pbx_connection_id, pbx_call_id),
        CHECK ((state = 'ended') = (outcome IS NOT NULL AND ended_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX calls_started ON calls (started_at DESC, id DESC)`);
    await q.query(`CREATE INDEX calls_agent_started ON calls (agent_id, started_at DESC)`);
    await q.query(`CREATE INDEX calls_customer_started ON calls (customer_id, started_at DESC)`);
    await q.query(`CREATE INDEX calls_active ON calls (started_at) WHERE state <> 'ended'`);
    await q.query(`CREATE INDEX calls_missed_inbound ON calls (ended_at) WHERE direction = 'inbound' AND outcome IN ('missed', 'busy')`);
    await q.query(`CREATE INDEX calls_answered_party ON calls (from_e164, to_e164, ended_at) WHERE outcome = 'answered'`);
    await q.query(`
      CREATE TABLE directory_contacts (
        contact_id   uuid PRIMARY KEY,
        customer_id  uuid,
        display_name text    NOT NULL,
        active       boolean NOT NULL,
        version      integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE directory_contact_phones (
        number     text NOT NULL,
        contact_id uuid NOT NULL REFERENCES directory_contacts (contact_id) ON DELETE CASCADE,
        PRIMARY KEY (number, contact_id)
      )`);
    await q.query(`CREATE INDEX directory_contact_phones_contact ON directory_contact_phones (contact_id)`);
    await q.query(`
      CREATE TABLE directory_customers (
        customer_id uuid PRIMARY KEY,
        name        text    NOT NULL,
        active      boolean NOT NULL,
        version     integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE directory_agents (
        agent_id     uuid PRIMARY KEY,
        display_name text    NOT NULL,
        extension    text,
        active       boolean NOT NULL,
        version      integer NOT NULL
      )`);
    await q.query(`CREATE INDEX directory_agents_extension ON directory_agents (extension) WHERE extension IS NOT NULL`);
    await q.query(`
      CREATE TABLE caller_tickets (
        ticket_id  uuid PRIMARY KEY,
        contact_id uuid,
        number     text        NOT NULL,
        summary    text        NOT NULL,
        status     text        NOT NULL,
        version    integer     NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX caller_tickets_open ON caller_tickets (contact_id, updated_at DESC) WHERE status NOT IN ('resolved', 'closed', 'cancelled')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['caller_tickets', 'directory_agents', 'directory_customers', 'directory_contact_phones', 'directory_contacts', 'calls', 'pbx_connections']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
