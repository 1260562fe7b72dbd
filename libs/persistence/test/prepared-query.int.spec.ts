import { createTestDatabase, type TestDatabase } from '@helpdesk/testing';
import { QueryFailedError, type DataSource } from 'typeorm';
import { createDataSource, preparedQuery } from '../src';

describe('preparedQuery', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('prepared-query');
    // One connection: every call below runs on the same session, so its prepared statements show.
    dataSource = createDataSource({ url: db.url, entities: [], migrations: [], poolSize: 1 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const prepared = () => preparedQuery<{ name: string; statement: string }>(dataSource, 'SELECT name, statement FROM pg_prepared_statements ORDER BY statement', []);

  it('prepares each statement text once per connection and runs it with new values', async () => {
    const text = 'SELECT $1::int + 1 AS n';
    expect(await preparedQuery(dataSource, text, [1])).toEqual([{ n: 2 }]);
    expect(await preparedQuery(dataSource, text, [41])).toEqual([{ n: 42 }]);
    const statements = (await prepared()).filter((s) => s.statement === text);
    expect(statements).toHaveLength(1);
    expect(statements[0]?.name).toMatch(/^hd_[0-9a-f]{16}$/);
  });

  it('fails like EntityManager.query, with a QueryFailedError carrying the driver error', async () => {
    const failure = preparedQuery(dataSource, 'SELECT 1 / $1::int AS n', [0]);
    await expect(failure).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failure).rejects.toThrow('division by zero');
    // The connection went back to the pool and still works.
    expect(await preparedQuery(dataSource, 'SELECT 1 / $1::int AS n', [1])).toEqual([{ n: 1 }]);
  });
});
