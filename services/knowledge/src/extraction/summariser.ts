import type { KnowledgeElement } from './knowledge-element';

/** A passage an answer may be built from; `[n]` in an answer cites passages[n-1]. */
export interface AnswerPassage {
  readonly articleId: string;
  readonly title: string;
  readonly text: string;
}

/**
 * The pluggable step after extraction. Both methods resolve to null when they have nothing
 * better than the extractive result (not configured, timed out, failed, or an unusable reply);
 * callers then keep the extractive text.
 */
export interface Summariser {
  /** A better-phrased title, problem and resolution from the element's own text only. */
  rewriteElement(element: KnowledgeElement): Promise<Pick<KnowledgeElement, 'title' | 'problem' | 'resolution'> | null>;
  /** An answer to the question from the passages only, citing them as [1], [2], … */
  answer(question: string, passages: readonly AnswerPassage[]): Promise<string | null>;
}

/** The default: extraction stays extractive. */
export const extractiveOnly: Summariser = {
  rewriteElement: () => Promise.resolve(null),
  answer: () => Promise.resolve(null),
};
