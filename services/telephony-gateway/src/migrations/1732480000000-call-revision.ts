import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A revision per call that grows with every change, so a replica can change a call it holds in
 * memory with one conditional statement (`… WHERE id = $1 AND revision = $2`) instead of a
 * transaction that reads and locks it first; a stale copy matches nothing and takes the locked path.
 */
export class CallRevision1732480000000 implements MigrationInterface {
  name = 'CallRevision1732480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calls ADD COLUMN revision integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calls DROP COLUMN revision`);
  }
}
