import type { EntityManager } from 'typeorm';
import { lookupBands, type SignatureBand } from './near-duplicate-signature';
import type { LiveBandIndex } from './band-index/live-band-index';
import { TrigramComparer, trigramsOf } from './trigram-similarity';

/** An article's text as the near-duplicate check compares it. */
export interface ComparedArticle {
  readonly id: string;
  readonly language: string | null;
  readonly title: string;
  readonly problem: string;
  readonly resolution: string;
}

/** The article a text closely matches, with the trigram similarity of the two. */
export interface NearDuplicate {
  readonly articleId: string;
  readonly similarity: number;
}

/**
 * What the near-duplicate check needs of a text (title, problem, resolution of a new case): the
 * LSH bands it looks up (the candidates) and its trigrams (the check). Computed once per case:
 * the batch compares the same trigrams with its other cases.
 */
export interface DuplicateProbe {
  readonly language: string | null;
  readonly lookup: readonly SignatureBand[];
  readonly trigrams: ReadonlySet<number>;
}

export function duplicateProbe(text: string, language: string | null): DuplicateProbe {
  return { language, lookup: lookupBands(text, language), trigrams: trigramsOf(text) };
}

/**
 * For each probe, the stored article it closely matches: candidates from the LSH bands (the
 * in-memory `bands`), their texts read in one statement for the whole batch, verified with
 * pg_trgm's trigram similarity of the whole text computed here; the best one at or above
 * `threshold` wins (ties: the smaller id). A probe with a language only matches articles of that
 * language. Keyed by the probe's position.
 */
export async function nearDuplicates(manager: EntityManager, bands: LiveBandIndex, probes: readonly DuplicateProbe[], threshold: number): Promise<Map<number, NearDuplicate>> {
  const candidates = await bands.candidates(
    manager,
    probes.map(({ lookup }, i) => ({ i, bands: lookup })).filter((p) => p.bands.length > 0),
  );
  const texts = await comparedArticles(manager, [...new Set(candidates.map((c) => c.articleId))]);
  const found = new Map<number, NearDuplicate>();
  const comparer = new TrigramComparer();
  for (const { i, articleId } of candidates) {
    const probe = probes[i];
    const article = texts.get(articleId);
    if (!probe || !article || (probe.language !== null && article.language !== probe.language)) continue;
    const similarity = comparer.similarity(probe.trigrams, `${article.title} ${article.problem} ${article.resolution}`, threshold);
    const best = found.get(i);
    if (similarity >= threshold && (!best || similarity > best.similarity || (similarity === best.similarity && article.id < best.articleId))) {
      found.set(i, { articleId: article.id, similarity });
    }
  }
  return found;
}

/** The texts of the candidate articles that still exist, by id. */
async function comparedArticles(manager: EntityManager, ids: readonly string[]): Promise<Map<string, ComparedArticle>> {
  if (ids.length === 0) return new Map();
  const rows = (await manager.query(`SELECT id, language, title, problem, resolution FROM knowledge_articles WHERE id = ANY($1::uuid[])`, [ids])) as ComparedArticle[];
  return new Map(rows.map((row) => [row.id, row]));
}
