import { createDataSource, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import { billingMigrations } from './billing-migrations';
import { ItemLinesTable1732370500000 } from './1732370500000-item-lines-table';

const WORK = '01936b30-1000-7abc-8def-000000000001';
const CALL = '01936b30-1000-7abc-8def-000000000002';
const OPEN = '01936b30-1000-7abc-8def-000000000003';
const STATEMENT = '01936c00-0000-7abc-8def-000000000072';
const LINE_A = '01936c00-0000-7abc-8def-000000000081';
const LINE_B = '01936c00-0000-7abc-8def-000000000082';

describe('migration 1732370500000-item-lines-table', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('billing-item-lines-migration');
  });
  afterAll(() => db.drop());

  it('carries the billed marks of items over into billing_item_lines and back', async () => {
    const before = createDataSource({ url: db.url, entities: [], migrations: billingMigrations.filter((m) => m !== ItemLinesTable1732370500000), poolSize: 2 });
    await before.initialize();
    await runMigrations(before);
    const item = (id: string, source: string, statementId: string | null, lineIds: string[], charged: number | null) =>
      before.query(
        `INSERT INTO billable_items (id, source, source_id, performed_at, performed_on, minutes, billable, received_at, statement_id, line_ids, charged_minor)
         VALUES ($1, $2, gen_random_uuid(), now(), current_date, 10, true, now(), $3, $4::uuid[], $5)`,
        [id, source, statementId, lineIds, charged],
      );
    await item(WORK, 'worklog', STATEMENT, [LINE_A, LINE_B], null);
    await item(CALL, 'call', STATEMENT, [LINE_B], 1_400);
    await item(OPEN, 'worklog', null, [], null);
    await before.destroy();

    const after = createDataSource({ url: db.url, entities: [], migrations: billingMigrations, poolSize: 2 });
    await after.initialize();
    try {
      expect(await runMigrations(after)).toEqual(['ItemLinesTable1732370500000']);
      const marks: unknown[] = await after.query(`SELECT item_id, statement_id, line_ids::text[] AS line_ids, charged_minor::int AS charged, call FROM billing_item_lines ORDER BY item_id`);
      expect(marks).toEqual([
        { item_id: WORK, statement_id: STATEMENT, line_ids: [LINE_A, LINE_B], charged: null, call: false },
        { item_id: CALL, statement_id: STATEMENT, line_ids: [LINE_B], charged: 1_400, call: true },
      ]);
      const columns: { column_name: string }[] = await after.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'billable_items' AND column_name IN ('statement_id', 'line_ids', 'charged_minor')`);
      expect(columns).toEqual([]);

      await after.undoLastMigration({ transaction: 'each' });
      const restored: unknown[] = await after.query(`SELECT id, statement_id, line_ids::text[] AS line_ids, charged_minor::int AS charged FROM billable_items ORDER BY id`);
      expect(restored).toEqual([
        { id: WORK, statement_id: STATEMENT, line_ids: [LINE_A, LINE_B], charged: null },
        { id: CALL, statement_id: STATEMENT, line_ids: [LINE_B], charged: 1_400 },
        { id: OPEN, statement_id: null, line_ids: [], charged: null },
      ]);
    } finally {
      await after.destroy();
    }
  });
});
