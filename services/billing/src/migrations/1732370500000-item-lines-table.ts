import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issuing no longer updates item rows. Marking a million items billed (`statement_id`,
 * `line_ids`, `charged_minor` on `billable_items`) was one new row version per item through every
 * index of the wide item table, never HOT (the billed mark decided the partial "open" index):
 * most of a month's run. The billed marks move to the insert-only `billing_item_lines`, one
 * narrow row per billed item, written with `INSERT … SELECT FROM unnest(…)`:
 * - `item_id` is the primary key, so an item can never be billed twice (a second issuer's insert
 *   would fail; the advisory lock keeps it from trying);
 * - `line_ids` the lines the item went into (empty for items settled without a line),
 *   `charged_minor` a call's charge, `call` so the itemised call list has a small partial index;
 * - no foreign key to `billable_items`: checking it costs one index probe per billed item, and
 *   items are never deleted.
 * An item is open while it has no row here (the run's scan is an anti-join). The existing marks
 * are carried over, then the item columns and their indexes are dropped.
 */
export class ItemLinesTable1732370500000 implements MigrationInterface {
  name = 'ItemLinesTable1732370500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing_item_lines (
        item_id        uuid     PRIMARY KEY,
        statement_id   uuid     NOT NULL,
        line_ids       uuid[]   NOT NULL,
        charged_minor  bigint,
        call           boolean  NOT NULL
      )`);
    await q.query(`
      INSERT INTO billing_item_lines (item_id, statement_id, line_ids, charged_minor, call)
      SELECT id, statement_id, line_ids, charged_minor, source = 'call' FROM billable_items WHERE statement_id IS NOT NULL ORDER BY id`);
    await q.query(`CREATE INDEX billing_item_lines_statement_calls ON billing_item_lines (statement_id) WHERE call`);
    await q.query(`DROP INDEX billable_items_open`);
    await q.query(`DROP INDEX billable_items_to_reverse`);
    await q.query(`DROP INDEX billable_items_statement_calls`);
    await q.query(`ALTER TABLE billable_items DROP COLUMN statement_id, DROP COLUMN line_ids, DROP COLUMN charged_minor`);
    // Voided items not yet reversed (voids before issue stay in it too: few, and voids are rare).
    await q.query(`CREATE INDEX billable_items_to_reverse ON billable_items (customer_id) WHERE voided_at IS NOT NULL AND reversed_statement_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX billable_items_to_reverse`);
    await q.query(`ALTER TABLE billable_items ADD COLUMN statement_id uuid, ADD COLUMN line_ids uuid[] NOT NULL DEFAULT '{}', ADD COLUMN charged_minor bigint`);
    await q.query(`
      UPDATE billable_items b SET statement_id = il.statement_id, line_ids = il.line_ids, charged_minor = il.charged_minor
      FROM billing_item_lines il WHERE il.item_id = b.id`);
    await q.query(`CREATE INDEX billable_items_open ON billable_items (performed_on) WHERE statement_id IS NULL AND billable AND voided_at IS NULL`);
    await q.query(`CREATE INDEX billable_items_to_reverse ON billable_items (customer_id) WHERE statement_id IS NOT NULL AND voided_at IS NOT NULL AND reversed_statement_id IS NULL`);
    await q.query(`CREATE INDEX billable_items_statement_calls ON billable_items (statement_id) WHERE statement_id IS NOT NULL AND source = 'call'`);
    await q.query(`DROP TABLE billing_item_lines`);
  }
}
