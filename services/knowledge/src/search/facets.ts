/** Facets list at most this many values each. */
export const FACET_VALUES = 20;

/** A facet value and how many matching articles have it. */
export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

/** Most counted first, then by value; at most {@link FACET_VALUES}. */
export function topFacetValues(counts: readonly FacetCount[]): FacetCount[] {
  return [...counts].sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0)).slice(0, FACET_VALUES);
}

/** Facet counts over the matching articles. */
export interface Facets {
  readonly categories: readonly FacetCount[];
  readonly products: readonly FacetCount[];
}
