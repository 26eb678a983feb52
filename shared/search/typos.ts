/**
 * Spellings one edit away from a folded word (deletion, transposition, substitution, insertion),
 * for tolerating one typo in longer words (`nghiem` for `nghiêm`, typed `ngheim`). Only words of
 * {@link TYPO_MIN} letters or more are corrected: a short Vietnamese syllable is one edit away
 * from dozens of others.
 */

export const TYPO_MIN = 5;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

export function editsOf(word: string): string[] {
  const out = new Set<string>();
  // Most likely first: two letters swapped (`ngheim`), one letter wrong, one missing, one extra.
  for (let i = 0; i + 1 < word.length; i++) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) {
    for (const c of ALPHABET) if (c !== word[i]) out.add(word.slice(0, i) + c + word.slice(i + 1));
  }
  for (let i = 0; i <= word.length; i++) for (const c of ALPHABET) out.add(word.slice(0, i) + c + word.slice(i));
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  out.delete(word);
  return [...out].filter((w) => w.length >= 2);
}

/** True when a word is long enough, and not a number, to be corrected. */
export function correctable(folded: string): boolean {
  return folded.length >= TYPO_MIN && /^[a-z]+$/.test(folded);
}
