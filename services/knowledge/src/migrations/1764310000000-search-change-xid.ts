import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `knowledge_articles.changed_xid`: the id of the transaction that last wrote the row (a trigger
 * sets it on every insert and update), with a btree index. The in-memory search index
 * (`src/search/impact-index/`) polls the rows changed since its horizon, the `xmin` of the
 * snapshot of its previous poll: a transaction still running then has an xid at or above that
 * xmin, so a write that commits out of order is still read by the next poll (xid8 does not wrap).
 * The column stays NULL on rows written before the migration (the index loads them at start);
 * adding a nullable column without default does not rewrite the table.
 */
export class SearchChangeXid1764310000000 implements MigrationInterface {
  name = 'SearchChangeXid1764310000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE knowledge_articles ADD COLUMN changed_xid xid8`);
    await runner.query(`CREATE FUNCTION kn_set_changed_xid() RETURNS trigger LANGUAGE plpgsql
      AS $$ BEGIN NEW.changed_xid := pg_current_xact_id(); RETURN NEW; END $$`);
    await runner.query(`CREATE TRIGGER knowledge_articles_changed_xid BEFORE INSERT OR UPDATE ON knowledge_articles
      FOR EACH ROW EXECUTE FUNCTION kn_set_changed_xid()`);
    await runner.query(`CREATE INDEX knowledge_articles_changed_xid ON knowledge_articles (changed_xid) WHERE changed_xid IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX knowledge_articles_changed_xid`);
    await runner.query(`DROP TRIGGER knowledge_articles_changed_xid ON knowledge_articles`);
    await runner.query(`DROP FUNCTION kn_set_changed_xid()`);
    await runner.query(`ALTER TABLE knowledge_articles DROP COLUMN changed_xid`);
  }
}
