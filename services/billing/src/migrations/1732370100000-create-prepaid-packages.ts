import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Prepaid hour packages: minutes a customer bought that cover work beyond the included quota
 * until used up. Their use is the `package_minutes` of issued lines (per customer), so a package
 * depletes exactly as runs bill against it.
 */
export class CreatePrepaidPackages1732370100000 implements MigrationInterface {
  name = 'CreatePrepaidPackages1732370100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing_prepaid_packages (
        id            uuid        PRIMARY KEY,
        customer_id   uuid        NOT NULL,
        minutes       integer     NOT NULL CHECK (minutes > 0),
        purchased_on  date        NOT NULL,
        created_at    timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX billing_prepaid_packages_customer ON billing_prepaid_packages (customer_id, purchased_on)`);
    await q.query(`ALTER TABLE billing_lines ADD COLUMN package_minutes integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX billing_lines_package ON billing_lines (customer_id) WHERE package_minutes <> 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE billing_lines DROP COLUMN package_minutes`);
    await q.query(`DROP TABLE billing_prepaid_packages`);
  }
}
