import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issuing marks every billed item (`statement_id`, `line_ids`, `charged_minor`); the new row
 * version goes into every index of `billable_items`, so each index costs the run once per item
 * (a million items: the larger part of the run). Two of them earned too little for that:
 * - `billable_items_lines` (GIN on `line_ids`) only served the reversal lookup "items of these
 *   lines", which reads the lines' `source_items` now (by primary key);
 * - `billable_items_statement` indexed every billed item, but only the itemised call list of a
 *   statement reads items by statement, so it now holds call items only.
 */
export class NarrowItemIndexes1732370400000 implements MigrationInterface {
  name = 'NarrowItemIndexes1732370400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX billable_items_lines`);
    await q.query(`CREATE INDEX billable_items_statement_calls ON billable_items (statement_id) WHERE statement_id IS NOT NULL AND source = 'call'`);
    await q.query(`DROP INDEX billable_items_statement`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX billable_items_statement ON billable_items (statement_id) WHERE statement_id IS NOT NULL`);
    await q.query(`DROP INDEX billable_items_statement_calls`);
    await q.query(`CREATE INDEX billable_items_lines ON billable_items USING gin (line_ids)`);
  }
}
