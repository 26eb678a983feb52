/**
 * A capital vowel read twice. Tesseract's Vietnamese model often gives a capital with a tone over
 * its vowel mark as two letters, the bare or half-marked vowel and the marked one side by side:
 * `TRIỂỀN` for `TRIỂN`, `TIÊỀU` for `TIÊU`, `HIÌNH` for `HÌNH`, `CÚŨA` for `CỦA`. Such a word is
 * no Vietnamese syllable, and a title or a body's name holding it is left for review.
 *
 * One of the two letters goes only when the word as read cannot be a syllable, dropping one of the
 * pair makes one, and the document's own small letters hold that word once tones and marks are
 * stripped (`triển` in the body for `TRIỂỀN`). Between the two letters, the one leaving the body's
 * spelling is kept; otherwise the first letter. The word keeps its confidence: only
 * `confirmCapitals`, finding the pair of words it stands in written one way in the body, raises it
 * (and sets its tones); until then a field read from it stays doubtful.
 */
import { fold } from '../text/fold';
import { isVietnameseSyllable } from '../text/syllables';
import { spellingKey } from './capitals';
import type { RecognisedPage } from './ocrText';

const HAS_LOWER = /\p{Ll}/u;
const LETTERS = /^\p{L}+$/u;
const VOWEL = /^[aeiouy]$/u;

/** The small-letter words of the pages, by their folded form, with how often each spelling is used. */
function smallWords(pages: readonly RecognisedPage[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const p of pages) {
    for (const w of p.words) {
      const core = coreOf(w.text).core;
      if (!LETTERS.test(core) || !HAS_LOWER.test(core)) continue;
      const lower = core.toLowerCase();
      const spellings = out.get(fold(lower)) ?? new Map<string, number>();
      spellings.set(spellingKey(lower), (spellings.get(spellingKey(lower)) ?? 0) + 1);
      out.set(fold(lower), spellings);
    }
  }
  return out;
}

function coreOf(text: string): { lead: string; core: string; tail: string } {
  const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(text)!;
  return { lead: m[1]!, core: m[2]!, tail: m[3]! };
}

/** The word with one of a doubled vowel dropped, when the rule above allows it; else null. */
export function undoubled(word: string, small: ReadonlyMap<string, ReadonlyMap<string, number>>): string | null {
  const { lead, core, tail } = coreOf(word);
  if (!LETTERS.test(core) || HAS_LOWER.test(core) || isVietnameseSyllable(core)) return null;
  const chars = [...core];
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    if (a === b || fold(a) !== fold(b) || !VOWEL.test(fold(a))) continue;
    const options = [i + 1, i].map((drop) => chars.filter((_, k) => k !== drop).join('')).filter((c) => isVietnameseSyllable(c));
    const spellings = options.length > 0 ? small.get(fold(options[0]!)) : undefined;
    if (!spellings) continue;
    const known = options.find((c) => spellings.has(spellingKey(c.toLowerCase())));
    return lead + (known ?? options[0]!) + tail;
  }
  return null;
}

/** The pages with every doubled capital vowel the rule allows made single (the same pages when none is). */
export function undoubleMarks(pages: readonly RecognisedPage[]): RecognisedPage[] {
  const small = smallWords(pages);
  return pages.map((p) => {
    let changed = false;
    const words = p.words.map((w) => {
      const fixed = undoubled(w.text, small);
      if (fixed === null) return w;
      changed = true;
      return { ...w, text: fixed };
    });
    return changed ? { ...p, words } : p;
  });
}
