import { normalizeWords } from './query-syntax';
import { isStopWord } from './term-expansion';

/** A sentence or paragraph of an article, scored against a question. */
export interface ScoredPassage {
  readonly articleId: string;
  readonly title: string;
  readonly text: string;
  readonly score: number;
}

/** An article that matched a question, with its search score. */
export interface PassageSource {
  readonly articleId: string;
  readonly title: string;
  readonly problem: string;
  readonly resolution: string;
  readonly score: number;
}

/** Splits text into passages: paragraphs, and long paragraphs into sentences. */
export function splitPassages(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((paragraph) => (paragraph.length > 300 ? paragraph.split(/(?<=[.!?])\s+/) : [paragraph]))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length >= 15);
}

/**
 * The best passages for a question: resolution passages (what to do) first by word overlap with
 * the question (five-letter prefixes, so "Drucker"/"Druckers" and "printing"/"printer" meet),
 * weighted by how well their article matched.
 */
export function bestPassages(question: string, sources: readonly PassageSource[], limit: number): ScoredPassage[] {
  const wanted = new Set(normalizeWords(question).filter((w) => !isStopWord(w)).map(prefix));
  const scored: ScoredPassage[] = [];
  for (const source of sources) {
    for (const [text, weight] of [...splitPassages(source.resolution).map((t) => [t, 1] as const), ...splitPassages(source.problem).map((t) => [t, 0.5] as const)]) {
      const words = new Set(normalizeWords(text).map(prefix));
      const overlap = wanted.size === 0 ? 0 : [...wanted].filter((w) => words.has(w)).length / wanted.size;
      scored.push({ articleId: source.articleId, title: source.title, text, score: weight * (0.5 * source.score + 0.5 * overlap) });
    }
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit);
}

function prefix(word: string): string {
  return word.slice(0, 5);
}
