import { startKnowledgeApp, type KnowledgeApp } from './support/knowledge-app';

describe('demo data (DEMO_DATA=true)', () => {
  let app: KnowledgeApp;
  beforeAll(async () => {
    app = await startKnowledgeApp('knowledge-demo', { DEMO_DATA: 'true' });
  });
  afterAll(() => app.stop());

  it('publishes the demo articles once, the internal one hidden from customers', async () => {
    const { articles } = await app.knowledge.call<{ articles: { status: string; products: string[] }[] }>('ListArticles', {}, app.tokens.agent);
    expect(articles).toHaveLength(3);
    expect(articles.every((a) => a.status === 'ARTICLE_STATUS_PUBLISHED')).toBe(true);
    expect(articles.flatMap((a) => a.products)).toContain('Kyocera ECOSYS M3655idn');
    const customer = await app.customerToken('01936a00-1111-7aaa-8bbb-000000000001', '01936a00-2222-7aaa-8bbb-000000000002');
    const { hits } = await app.knowledge.call<{ hits: { title: string }[] }>('Search', { query: 'Drucker Warteschlange OR "file server"' }, customer);
    expect(hits.map((h) => h.title)).toEqual(['Drucker druckt nicht mehr, Aufträge bleiben in der Warteschlange hängen']);
  });
});
