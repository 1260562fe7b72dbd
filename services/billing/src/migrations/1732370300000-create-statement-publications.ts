import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issued statements whose `line.created` and `statement.issued` events are not yet in the
 * outbox. IssueRun inserts one row per statement in its transaction; the publication job turns
 * rows into outbox events and deletes them in one transaction, so every statement's events are
 * written exactly once, after the run committed, in slices of a few hundred statements.
 */
export class CreateStatementPublications1732370300000 implements MigrationInterface {
  name = 'CreateStatementPublications1732370300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing_statement_publications (
        statement_id  uuid        PRIMARY KEY REFERENCES billing_statements (id),
        number        text        NOT NULL,
        created_at    timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX billing_statement_publications_order ON billing_statement_publications (created_at, number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE billing_statement_publications`);
  }
}
