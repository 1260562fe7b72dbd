import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The billing service's tables.
 *
 * Plans are versioned: a version's terms (rates, rounding, quotas…) are one JSON document
 * validated by the service, in force from `valid_from`. Contracts, customers and agents are read
 * models of directory events ("apply if version is newer").
 *
 * `billable_items` holds one row per work log entry or call, unique by `(source, source_id)`, so
 * a redelivered or replayed event never makes a second item. `performed_on` is the calendar day
 * in the billing time zone (it picks the period and the plan version). An item is open while
 * `statement_id` is null; issuing sets it, the lines it went into and (for calls) its charge.
 * A void after issue leaves the item billed and sets `voided_at`; the next run writes the
 * reversal and sets `reversed_statement_id`.
 *
 * Issued statements and lines are append-only (a trigger refuses UPDATE and DELETE).
 */
export class CreateBilling1732370000000 implements MigrationInterface {
  name = 'CreateBilling1732370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing_plans (
        id          uuid        PRIMARY KEY,
        created_at  timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE billing_plan_versions (
        plan_id     uuid        NOT NULL REFERENCES billing_plans (id),
        version     integer     NOT NULL CHECK (version >= 1),
        valid_from  date        NOT NULL,
        terms       jsonb       NOT NULL,
        created_at  timestamptz NOT NULL,
        PRIMARY KEY (plan_id, version),
        UNIQUE (plan_id, valid_from)
      )`);
    await q.query(`
      CREATE TABLE billing_contracts (
        id            uuid    PRIMARY KEY,
        customer_id   uuid    NOT NULL,
        plan_id       uuid,
        free_support  boolean NOT NULL,
        quota_ref     text,
        valid_from    date    NOT NULL,
        valid_until   date,
        active        boolean NOT NULL,
        version       integer NOT NULL
      )`);
    await q.query(`CREATE INDEX billing_contracts_customer ON billing_contracts (customer_id)`);
    await q.query(`
      CREATE TABLE billing_customers (
        id               uuid    PRIMARY KEY,
        customer_number  text    NOT NULL,
        name             text    NOT NULL,
        version          integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE billing_agents (
        id            uuid    PRIMARY KEY,
        display_name  text    NOT NULL,
        version       integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE billable_items (
        id                     uuid        PRIMARY KEY,
        source                 text        NOT NULL CHECK (source IN ('worklog', 'call')),
        source_id              uuid        NOT NULL,
        customer_id            uuid,
        contract_id            uuid,
        ticket_id              uuid,
        ticket_number          text,
        activity_type          text,
        agent_id               uuid,
        performed_at           timestamptz NOT NULL,
        performed_on           date        NOT NULL,
        minutes                integer     NOT NULL CHECK (minutes >= 0),
        talk_seconds           integer,
        caller_number          text,
        call_id                uuid,
        billable               boolean     NOT NULL,
        materials              jsonb       NOT NULL DEFAULT '[]',
        description            text        NOT NULL DEFAULT '',
        voided_at              timestamptz,
        void_reason            text,
        received_at            timestamptz NOT NULL,
        statement_id           uuid,
        line_ids               uuid[]      NOT NULL DEFAULT '{}',
        charged_minor          bigint,
        reversed_statement_id  uuid,
        UNIQUE (source, source_id)
      )`);
    // The run's scan: open billable items, and billed items voided since.
    await q.query(`CREATE INDEX billable_items_open ON billable_items (performed_on) WHERE statement_id IS NULL AND billable AND voided_at IS NULL`);
    await q.query(`CREATE INDEX billable_items_to_reverse ON billable_items (customer_id) WHERE statement_id IS NOT NULL AND voided_at IS NOT NULL AND reversed_statement_id IS NULL`);
    await q.query(`CREATE INDEX billable_items_customer_day ON billable_items (customer_id, performed_on)`);
    await q.query(`CREATE INDEX billable_items_contract_day ON billable_items (contract_id, performed_on)`);
    await q.query(`CREATE INDEX billable_items_statement ON billable_items (statement_id) WHERE statement_id IS NOT NULL`);
    await q.query(`CREATE INDEX billable_items_ticket ON billable_items (ticket_id) WHERE ticket_id IS NOT NULL`);
    await q.query(`CREATE INDEX billable_items_call ON billable_items (call_id) WHERE call_id IS NOT NULL`);
    await q.query(`CREATE INDEX billable_items_lines ON billable_items USING gin (line_ids)`);
    await q.query(`
      CREATE TABLE billing_runs (
        id            uuid        PRIMARY KEY,
        period_from   date        NOT NULL,
        period_to     date        NOT NULL,
        customer_ids  uuid[],
        issued_at     timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE billing_statements (
        id             uuid        PRIMARY KEY,
        number         text        NOT NULL UNIQUE,
        run_id         uuid        NOT NULL REFERENCES billing_runs (id),
        customer_id    uuid        NOT NULL,
        currency       text        NOT NULL,
        period_from    date        NOT NULL,
        period_to      date        NOT NULL,
        net_minor      bigint      NOT NULL,
        tax_minor      bigint      NOT NULL,
        tax_breakdown  jsonb       NOT NULL,
        issued_at      timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX billing_statements_customer ON billing_statements (customer_id, period_from)`);
    await q.query(`
      CREATE TABLE billing_lines (
        id                 uuid        PRIMARY KEY,
        statement_id       uuid        NOT NULL REFERENCES billing_statements (id),
        position           integer     NOT NULL,
        number             text        NOT NULL UNIQUE,
        customer_id        uuid        NOT NULL,
        contract_id        uuid,
        plan_id            uuid        NOT NULL,
        plan_version       integer     NOT NULL,
        ticket_id          uuid,
        ticket_number      text,
        kind               text        NOT NULL CHECK (kind IN ('work', 'call', 'material', 'reversal')),
        activity_type      text,
        description        text        NOT NULL,
        quantity           text        NOT NULL,
        unit               text        NOT NULL,
        unit_price_minor   bigint      NOT NULL,
        amount_minor       bigint      NOT NULL,
        currency           text        NOT NULL,
        tax_rate_bp        integer     NOT NULL,
        raw_minutes        integer,
        rounded_minutes    integer,
        quota_minutes      integer     NOT NULL,
        quota_key          text,
        late               boolean     NOT NULL,
        reverses_line_id   uuid REFERENCES billing_lines (id),
        source_items       jsonb       NOT NULL,
        UNIQUE (statement_id, position)
      )`);
    await q.query(`CREATE INDEX billing_lines_reverses ON billing_lines (reverses_line_id) WHERE reverses_line_id IS NOT NULL`);
    await q.query(`CREATE INDEX billing_lines_quota ON billing_lines (quota_key) WHERE quota_key IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION billing_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'issued % are immutable', TG_TABLE_NAME;
      END $$`);
    await q.query(`CREATE TRIGGER billing_lines_immutable BEFORE UPDATE OR DELETE ON billing_lines FOR EACH ROW EXECUTE FUNCTION billing_refuse_change()`);
    await q.query(`CREATE TRIGGER billing_statements_immutable BEFORE UPDATE OR DELETE ON billing_statements FOR EACH ROW EXECUTE FUNCTION billing_refuse_change()`);
    await q.query(`
      CREATE TABLE billing_statement_counters (
        prefix  text    PRIMARY KEY,
        last    integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE billing_quota_thresholds (
        contract_id   uuid    NOT NULL,
        quota_ref     text    NOT NULL,
        period_from   date    NOT NULL,
        threshold     integer NOT NULL,
        PRIMARY KEY (contract_id, quota_ref, period_from, threshold)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['billing_quota_thresholds', 'billing_statement_counters', 'billing_lines', 'billing_statements', 'billing_runs', 'billable_items', 'billing_agents', 'billing_customers', 'billing_contracts', 'billing_plan_versions', 'billing_plans']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION billing_refuse_change()`);
  }
}
