import type { EntityManager } from 'typeorm';
import { signatureBands } from './near-duplicate-signature';
import { SignatureBandsRepository } from './signature-bands.repository';
import { trigramsOf } from './trigram-similarity';

/** The article a text closely matches, with the trigram similarity of the two. */
export interface NearDuplicate {
  readonly articleId: string;
  readonly similarity: number;
}

/**
 * For each text (title, problem, resolution of a new case), the stored article it closely
 * matches: candidates from the LSH bands (one statement for the whole batch), verified with
 * pg_trgm's trigram similarity of the whole text computed here; the best one at or above
 * `threshold` wins (ties: the smaller id). Keyed by the text's position.
 */
export async function nearDuplicates(
  manager: EntityManager,
  texts: readonly { readonly text: string; readonly language: string | null }[],
  threshold: number,
): Promise<Map<number, NearDuplicate>> {
  const probes = texts.map(({ text, language }, i) => ({ i, language, bands: signatureBands(text) })).filter((p) => p.bands.length > 0);
  const candidates = await new SignatureBandsRepository(manager).candidates(probes);
  const found = new Map<number, NearDuplicate>();
  const probeTrigrams = new Map<number, Set<string>>();
  for (const { i, article } of candidates) {
    let own = probeTrigrams.get(i);
    if (!own) {
      own = trigramsOf(texts[i]?.text ?? '');
      probeTrigrams.set(i, own);
    }
    const similarity = jaccard(own, trigramsOf(`${article.title} ${article.problem} ${article.resolution}`));
    const best = found.get(i);
    if (similarity >= threshold && (!best || similarity > best.similarity || (similarity === best.similarity && article.id < best.articleId))) {
      found.set(i, { articleId: article.id, similarity });
    }
  }
  return found;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const trigram of a) if (b.has(trigram)) shared += 1;
  return shared / (a.size + b.size - shared);
}
