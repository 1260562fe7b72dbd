import { knowledgeArticlePublishedV1, knowledgeSuggestedV1 } from '@helpdesk/contracts';
import { DATA_SOURCE } from '@helpdesk/runtime';
import { expectEventually, readEvents } from '@helpdesk/testing';
import type { DataSource } from 'typeorm';
import { startKnowledgeApp, type KnowledgeApp } from './support/knowledge-app';
import { created, merged, message, publish, reopened, resolved, ticketSnapshot } from './support/ticket-events';

interface ArticleMessage {
  id: string;
  revision: number;
  status: string;
  visibility: string;
  language: string;
  title: string;
  problem: string;
  resolution: string;
  sourceTicketIds: string[];
  needsReview: boolean;
  reviewReason: string;
  mergeSuggestionTicketIds: string[];
}
interface SearchResponse {
  hits: { articleId: string; title: string; snippet: string }[];
}

const EVENTUALLY = { timeoutMs: 45_000 };
jest.setTimeout(90_000);

describe('knowledge from ticket events (built service over NATS and gRPC)', () => {
  let app: KnowledgeApp;
  let customer: string;
  beforeAll(async () => {
    app = await startKnowledgeApp('knowledge-learning');
    customer = await app.customerToken('01936a00-1111-7aaa-8bbb-000000000001', '01936a00-2222-7aaa-8bbb-000000000002');
  });
  afterAll(() => app.stop());

  const search = (query: string, token = app.tokens.agent) => app.knowledge.call<SearchResponse>('Search', { query }, token);
  const get = async (id: string) => (await app.knowledge.call<{ article: ArticleMessage }>('GetArticle', { id }, app.tokens.agent)).article;
  /** The article titled `title`, once the search for `query` finds it first. */
  const articleOf = async (query: string, title: string): Promise<ArticleMessage> => {
    let id = '';
    await expectEventually(async () => {
      const [hit] = (await search(query)).hits;
      expect(hit?.title).toBe(title);
      id = hit?.articleId ?? '';
    }, EVENTUALLY);
    return get(id);
  };

  it('builds a draft article from a resolved ticket in the customer\'s words, without the internal note', async () => {
    const ticket = ticketSnapshot({ summary: 'AW: [T-100401] Scanner am Kopierer sendet keine Mails mehr', tags: ['scanner'] });
    await publish(app.nats, created(ticket, 'Scan to mail geht nicht'));
    const problem = message(ticket, 'Hallo zusammen,\n\nseit dem Update sendet der Kopierer keine Scans mehr per Mail an uns.\n\nViele Grüße\nMax Mustermann\nMusterfirma GmbH');
    await publish(app.nats, problem);
    await publish(app.nats, message(ticket, 'Kunde hat schon wieder das SMTP-Geheimwort Zebra42 geändert', { audience: 'internal', medium: 'note', direction: 'outbound' }));
    // As the ticket service does, the resolution names the first customer message.
    const resolution = 'Im Kopierer das SMTP-Relay auf Port 587 mit STARTTLS umgestellt; Scan an Mail funktioniert wieder.';
    await publish(app.nats, resolved(ticket, { resolution, problem: problem.data.message.text, products: ['Kyocera TASKalfa 3554ci'] }));

    const article = await articleOf('Kopierer Scan Mail', 'Scanner am Kopierer sendet keine Mails mehr');
    expect(article).toMatchObject({
      status: 'ARTICLE_STATUS_DRAFT',
      visibility: 'ARTICLE_VISIBILITY_CUSTOMER',
      language: 'de',
      title: 'Scanner am Kopierer sendet keine Mails mehr',
      problem: 'seit dem Update sendet der Kopierer keine Scans mehr per Mail an uns.',
      sourceTicketIds: [ticket.ticketId],
    });
    expect(JSON.stringify(article)).not.toMatch(/Zebra42|Geheimwort/);
    expect((await search('Zebra42')).hits).toEqual([]);
    expect((await search('Kopierer Scan', customer)).hits).toEqual([]);

    const { article: published } = await app.knowledge.call<{ article: ArticleMessage }>('PublishArticle', { id: article.id, expectedRevision: article.revision }, app.tokens.agent);
    expect(published.status).toBe('ARTICLE_STATUS_PUBLISHED');
    expect((await search('Kopierer Scan', customer)).hits.map((h) => h.articleId)).toEqual([article.id]);
    const [event] = await readEvents(app.nats.nc, { stream: app.nats.naming.streamName('HELPDESK_KNOWLEDGE'), subject: app.nats.naming.subject(knowledgeArticlePublishedV1.type), count: 1 });
    expect(event?.event.data).toMatchObject({ articleId: article.id, firstPublication: true, visibility: 'customer' });
  });

  it('attaches a closely matching case to the existing article and marks it for review when a source ticket reopens', async () => {
    const resolution = 'Der Akku des Notebooks war tiefentladen. Netzteil 30 Minuten angeschlossen lassen, dann startet das Gerät wieder.';
    const first = ticketSnapshot({ summary: 'Notebook startet nicht mehr, keine LED leuchtet' });
    const second = ticketSnapshot({ summary: 'Notebook startet nicht mehr, keine LED leuchtet' });
    await publish(app.nats, resolved(first, { resolution, problem: 'Unser Notebook startet nicht mehr, es leuchtet keine LED.' }));
    const article = await articleOf('Notebook startet nicht LED', first.summary);
    await publish(app.nats, resolved(second, { resolution, problem: 'Das Notebook startet nicht mehr, keine LED leuchtet.' }));
    await expectEventually(async () => expect((await get(article.id)).sourceTicketIds).toEqual([first.ticketId, second.ticketId]), EVENTUALLY);
    expect(await get(article.id)).toMatchObject({ mergeSuggestionTicketIds: [second.ticketId], needsReview: true });
    expect((await search('Notebook startet nicht LED')).hits).toHaveLength(1);

    await app.knowledge.call('PublishArticle', { id: article.id, expectedRevision: 0 }, app.tokens.agent);
    await publish(app.nats, reopened({ ...first, version: 2 }, 'Gerät geht wieder aus'));
    await expectEventually(async () => expect(await get(article.id)).toMatchObject({ needsReview: true, reviewReason: expect.stringContaining('reopened: Gerät geht wieder aus') }), EVENTUALLY);
  });

  it('learns the problem of a merged-away ticket from its moved customer message', async () => {
    const target = ticketSnapshot({ summary: 'Headset knackt', version: 3 });
    const source = ticketSnapshot({ summary: 'Headset', version: 2 });
    const moved = message(source, 'Good morning,\nour Jabra headset crackles loudly during every call.\nThanks,\nMax');
    await publish(app.nats, moved);
    await publish(app.nats, merged(target, source, [moved.data.message.messageId]));
    await expectEventually(async () => {
      const rows = (await app.service.app.get<DataSource>(DATA_SOURCE).query('SELECT merged_into FROM knowledge_cases WHERE ticket_id = $1', [source.ticketId])) as unknown[];
      expect(rows).toEqual([{ merged_into: target.ticketId }]);
    }, EVENTUALLY);
    await publish(app.nats, resolved({ ...target, version: 4 }, { resolution: 'Replaced the Jabra headset cable; the crackling is gone.', language: 'en' }));
    const article = await articleOf('Jabra headset crackles', 'Headset knackt');
    expect(article).toMatchObject({ problem: 'our Jabra headset crackles loudly during every call.', language: 'en', sourceTicketIds: [target.ticketId] });
  });

  it('suggests the similar resolved case for a new ticket as helpdesk.knowledge.suggested.v1', async () => {
    const old = ticketSnapshot({ summary: 'Outlook asks for the password again and again' });
    await publish(app.nats, resolved(old, { resolution: 'Removed the stale Outlook credentials from the Windows Credential Manager.', problem: 'Outlook keeps asking for my password.' }));
    await articleOf('Outlook password Credential Manager', old.summary);
    const fresh = ticketSnapshot({ summary: 'Outlook password prompt keeps coming back' });
    await publish(app.nats, created(fresh, 'Every few minutes Outlook asks for the password.'));
    const events = await readEvents(app.nats.nc, { stream: app.nats.naming.streamName('HELPDESK_KNOWLEDGE'), subject: app.nats.naming.subject(knowledgeSuggestedV1.type), count: 1, timeoutMs: 30_000 });
    const data = knowledgeSuggestedV1.schema.parse(events[0]?.event.data);
    expect(data.ticketId).toBe(fresh.ticketId);
    expect(data.suggestions[0]).toMatchObject({ kind: 'ticket', ticketId: old.ticketId, visibility: 'internal' });
  });
});
