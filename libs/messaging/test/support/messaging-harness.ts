import { createDataSource, platformMigrations, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, createTestNats, type TestDatabase, type TestNats } from '@helpdesk/testing';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { ensureStreams } from '../../src/streams/ensure-streams';

/** The table test handlers write their effects to, so a test can count them. */
class CreateTestEffects1732350009999 implements MigrationInterface {
  name = 'CreateTestEffects1732350009999';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE test_effects (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id text NOT NULL, note text NOT NULL)`);
    await q.query(`CREATE TABLE test_tickets (id uuid PRIMARY KEY, note text NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE test_effects; DROP TABLE test_tickets`);
  }
}

/** One test file's PostgreSQL database (migrated) and NATS prefix (streams created). */
export interface MessagingHarness {
  readonly db: TestDatabase;
  readonly dataSource: DataSource;
  readonly nats: TestNats;
  readonly jsm: JetStreamManager;
  readonly js: JetStreamClient;
  cleanup(): Promise<void>;
}

export async function createMessagingHarness(label: string): Promise<MessagingHarness> {
  const db = await createTestDatabase(label);
  const dataSource = createDataSource({
    url: db.url,
    entities: [],
    migrations: [...platformMigrations, CreateTestEffects1732350009999],
    poolSize: 4,
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const nats = await createTestNats(label);
  const jsm = await jetstreamManager(nats.nc);
  await ensureStreams(jsm, nats.naming, { maxAgeMs: 3_600_000, duplicateWindowMs: 120_000 });
  return {
    db,
    dataSource,
    nats,
    jsm,
    js: jetstream(nats.nc),
    async cleanup() {
      await dataSource.destroy();
      await nats.cleanup();
      await db.drop();
    },
  };
}
