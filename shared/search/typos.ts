/**
 * Spellings one edit away from a folded word (deletion, transposition, substitution, insertion),
 * for tolerating one typo (`nghiem` for `nghiêm`, typed `ngheim`).
 *
 * Words of {@link TYPO_MIN} letters or more are searched in every spelling one letter away that the
 * caller's documents hold (`hanx` → `hanh`, `hang`, `han`). A shorter word is one edit away from
 * dozens of Vietnamese syllables (`tsi` → `tai`, `thi`, `toi`, `tri`, `si`): searching them all would
 * drown the results, so a word of {@link OFFER_MIN} letters is only *offered* corrected, when the
 * query's words then stand side by side in a document ("Có phải bạn muốn tìm …").
 */

export const TYPO_MIN = 4;
export const OFFER_MIN = 3;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** Most likely first: two letters swapped (`ngheim`), one letter wrong, one missing, one extra. */
export function editsOf(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) {
    for (const c of ALPHABET) if (c !== word[i]) out.add(word.slice(0, i) + c + word.slice(i + 1));
  }
  for (let i = 0; i <= word.length; i++) for (const c of ALPHABET) out.add(word.slice(0, i) + c + word.slice(i));
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  out.delete(word);
  return [...out].filter((w) => w.length >= 2);
}

/** True when a word is long enough, and not a number, to be searched in its other spellings. */
export function correctable(folded: string): boolean {
  return folded.length >= TYPO_MIN && /^[a-z]+$/.test(folded);
}

/** True when a word may be offered corrected (a whole suggested query, checked against the documents). */
export function offerable(folded: string): boolean {
  return folded.length >= OFFER_MIN && /^[a-z]+$/.test(folded);
}
