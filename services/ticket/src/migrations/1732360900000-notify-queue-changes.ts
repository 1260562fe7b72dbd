import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queue routing keeps the active queues in memory (`queues/active-queues-cache.ts`) and forgets
 * them when any replica changes a queue, its members or its schedule: these triggers NOTIFY
 * `ticket_queues_changed` (payload: the schema) on commit. Moving the round-robin pointer
 * (`rr_last_agent_id`, once per routed ticket) changes nothing routing reads, so it notifies nobody.
 */
export class NotifyQueueChanges1732360900000 implements MigrationInterface {
  name = 'NotifyQueueChanges1732360900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ticket_queues_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ticket_queues_changed', TG_TABLE_SCHEMA);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER queues_notify_update AFTER UPDATE ON queues FOR EACH ROW
      WHEN ((to_jsonb(OLD) - 'rr_last_agent_id') IS DISTINCT FROM (to_jsonb(NEW) - 'rr_last_agent_id'))
      EXECUTE FUNCTION ticket_queues_notify()`);
    await q.query(`CREATE TRIGGER queues_notify AFTER INSERT OR DELETE OR TRUNCATE ON queues FOR EACH STATEMENT EXECUTE FUNCTION ticket_queues_notify()`);
    for (const table of ['queue_members', 'queue_schedule_slots']) {
      await q.query(`CREATE TRIGGER ${table}_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ticket_queues_notify()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['queue_members', 'queue_schedule_slots']) await q.query(`DROP TRIGGER ${table}_notify ON ${table}`);
    await q.query(`DROP TRIGGER queues_notify ON queues`);
    await q.query(`DROP TRIGGER queues_notify_update ON queues`);
    await q.query(`DROP FUNCTION ticket_queues_notify()`);
  }
}
