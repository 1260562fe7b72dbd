import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A merge moves a ticket's work log to the ticket it is merged into. The work log stays
 * append-only in every other respect: an UPDATE may change `ticket_id` and nothing else (the
 * rule messages already follow); DELETE stays refused.
 */
export class AllowMergingWorkLog1732360500001 implements MigrationInterface {
  name = 'AllowMergingWorkLog1732360500001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION work_log_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND to_jsonb(NEW) - 'ticket_id' = to_jsonb(OLD) - 'ticket_id' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'work_log_entries is append-only: void an entry with a voiding entry (only a merge may move entries to another ticket)';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION work_log_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'work_log_entries is append-only: void an entry with a voiding entry';
      END $$`);
  }
}
