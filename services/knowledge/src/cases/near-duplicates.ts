import type { EntityManager } from 'typeorm';
import { SIGNATURE_BANDS, lookupBands, type SignatureBand } from './near-duplicate-signature';
import { SignatureBandsRepository } from './signature-bands.repository';
import { TrigramComparer, trigramsOf } from './trigram-similarity';

/** The article a text closely matches, with the trigram similarity of the two. */
export interface NearDuplicate {
  readonly articleId: string;
  readonly similarity: number;
}

/**
 * What the near-duplicate check needs of a text (title, problem, resolution of a new case): the
 * LSH bands it looks up (the candidates), its own bands (what a new draft of it stores) and its
 * trigrams (the check). Computed once per case: the batch compares the same trigrams with its
 * other cases.
 */
export interface DuplicateProbe {
  readonly language: string | null;
  readonly lookup: readonly SignatureBand[];
  readonly bands: readonly SignatureBand[];
  readonly trigrams: ReadonlySet<number>;
}

export function duplicateProbe(text: string, language: string | null): DuplicateProbe {
  // The bands of the text's own language come first among those it looks up.
  const lookup = lookupBands(text, language);
  return { language, lookup, bands: lookup.slice(0, SIGNATURE_BANDS), trigrams: trigramsOf(text) };
}

/**
 * For each probe, the stored article it closely matches: candidates from the LSH bands (one
 * statement for the whole batch), verified with pg_trgm's trigram similarity of the whole text
 * computed here; the best one at or above `threshold` wins (ties: the smaller id). Keyed by the
 * probe's position.
 */
export async function nearDuplicates(manager: EntityManager, probes: readonly DuplicateProbe[], threshold: number): Promise<Map<number, NearDuplicate>> {
  const banded = probes.map(({ language, lookup }, i) => ({ i, language, bands: lookup })).filter((p) => p.bands.length > 0);
  const candidates = await new SignatureBandsRepository(manager).candidates(banded);
  const found = new Map<number, NearDuplicate>();
  const comparer = new TrigramComparer();
  for (const { i, article } of candidates) {
    const own = probes[i]?.trigrams;
    if (!own) continue;
    const similarity = comparer.similarity(own, `${article.title} ${article.problem} ${article.resolution}`, threshold);
    const best = found.get(i);
    if (similarity >= threshold && (!best || similarity > best.similarity || (similarity === best.similarity && article.id < best.articleId))) {
      found.set(i, { articleId: article.id, similarity });
    }
  }
  return found;
}
