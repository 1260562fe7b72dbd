import { status } from '@grpc/grpc-js';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { DataSource } from 'typeorm';
import { startKnowledgeApp, type KnowledgeApp } from './support/knowledge-app';

interface ArticleMessage {
  id: string;
  revision: number;
  status: string;
  language: string;
}
interface SearchResponse {
  hits: { articleId: string; title: string; snippet: string; status: string }[];
  categories: { value: string; count: number }[];
  products: { value: string; count: number }[];
  corrections: string[];
}
interface AskResponse {
  answer: string;
  passages: { articleId: string; text: string }[];
  summarised: boolean;
}

const input = (over: Record<string, unknown>) => ({
  title: 'x',
  problem: 'x',
  resolution: 'x',
  language: '',
  category: 'technical',
  products: [],
  tags: [],
  visibility: 'ARTICLE_VISIBILITY_CUSTOMER',
  ...over,
});

describe('Search, articles and Ask over gRPC (built service)', () => {
  let app: KnowledgeApp;
  let customer: string;
  const ids: Record<string, ArticleMessage> = {};

  const create = async (key: string, over: Record<string, unknown>, publish = true) => {
    const { article } = await app.knowledge.call<{ article: ArticleMessage }>('CreateArticle', { article: input(over) }, app.tokens.agent);
    ids[key] = publish ? (await app.knowledge.call<{ article: ArticleMessage }>('PublishArticle', { id: article.id, expectedRevision: article.revision }, app.tokens.agent)).article : article;
  };
  const search = (query: string, token = app.tokens.agent, extra: Record<string, unknown> = {}) => app.knowledge.call<SearchResponse>('Search', { query, ...extra }, token);
  const titles = async (query: string, token?: string) => (await search(query, token)).hits.map((h) => h.title);

  beforeAll(async () => {
    app = await startKnowledgeApp('knowledge-search');
    customer = await app.customerToken('01936a00-1111-7aaa-8bbb-000000000001', '01936a00-2222-7aaa-8bbb-000000000002');
    await create('printer', {
      title: 'Drucker druckt nicht, Aufträge hängen in der Druckerwarteschlange',
      problem: 'Alle Druckaufträge bleiben in der Warteschlange des Druckers hängen.',
      resolution: 'Druckspooler neu starten und hängende Aufträge löschen.',
      products: ['Kyocera ECOSYS M3655idn'],
    });
    await create('vpn', {
      title: 'VPN client reports error 809',
      problem: 'The VPN client does not connect and reports error 809.',
      resolution: 'VPN client 5.1 has a known bug with IKEv2. Update the client to version 5.2 or later.',
      products: ['SecureConnect VPN Gateway 3000'],
    });
    await create('vpnInternal', {
      title: 'VPN gateway admin password rotation',
      problem: 'The VPN gateway admin password must be rotated every 90 days.',
      resolution: 'Log in to the gateway console with the vault credentials and rotate the password.',
      visibility: 'ARTICLE_VISIBILITY_INTERNAL',
      category: 'internal-ops',
    });
    await create('invoice', { title: 'Rechnungskopie anfordern', problem: 'Die Rechnung ist nicht angekommen.', resolution: 'Im Portal unter Rechnungen als PDF herunterladen.', category: 'billing' });
    await create('draft', { title: 'VPN drafts are not for customers', problem: 'Draft about the VPN client.', resolution: 'Not published yet.' }, false);
  });
  afterAll(() => app.stop());


  it('runs on database sessions with the service settings: generic plans, no JIT, no parallel workers', async () => {
    const dataSource = app.service.app.get<DataSource>(DATA_SOURCE);
    // Several pooled connections at once, so not only the first one is checked.
    const settings = await Promise.all(
      Array.from({ length: 4 }, async () =>
        (await dataSource.query(`SELECT current_setting('plan_cache_mode') AS plan, current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS workers, pg_sleep(0.05)`)) as unknown[],
      ),
    );
    for (const rows of settings) expect(rows).toEqual([{ plan: 'force_generic_plan', jit: 'off', workers: '0', pg_sleep: '' }]);
  });
  it('finds German compounds, misspellings and synonyms, with highlighted snippets', async () => {
    expect(await titles('Warteschlange Drucker')).toEqual([expect.stringContaining('Druckerwarteschlange')]);
    expect((await titles('Druckwarteschlange')).length).toBeLessThanOrEqual(1);
    const typo = await search('Drukcer hängt');
    expect(typo.hits[0]?.title).toContain('Drucker');
    expect(typo.corrections).toContain('drukcer→drucker');
    expect(await titles('printer VPN kaputt fehler 809')).toContain('VPN client reports error 809');
    const [hit] = (await search('IKEv2 update')).hits;
    expect(hit?.snippet).toContain('«IKEv2»');
  });

  it('understands quotes, OR and -exclusion', async () => {
    expect(await titles('"error 809"')).toEqual(['VPN client reports error 809', ]);
    expect(await titles('"809 error"')).toEqual([]);
    expect((await titles('Rechnung OR Drucker')).sort()).toEqual(['Drucker druckt nicht, Aufträge hängen in der Druckerwarteschlange', 'Rechnungskopie anfordern']);
    expect(await titles('VPN -password -draft')).toEqual(['VPN client reports error 809']);
  });

  it('counts facets by category and product and filters by them', async () => {
    const all = await search('VPN');
    expect(all.categories).toEqual(expect.arrayContaining([{ value: 'technical', count: 2 }, { value: 'internal-ops', count: 1 }]));
    expect(all.products).toEqual([{ value: 'SecureConnect VPN Gateway 3000', count: 1 }]);
    expect((await search('VPN', app.tokens.agent, { category: 'internal-ops' })).hits.map((h) => h.articleId)).toEqual([ids['vpnInternal']?.id]);
    expect((await search('VPN', app.tokens.agent, { product: 'SecureConnect VPN Gateway 3000' })).hits.map((h) => h.articleId)).toEqual([ids['vpn']?.id]);
  });

  it('shows a customer only published customer articles: no internal article, no draft, no facet of them', async () => {
    const result = await search('VPN password draft', customer);
    expect(result.hits.map((h) => h.articleId)).toEqual([ids['vpn']?.id]);
    expect(result.categories).toEqual([{ value: 'technical', count: 1 }]);
    await expect(app.knowledge.call('GetArticle', { id: ids['vpnInternal']?.id }, customer)).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(app.knowledge.call('GetArticle', { id: ids['draft']?.id }, customer)).rejects.toMatchObject({ code: status.NOT_FOUND });
    const listed = await app.knowledge.call<{ articles: { id: string }[] }>('ListArticles', {}, customer);
    expect(listed.articles.map((a) => a.id).sort()).toEqual([ids['printer']?.id, ids['vpn']?.id, ids['invoice']?.id].sort());
    await expect(app.knowledge.call('CreateArticle', { article: input({ title: 'a', problem: 'b', resolution: 'c' }) }, customer)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    const answer = await app.knowledge.call<AskResponse>('Ask', { question: 'How do I rotate the VPN gateway admin password?' }, customer);
    expect(answer.passages.map((p) => p.articleId)).not.toContain(ids['vpnInternal']?.id);
  });

  it('reindexes an article in the same transaction as its edit, versioned and republished', async () => {
    const before = ids['invoice'];
    const { article } = await app.knowledge.call<{ article: ArticleMessage }>(
      'UpdateArticle',
      { id: before?.id, expectedRevision: before?.revision, article: input({ title: 'Gutschrift anfordern', problem: 'Eine Position wurde doppelt berechnet.', resolution: 'Gutschrift über das Kundenportal beantragen.', category: 'billing' }) },
      app.tokens.agent,
    );
    expect(article).toMatchObject({ revision: (before?.revision ?? 0) + 1, status: 'ARTICLE_STATUS_PUBLISHED', language: 'de' });
    expect(await titles('Rechnungskopie')).toEqual([]);
    expect(await titles('Gutschrift', customer)).toEqual(['Gutschrift anfordern']);
    await expect(
      app.knowledge.call('UpdateArticle', { id: before?.id, expectedRevision: before?.revision, article: input({ title: 'stale' }) }, app.tokens.agent),
    ).rejects.toMatchObject({ code: status.ABORTED });
  });

  it('answers a question with the best passage and its source article', async () => {
    const answer = await app.knowledge.call<AskResponse>('Ask', { question: 'What fixes VPN error 809?' }, app.tokens.agent);
    expect(answer.summarised).toBe(false);
    expect(answer.passages[0]?.articleId).toBe(ids['vpn']?.id);
    expect(answer.answer).toContain('Update the client to version 5.2');
  });

  it('refuses bad requests naming the field', async () => {
    await expect(search('')).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('query') });
    await expect(app.knowledge.call('GetArticle', { id: 'nope' }, app.tokens.agent)).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('id') });
    await expect(app.knowledge.call('CreateArticle', { article: input({ title: '' }) }, app.tokens.agent)).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('article.title') });
  });
});
