import type { QueryWord } from './parse';

/**
 * Phrases with typo tolerance. A corrected word (`thunog`, searched as `thuong`) must not cost a
 * query the rules that put the document *about* the phrase first: the words side by side are
 * looked for with each corrected word in any of its spellings.
 */

/** Alternatives for a word: the word itself plus spellings one edit away (typo tolerance). */
export type Alternatives = ReadonlyMap<string, readonly string[]>;

/** A phrase as the spellings accepted at each position (the typed one first). */
export type PhraseSlots = ReadonlyArray<readonly string[]>;

/** At most this many spelled-out phrases are searched for one typed phrase. */
export const MAX_PHRASE_VARIANTS = 8;

export function phraseSlots(words: readonly QueryWord[], alts: Alternatives | undefined): PhraseSlots {
  return words.map((w) => [w.folded, ...(alts?.get(w.folded) ?? [])]);
}

/**
 * Every spelling of the phrase (one choice per position), or null when there are more than
 * {@link MAX_PHRASE_VARIANTS}: then the phrase is not looked for in the index at all.
 */
export function phraseVariants(slots: PhraseSlots): string[][] | null {
  let out: string[][] = [[]];
  for (const slot of slots) {
    if (out.length * slot.length > MAX_PHRASE_VARIANTS) return null;
    out = out.flatMap((head) => slot.map((s) => [...head, s]));
  }
  return out;
}

/**
 * Whether `tokens` (a folded text split into words) hold the phrase, each position in any of its
 * spellings, side by side.
 */
export function holdsPhrase(tokens: readonly string[], slots: PhraseSlots): boolean {
  const n = slots.length;
  if (n === 0) return false;
  for (let i = 0; i + n <= tokens.length; i++) {
    let j = 0;
    while (j < n && slots[j]!.includes(tokens[i + j]!)) j++;
    if (j === n) return true;
  }
  return false;
}
