/** One resolved ticket of the evaluation set: what the customer wrote and what solved it. */
export interface EvalTicket {
  readonly summary: string;
  readonly problem: string;
  readonly resolution: string;
}

/**
 * A support problem that occurred more than once: two (or more) resolved tickets from different
 * customers in their own words, and queries an agent or customer would type when it happens
 * again. Every ticket of the scenario is relevant to its queries.
 */
export interface Scenario {
  readonly key: string;
  readonly language: 'de' | 'en';
  readonly category: 'technical' | 'billing' | 'sales' | 'hr' | 'other';
  readonly product: string | null;
  readonly tickets: readonly EvalTicket[];
  /** Each query with what it tests: plain paraphrase, a typo, a synonym, or a German compound split/joined. */
  readonly queries: readonly { readonly q: string; readonly kind: 'paraphrase' | 'typo' | 'synonym' | 'compound' }[];
}

export const t = (summary: string, problem: string, resolution: string): EvalTicket => ({ summary, problem, resolution });
