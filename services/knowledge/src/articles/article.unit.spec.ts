import { attachSourceCase, draftArticle, editArticle, markForReview, publishArticle, publishedEventData, type ArticleContent } from './article';

const content: ArticleContent = { title: 'T', problem: 'P', resolution: 'R', language: 'en', category: null, products: [], tags: [], visibility: 'customer' };
const t0 = new Date('2026-11-24T08:00:00.000Z');
const t1 = new Date('2026-11-24T09:00:00.000Z');

describe('article lifecycle', () => {
  it('drafts, publishes, edits (a published edit stays published) and versions every edit', () => {
    const draft = draftArticle('id', content, ['s1', 's1'], t0);
    expect(draft).toMatchObject({ revision: 1, status: 'draft', sourceTicketIds: ['s1'], publishedAt: null });
    const published = publishArticle(draft, t1);
    expect(published).toMatchObject({ status: 'published', publishedAt: t1 });
    expect(editArticle(published, { ...content, title: 'T2' }, t1)).toMatchObject({ revision: 2, status: 'published', title: 'T2' });
    expect(editArticle(draft, content, t1)).toMatchObject({ revision: 2, status: 'draft', publishedAt: null });
    expect(publishedEventData(published, true, { kind: 'system', id: null, displayName: 'x' })).toMatchObject({ articleId: 'id', revision: 1, firstPublication: true, language: 'en' });
  });

  it('keeps the first review reason and attaches a source case once', () => {
    const draft = draftArticle('id', content, ['s1'], t0);
    const reviewed = markForReview(markForReview(draft, 'first', t1), 'second', t1);
    expect(reviewed.reviewReason).toBe('first');
    expect(publishArticle(reviewed, t1)).toMatchObject({ needsReview: false, reviewReason: null });
    const attached = attachSourceCase(draft, 's2', t1);
    expect(attached).toMatchObject({ sourceTicketIds: ['s1', 's2'], mergeSuggestionTicketIds: ['s2'] });
    expect(attachSourceCase(attached, 's2', t1)).toBe(attached);
  });
});
