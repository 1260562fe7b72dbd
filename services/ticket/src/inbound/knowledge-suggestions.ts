import type { KnowledgeSuggestedV1 } from '@helpdesk/contracts';

/**
 * The internal note text of knowledge suggestions: one line per article or similar ticket, best
 * first, with its relevance and the best matching passage. Null when there is nothing to note.
 */
export function suggestionNote(data: KnowledgeSuggestedV1): string | null {
  if (data.suggestions.length === 0) return null;
  const lines = data.suggestions.map((s, i) => {
    const what = s.kind === 'article' ? `Article ${s.articleId ?? ''}${s.visibility === 'customer' ? ' (customer-visible)' : ' (internal)'}` : `Similar ticket ${s.ticketId ?? ''}`;
    const snippet = s.snippet.replace(/\s+/g, ' ').trim();
    return `${i + 1}. ${s.title} — ${what}, relevance ${Math.round(s.score * 100)} %${snippet ? `\n   ${snippet}` : ''}`;
  });
  return `Knowledge suggestions for this ticket:\n${lines.join('\n')}`;
}
