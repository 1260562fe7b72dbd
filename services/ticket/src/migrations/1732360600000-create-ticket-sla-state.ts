import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SLA state version last applied per ticket, so that a late or repeated
 * `helpdesk.sla.clock.updated.v1` (older version) is ignored — "apply only if newer".
 */
export class CreateTicketSlaState1732360600000 implements MigrationInterface {
  name = 'CreateTicketSlaState1732360600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_sla_state (
        ticket_id  uuid        PRIMARY KEY,
        version    integer     NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_sla_state`);
  }
}
