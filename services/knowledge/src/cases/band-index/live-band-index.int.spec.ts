import { createDataSource, runMigrations } from '@helpdesk/persistence';
import { createTestDatabase, expectEventually, type TestDatabase } from '@helpdesk/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { knowledgeMigrations } from '../../migrations/knowledge-migrations';
import { ArticlesRepository } from '../../articles/articles.repository';
import { draftArticle } from '../../articles/article';
import { lookupBands } from '../near-duplicate-signature';
import { LiveBandIndex, type BandLoadReport } from './live-band-index';

describe('LiveBandIndex started by the service (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('knowledge-band-index');
    dataSource = createDataSource({ url: db.url, entities: [], migrations: knowledgeMigrations, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('tries a load that failed again in the background, then keeps up with new articles by itself', async () => {
    const text = { title: 'Badge reader ignores cards', problem: 'The badge reader at the side entrance reacts to no card.', resolution: 'Restored its network settings.' };
    const before = draftArticle('01936b00-0000-7000-8000-000000000001', { ...text, language: 'en', category: null, products: [], tags: [], visibility: 'internal' }, [], new Date());
    await new ArticlesRepository(dataSource.manager).save(before);
    // The database refuses the first statement, as during a restart at boot.
    let refused = false;
    const flaky = {
      manager: {
        query: (sql: string, params?: unknown[]) => {
          if (!refused) {
            refused = true;
            return Promise.reject(new Error('the database system is starting up'));
          }
          return dataSource.manager.query(sql, params);
        },
      },
    } as unknown as DataSource;
    let index: LiveBandIndex | undefined;
    const loaded = new Promise<BandLoadReport>((resolve) => {
      index = new LiveBandIndex(resolve, () => undefined);
      index.start(flaky);
    });
    expect((await loaded).articles).toBe(1);
    if (!index) throw new Error('not started');

    // Written after the load by "another process": the background catch-up adds it without a probe.
    const after = draftArticle('01936b00-0000-7000-8000-000000000002', { title: 'Garage gate remote dead', problem: 'The garage gate remote does nothing.', resolution: 'New coin cell.', language: 'en', category: null, products: [], tags: [], visibility: 'internal' }, [], new Date());
    await new ArticlesRepository(dataSource.manager).save(after);
    const probe = (content: { title: string; problem: string; resolution: string }) => [{ i: 0, bands: lookupBands(`${content.title}\n${content.problem}\n${content.resolution}`, 'en') }];
    // A connection that reads nothing: what the probe finds, the index held already.
    const blind = { query: () => Promise.resolve([]) } as unknown as EntityManager;
    const started = index;
    await expectEventually(async () => expect(await started.candidates(blind, probe(after))).toEqual([{ i: 0, articleId: after.id }]), { intervalMs: 100 });
    expect(await index.candidates(blind, probe(text))).toEqual([{ i: 0, articleId: before.id }]);
    await index.stop();
  });
});
