/**
 * Two-syllable words of a Vietnamese word list, kept so that a pair of syllables can be asked two
 * things: is it written so in some word (`phổ biến`), and which words have the same letters with
 * other tones (`phố biến` → `phổ biến`). Tones are compared apart from where they sit (`uỷ ban`
 * and `ủy ban` are one pair) and letter case is set aside, so a proper name of the list
 * (`Hà Tĩnh`) is a pair like any other.
 *
 * The list is given by the caller (the product reads the word list of the npm package
 * `@vntk/dictionary`); nothing here knows where it came from.
 */
import { spellingKey } from './capitals';

export interface WordPairs {
  /** Pairs as spelled, each syllable by its `spellingKey`. */
  readonly spelled: ReadonlySet<string>;
  /** Pairs by their letters without tones → the spellings the list has of them. */
  readonly byLetters: ReadonlyMap<string, readonly (readonly [string, string])[]>;
}

/** A syllable's letters with its tone taken off (`phổ` → `phô`). */
export function lettersOf(syllable: string): string {
  return spellingKey(syllable).split('|')[0]!;
}

function pairKey(a: string, b: string): string {
  return `${spellingKey(a)} ${spellingKey(b)}`;
}

/**
 * Every two neighbouring syllables of every entry of more than one syllable (`an toàn khu` gives
 * `an toàn` and `toàn khu`): syllables are split at spaces and hyphens; an entry with a character
 * that is not a letter is left out.
 */
export function wordPairs(entries: Iterable<string>): WordPairs {
  const spelled = new Set<string>();
  const byLetters = new Map<string, Array<readonly [string, string]>>();
  for (const entry of entries) {
    const syllables = entry.normalize('NFC').trim().toLowerCase().split(/[\s-]+/u);
    if (syllables.length < 2 || !syllables.every((s) => /^\p{L}+$/u.test(s))) continue;
    for (let i = 1; i < syllables.length; i++) {
      const [a, b] = [syllables[i - 1]!, syllables[i]!];
      const key = pairKey(a, b);
      if (spelled.has(key)) continue;
      spelled.add(key);
      const letters = `${lettersOf(a)} ${lettersOf(b)}`;
      const list = byLetters.get(letters) ?? [];
      list.push([a, b]);
      byLetters.set(letters, list);
    }
  }
  return { spelled, byLetters };
}

/** Whether the list writes `a b` so (tone placement and case aside). */
export function isPair(pairs: WordPairs, a: string, b: string): boolean {
  return pairs.spelled.has(pairKey(a, b));
}

/**
 * The spellings the list has of the syllable at `side` (0: `a`, 1: `b`) with the other syllable
 * exactly as read: the pair's other tones for that syllable alone.
 */
export function toneVariants(pairs: WordPairs, a: string, b: string, side: 0 | 1): string[] {
  const list = pairs.byLetters.get(`${lettersOf(a)} ${lettersOf(b)}`) ?? [];
  const kept = spellingKey(side === 0 ? b : a);
  const read = spellingKey(side === 0 ? a : b);
  const out = new Map<string, string>();
  for (const pair of list) {
    if (spellingKey(pair[1 - side]!) !== kept) continue;
    const s = pair[side]!;
    if (spellingKey(s) !== read) out.set(spellingKey(s), s);
  }
  return [...out.values()];
}
