// How one query word becomes the words searched for: itself, glossary synonyms, the nearest
// vocabulary word when it is unknown (a typo), the parts of a German compound, and longer
// compounds that contain it. The vocabulary lookups are the repository's; the rules are here.

import { synonymsOf } from './synonyms';

const STOP_WORDS = new Set(
  'und oder der die das den dem des ein eine einen einem einer ist sind war wird werden nicht kein keine ich wir sie er es mit auf fur bei von zu im in an am aus nach wie was wenn kann konnen muss mussen soll hat haben habe mein meine unser unsere ihr ihre dass seit noch auch nur schon mehr bitte danke hallo mal man sich the and or is are was were be not no it its to in on at of for with from by an as my our your we you they this that how what why when can cannot cant does do did dont doesnt has have had please after since still again any'.split(
    ' ',
  ),
);

/** Whether a word carries no meaning for search. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** What the vocabulary says about one query word. */
export interface VocabularyFacts {
  readonly known: boolean;
  /** Nearest vocabulary words by trigram similarity, best first. */
  readonly near: readonly { readonly term: string; readonly similarity: number }[];
  /** Longer vocabulary words (compounds) that contain the word. */
  readonly containing: readonly string[];
}

/** Least trigram similarity for a vocabulary word to replace an unknown (misspelt) word. */
export const TYPO_SIMILARITY = 0.3;
const MIN_PART = 4;

/**
 * Possible splits of a German compound into two parts, each at least four letters, with the
 * linking elements s, es, n, en, er and e also tried without them ("Anmeldeseite" → anmelde|seite, anmeld|seite).
 */
export function compoundSplits(word: string): readonly (readonly [string, string])[] {
  if (word.length < 2 * MIN_PART || /\d/.test(word)) return [];
  const splits: [string, string][] = [];
  for (let i = MIN_PART; i <= word.length - MIN_PART; i += 1) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    splits.push([head, tail]);
    for (const link of ['s', 'es', 'n', 'en', 'er', 'e']) {
      if (head.endsWith(link) && head.length - link.length >= MIN_PART) splits.push([head.slice(0, -link.length), tail]);
    }
  }
  return splits;
}

/** The words one query word is searched as, the word itself first; `corrected` when a typo was replaced. */
export function expandWord(word: string, facts: VocabularyFacts, knownParts: ReadonlySet<string>): { words: string[]; corrected: string | null } {
  const words = [word, ...synonymsOf(word)];
  let corrected: string | null = null;
  if (!facts.known && word.length >= 4) {
    const best = facts.near.filter((n) => n.similarity >= TYPO_SIMILARITY).slice(0, 2);
    for (const n of best) words.push(n.term, ...synonymsOf(n.term));
    corrected = best[0]?.term ?? null;
  }
  for (const [head, tail] of compoundSplits(word)) {
    if (knownParts.has(head) && knownParts.has(tail)) {
      words.push(head, tail);
      break;
    }
  }
  words.push(...facts.containing);
  return { words: [...new Set(words)], corrected };
}
