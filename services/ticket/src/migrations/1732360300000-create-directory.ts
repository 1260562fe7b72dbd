import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory: customers (and suppliers), contacts, contracts, assets and the assets' life
 * record. Every record has a per-record `version` and an optional ERP/CRM key
 * (`external_system`, `external_id`), unique per table, that upserts find it by.
 *
 * Contacts keep mail addresses and E.164 phone numbers as jsonb arrays with a GIN index
 * (`jsonb_path_ops`), so "whose address is this" is one containment query (`emails @>
 * '[{"address":"…"}]'`) without side tables; contracts keep their entitlement identifiers the
 * same way. Unique constraints are named because the repositories turn their violations into
 * errors naming the field.
 */
export class CreateDirectory1732360300000 implements MigrationInterface {
  name = 'CreateDirectory1732360300000';

  async up(q: QueryRunner): Promise<void> {
    const record = `
        version          integer     NOT NULL CHECK (version >= 1),
        external_system  text,
        external_id      text,
        active           boolean     NOT NULL,
        created_at       timestamptz NOT NULL,
        created_by       jsonb       NOT NULL,
        updated_at       timestamptz NOT NULL,
        updated_by       jsonb       NOT NULL,
        CHECK ((external_system IS NULL) = (external_id IS NULL))`;

    await q.query(`
      CREATE TABLE customers (
        id                  uuid PRIMARY KEY,
        kind                text NOT NULL CHECK (kind IN ('customer', 'supplier')),
        customer_number     text NOT NULL CONSTRAINT customers_customer_number_key UNIQUE,
        name                text NOT NULL,
        legal_name          text,
        vat_id              text,
        address             jsonb,
        language            text,
        account_manager_id  uuid,
        ${record},
        CONSTRAINT customers_external_key UNIQUE (external_system, external_id)
      )`);
    await q.query(`CREATE INDEX customers_name ON customers (lower(name), id)`);

    await q.query(`
      CREATE TABLE contacts (
        id            uuid PRIMARY KEY,
        customer_id   uuid REFERENCES customers (id),
        first_name    text  NOT NULL,
        last_name     text  NOT NULL,
        display_name  text  NOT NULL,
        emails        jsonb NOT NULL DEFAULT '[]',
        phones        jsonb NOT NULL DEFAULT '[]',
        language      text,
        ${record},
        CONSTRAINT contacts_external_key UNIQUE (external_system, external_id)
      )`);
    await q.query(`CREATE INDEX contacts_name ON contacts (lower(display_name), id)`);
    await q.query(`CREATE INDEX contacts_customer ON contacts (customer_id)`);
    await q.query(`CREATE INDEX contacts_emails ON contacts USING gin (emails jsonb_path_ops)`);
    await q.query(`CREATE INDEX contacts_phones ON contacts USING gin (phones jsonb_path_ops)`);

    await q.query(`
      CREATE TABLE contracts (
        id               uuid PRIMARY KEY,
        customer_id      uuid    NOT NULL REFERENCES customers (id),
        contract_number  text    NOT NULL CONSTRAINT contracts_contract_number_key UNIQUE,
        name             text    NOT NULL,
        valid_from       date    NOT NULL,
        valid_until      date    CHECK (valid_until >= valid_from),
        sla_policy_id    uuid,
        billing_plan_id  uuid,
        free_support     boolean NOT NULL,
        entitlements     jsonb   NOT NULL DEFAULT '[]',
        quota_ref        text,
        ${record},
        CONSTRAINT contracts_external_key UNIQUE (external_system, external_id)
      )`);
    await q.query(`CREATE INDEX contracts_customer ON contracts (customer_id)`);
    await q.query(`CREATE INDEX contracts_entitlements ON contracts USING gin (entitlements jsonb_path_ops)`);

    // Serial numbers are unique across manufacturers here: CheckEntitlement by serial number
    // must name one device.
    await q.query(`
      CREATE TABLE assets (
        id                uuid PRIMARY KEY,
        serial_number     text NOT NULL CONSTRAINT assets_serial_number_key UNIQUE,
        product_name      text NOT NULL,
        product_sku       text,
        customer_id       uuid REFERENCES customers (id),
        supplier_id       uuid REFERENCES customers (id),
        warranty_ends_on  date,
        contract_id       uuid REFERENCES contracts (id),
        ${record},
        CONSTRAINT assets_external_key UNIQUE (external_system, external_id)
      )`);
    await q.query(`CREATE INDEX assets_customer ON assets (customer_id, serial_number)`);
    await q.query(`CREATE INDEX assets_contract ON assets (contract_id)`);

    // The life record is documentation: append-only like the ticket history. event_id makes the
    // automatic entries of one ticket event idempotent, (source_system, source_ref) the entries
    // integrations write.
    await q.query(`
      CREATE TABLE asset_life_record (
        id             uuid PRIMARY KEY,
        asset_id       uuid        NOT NULL REFERENCES assets (id),
        kind           text        NOT NULL CHECK (kind IN ('ticket', 'manual', 'integration')),
        occurred_at    timestamptz NOT NULL,
        recorded_at    timestamptz NOT NULL,
        author         jsonb       NOT NULL,
        title          text        NOT NULL,
        text           text        NOT NULL DEFAULT '',
        ticket_id      uuid,
        ticket_number  text,
        attachments    jsonb       NOT NULL DEFAULT '[]',
        source_system  text,
        source_ref     text,
        event_id       uuid,
        CHECK ((source_system IS NULL) = (source_ref IS NULL)),
        CONSTRAINT asset_life_record_event_key UNIQUE (asset_id, event_id),
        CONSTRAINT asset_life_record_source_key UNIQUE (asset_id, source_system, source_ref)
      )`);
    await q.query(`CREATE INDEX asset_life_record_asset ON asset_life_record (asset_id, occurred_at, id)`);
    await q.query(`
      CREATE FUNCTION asset_life_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'asset_life_record is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER asset_life_record_append_only BEFORE UPDATE OR DELETE ON asset_life_record
      FOR EACH ROW EXECUTE FUNCTION asset_life_record_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE asset_life_record`);
    await q.query(`DROP FUNCTION asset_life_record_append_only()`);
    await q.query(`DROP TABLE assets`);
    await q.query(`DROP TABLE contracts`);
    await q.query(`DROP TABLE contacts`);
    await q.query(`DROP TABLE customers`);
  }
}
