import { knowledgeV1 } from '@helpdesk/contracts';
import { z } from 'zod';
import { STATUS_TO_PROTO, VISIBILITY_TO_PROTO } from '../articles/article.grpc-mapper';
import type { ScoredPassage } from './passages';
import type { SearchResult, Suggestion } from './search-engine';
import type { Answer } from './search.service';

const optional = (max: number) => z.string().trim().max(max).transform((v) => (v === '' ? null : v));

export const searchRequestSchema = z.object({
  query: z.string().trim().min(1, { message: 'must not be empty' }).max(500),
  category: optional(200),
  product: optional(200),
  language: z.enum(['', 'de', 'en'], { message: 'must be de, en or empty' }).transform((v) => (v === '' ? null : v)),
  limit: z.int().min(0).max(50, { message: 'must be at most 50' }).transform((v) => v || 10),
});

export const suggestRequestSchema = z.object({
  text: z.string().trim().min(1, { message: 'must not be empty' }).max(20_000),
  limit: z.int().min(0).max(20, { message: 'must be at most 20' }).transform((v) => v || 5),
});

export const askRequestSchema = z.object({ question: z.string().trim().min(1, { message: 'must not be empty' }).max(2_000) });

export function toSearchResponse(result: SearchResult): knowledgeV1.SearchResponse {
  return {
    hits: result.hits.map((h) => ({
      articleId: h.articleId,
      title: h.title,
      snippet: h.snippet,
      score: h.score,
      category: h.category ?? '',
      products: [...h.products],
      visibility: VISIBILITY_TO_PROTO[h.visibility],
      status: STATUS_TO_PROTO[h.status],
    })),
    categories: result.facets.categories.map((f) => ({ ...f })),
    products: result.facets.products.map((f) => ({ ...f })),
    corrections: [...result.corrections],
  };
}

export function toSuggestionMessage(s: Suggestion): knowledgeV1.Suggestion {
  return {
    kind: s.kind === 'article' ? knowledgeV1.Suggestion_Kind.KIND_ARTICLE : knowledgeV1.Suggestion_Kind.KIND_TICKET,
    articleId: s.articleId ?? '',
    ticketId: s.ticketId ?? '',
    title: s.title,
    snippet: s.snippet,
    score: s.score,
    visibility: VISIBILITY_TO_PROTO[s.visibility],
  };
}

export function toAskResponse(answer: Answer): knowledgeV1.AskResponse {
  return { answer: answer.answer, passages: answer.passages.map(toPassage), summarised: answer.summarised };
}

function toPassage(p: ScoredPassage): knowledgeV1.Passage {
  return { articleId: p.articleId, title: p.title, text: p.text, score: p.score };
}
