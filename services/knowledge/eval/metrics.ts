/** One query's result: the relevant article ids and the ranked hits. */
export interface QueryOutcome {
  readonly query: string;
  readonly kind: string;
  readonly relevant: readonly string[];
  readonly ranked: readonly string[];
  readonly titles: readonly string[];
}

/** recall@k: the share of a query's relevant articles (at most k of them) found in the top k. */
export function recallAt(k: number, outcome: QueryOutcome): number {
  if (outcome.relevant.length === 0) return 0;
  const top = new Set(outcome.ranked.slice(0, k));
  const found = outcome.relevant.filter((id) => top.has(id)).length;
  return found / Math.min(k, outcome.relevant.length);
}

/** Reciprocal rank of the first relevant hit within the top k; 0 when none. */
export function reciprocalRankAt(k: number, outcome: QueryOutcome): number {
  const index = outcome.ranked.slice(0, k).findIndex((id) => outcome.relevant.includes(id));
  return index < 0 ? 0 : 1 / (index + 1);
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/** The printed figures: overall and per query kind, and the misses for `--verbose`. */
export function evaluate(outcomes: readonly QueryOutcome[]): { recall5: number; mrr10: number; lines: string[]; misses: string[] } {
  const recall5 = mean(outcomes.map((o) => recallAt(5, o)));
  const mrr10 = mean(outcomes.map((o) => reciprocalRankAt(10, o)));
  const lines = [`recall@5 = ${recall5.toFixed(3)}   MRR@10 = ${mrr10.toFixed(3)}   (targets 0.85 / 0.70)`];
  for (const kind of [...new Set(outcomes.map((o) => o.kind))].sort()) {
    const of = outcomes.filter((o) => o.kind === kind);
    lines.push(`  ${kind.padEnd(10)} ${String(of.length).padStart(3)} queries: recall@5 ${mean(of.map((o) => recallAt(5, o))).toFixed(3)}, MRR@10 ${mean(of.map((o) => reciprocalRankAt(10, o))).toFixed(3)}`);
  }
  const misses = outcomes
    .filter((o) => reciprocalRankAt(10, o) < 1)
    .map((o) => `  [${o.kind}] "${o.query}" → rr ${reciprocalRankAt(10, o).toFixed(2)}; got: ${o.titles.slice(0, 3).join(' | ') || '(nothing)'}`);
  return { recall5, mrr10, lines, misses };
}
