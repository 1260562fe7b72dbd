import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Thresholds of prepaid packages already published: each package publishes each threshold once. */
export class CreatePackageThresholds1732370200000 implements MigrationInterface {
  name = 'CreatePackageThresholds1732370200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing_package_thresholds (
        package_id  uuid    NOT NULL REFERENCES billing_prepaid_packages (id),
        threshold   integer NOT NULL,
        PRIMARY KEY (package_id, threshold)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE billing_package_thresholds`);
  }
}
