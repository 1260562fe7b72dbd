import { Client } from 'pg';
import { createTestDatabase, expectEventually, type TestDatabase } from '@helpdesk/testing';
import {
  AdvisoryLock,
  createDataSource,
  migrateCommand,
  migrationsApplied,
  platformMigrations,
  runMigrations,
  withTransaction,
  runAsOneStatement,
  OutboxRowEntity,
  InboxRowEntity,
} from '../src';

describe('persistence', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('persistence');
  });
  afterAll(() => db.drop());

  const dataSource = () =>
    createDataSource({ url: db.url, entities: [OutboxRowEntity, InboxRowEntity], migrations: [...platformMigrations], poolSize: 2 });

  it('applies each migration exactly once when replicas start together', async () => {
    const replicas = [dataSource(), dataSource(), dataSource()];
    await Promise.all(replicas.map((r) => r.initialize()));
    const applied = await Promise.all(replicas.map((r) => runMigrations(r)));
    expect(applied.flat().sort()).toEqual(['CreateInbox1732350000001', 'CreateOutbox1732350000000', 'CreateOutboxParked1795517400000']);
    for (const r of replicas) expect(await migrationsApplied(r)).toBe(true);
    await Promise.all(replicas.map((r) => r.destroy()));
  });

  it('reports an up-to-date database from the migrate command', async () => {
    const lines: string[] = [];
    await migrateCommand(dataSource(), (line) => lines.push(line));
    expect(lines).toEqual(['migrate: database is up to date']);
  });

  it('commits a transaction as a whole or not at all', async () => {
    const ds = dataSource();
    await ds.initialize();
    const insert = (manager: import('typeorm').EntityManager, id: string) =>
      manager.query(`INSERT INTO inbox (consumer, event_id, type) VALUES ('c', $1, 't')`, [id]);
    await withTransaction(ds, async (m) => {
      await insert(m, 'a');
      await insert(m, 'b');
    });
    await expect(
      withTransaction(ds, async (m) => {
        await insert(m, 'c');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows: { event_id: string }[] = await ds.query(`SELECT event_id FROM inbox ORDER BY event_id`);
    expect(rows.map((r) => r.event_id)).toEqual(['a', 'b']);
    await ds.destroy();
  });

  it('lets one holder have an advisory lock and hands it over when the holder dies', async () => {
    const first = new AdvisoryLock(db.url, 'relay');
    const second = new AdvisoryLock(db.url, 'relay');
    expect(await first.tryAcquire()).toBe(true);
    expect(await second.tryAcquire()).toBe(false);
    const another = new AdvisoryLock(db.url, 'another');
    expect(await another.tryAcquire()).toBe(true);
    await another.release();

    // Kill the holder's connection from outside, as a crashed replica would.
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lock:relay' AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`);
    await admin.end();

    await expectEventually(async () => expect(await second.tryAcquire()).toBe(true));
    await expectEventually(() => expect(first.isHeld).toBe(false));
    await first.release();
    await second.release();
  });

  it('writes rows that reference each other in one statement, all or nothing', async () => {
    const ds = dataSource();
    await ds.initialize();
    await ds.query('CREATE TABLE parents (id int PRIMARY KEY)');
    await ds.query('CREATE TABLE children (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parents (id))');
    const family = (parent: number, child: number) => [
      { text: 'INSERT INTO parents (id) VALUES ($1)', values: [parent] },
      { text: 'INSERT INTO children (id, parent_id) VALUES ($1, $2)', values: [child, parent] },
    ];
    await runAsOneStatement(ds.manager, family(1, 10));
    // The child's key is taken: the parent of the failing statement is not written either.
    await expect(runAsOneStatement(ds.manager, family(2, 10))).rejects.toThrow(/duplicate key/);
    expect(await ds.query('SELECT id FROM parents ORDER BY id')).toEqual([{ id: 1 }]);
    await expect(withTransaction(ds, (m) => runAsOneStatement(m, family(3, 30)))).rejects.toThrow('outside a transaction');
    await ds.destroy();
  });
});
