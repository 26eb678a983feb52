/**
 * Vietnamese syllables (âm tiết): whether a written word can be one, by the language's own
 * phonotactics (initial consonant, rhyme, tone), with no dictionary and no list of fonts.
 *
 * Used to tell a sound text layer from a garbled one: a PDF whose font has a wrong ToUnicode map
 * decodes to letters with the wrong marks ("Kểt luận … cua", "Uy viển … Đang bộ"), and many of
 * those are not syllables at all (a hỏi tone on a syllable closed by -t cannot be said). Real
 * Vietnamese prose scores near 100%; a broken map scores far lower.
 */

/** Tone marks as combining characters (NFD): huyền, sắc, ngã, hỏi, nặng. */
const TONES: Record<string, Tone> = { '\u0300': 'huyen', '\u0301': 'sac', '\u0303': 'nga', '\u0309': 'hoi', '\u0323': 'nang' };
type Tone = 'ngang' | 'huyen' | 'sac' | 'nga' | 'hoi' | 'nang';

const INITIALS = 'ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx]';
/** Rhymes ending in a vowel (no consonant may follow). */
const OPEN = 'oai|oay|oao|oeo|uây|uya|uyu|iêu|yêu|ươi|ươu|uôi|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu';
/** Nuclei a final consonant may close (or that stand alone). */
const CLOSABLE = 'uyê|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uy|uơ|a|ă|â|e|ê|i|y|o|ô|ơ|u|ư';
/** `-k` is not in the standard language but closes many place names of the Central Highlands (Đắk Lắk, Đắk Nông). */
const FINALS = 'ch|ng|nh|c|k|m|n|p|t';
const SYLLABLE = new RegExp(`^(?:${INITIALS})?(?:(?:${OPEN})|(?:${CLOSABLE})(?:${FINALS})?)$`, 'u');
/** Nuclei that need a final consonant (`iê`, `uô`, `ươ`, `ă`, `â` never end a syllable). */
const NEEDS_FINAL = /^(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?(?:uyê|iê|yê|uô|ươ|oă|uâ|ă|â)$/u;
const STOP_FINAL = /(?:c|ch|k|p|t)$/u;

/** Letters a Vietnamese word is written with (before tone marks), lower case. */
const VIETNAMESE_LETTERS = /^[a-eg-ik-vxyđăâêôơư]+$/u;

/** The base letters (modifiers kept, tone removed) and the tone of a lower-case word, or null when it carries two tones. */
function splitTone(word: string): { base: string; tone: Tone } | null {
  let tone: Tone = 'ngang';
  let base = '';
  for (const ch of word.normalize('NFD')) {
    const t = TONES[ch];
    if (t) {
      if (tone !== 'ngang') return null;
      tone = t;
    } else base += ch;
  }
  return { base: base.normalize('NFC'), tone };
}

/** True when a lower-case word can be written as one Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  const split = splitTone(word.toLowerCase());
  if (!split) return false;
  const { base, tone } = split;
  if (!VIETNAMESE_LETTERS.test(base) || !SYLLABLE.test(base) || NEEDS_FINAL.test(base)) return false;
  // A syllable closed by a stop (-c, -ch, -p, -t) takes only the sắc or nặng tone.
  if (STOP_FINAL.test(base) && tone !== 'sac' && tone !== 'nang') return false;
  // k- only before i, e, ê, y; c-, g- and ng- never there (gh-, ngh- instead); gh-, ngh- only there.
  if (/^k(?![ieêyh])/u.test(base) || /^c(?!h)[ieêy]/u.test(base) || /^n?gh(?![ieê])/u.test(base) || /^ng[eêi]/u.test(base) || /^g[eê]/u.test(base)) return false;
  return true;
}

/** Any mark only Vietnamese writing uses: a tone, a circumflex, a breve, a horn, or đ. */
const MARKED = /[\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b]|đ/u;
/** A tone or a vowel modifier (not đ, which abbreviations such as HĐND, QĐ carry too). */
const VOWEL_MARK = /[\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b]/u;

/** Whether a word carries a tone or a vowel modifier (an abbreviation such as `UBND` carries none). */
export function hasVowelMark(word: string): boolean {
  return VOWEL_MARK.test(word.normalize('NFD'));
}

/**
 * Words that say nothing about the text layer: abbreviations in capitals without a vowel mark
 * (`UBND`, `HĐND`, `KL`), abbreviations with a capital inside (`TTr`, `CTr`), and lone consonant
 * letters (`T/M`, `V/v`).
 */
function isAbbreviation(word: string, decomposed: string): boolean {
  if (word.length === 1) return !/[aeiouy]/iu.test(decomposed.replace(/[\u0300-\u036f]/gu, ''));
  if (word === word.toUpperCase()) return !VOWEL_MARK.test(decomposed);
  return /\p{Lu}/u.test(word.slice(1));
}

export interface SyllableScore {
  /** Words weighed: letters only, not an abbreviation in capitals without marks. */
  words: number;
  /** Of those, the ones that can be Vietnamese syllables. */
  valid: number;
  /** Of those, the ones with a Vietnamese mark (tone, ^, ˘, horn, đ). */
  marked: number;
}

/**
 * A run of text joined to markup or code characters (`<img`, `src=x`, `window.__x`, an address, an
 * e-mail) is not prose: its words say nothing about the font map. Broken maps and legacy encodings
 * give letters with wrong marks (`Kểt`, `KÕt luËn`, `Keát`), never these characters.
 */
const NOT_PROSE = /[<>=_{}\\@#$%^*~`]|\p{L}\.\p{L}|:\/\//u;

/** Counts the words of a text that can be Vietnamese syllables. */
export function scoreSyllables(text: string): SyllableScore {
  let words = 0;
  let valid = 0;
  let marked = 0;
  const prose = text
    .normalize('NFC')
    .split(/\s+/u)
    .filter((run) => !NOT_PROSE.test(run))
    .join(' ');
  for (const m of prose.matchAll(/\p{L}+/gu)) {
    const word = m[0];
    const decomposed = word.normalize('NFD');
    if (isAbbreviation(word, decomposed)) continue;
    const hasMark = MARKED.test(decomposed.toLowerCase());
    words++;
    if (hasMark) marked++;
    if (isVietnameseSyllable(word)) valid++;
  }
  return { words, valid, marked };
}

/** Fewer words than this cannot tell a garbled layer from a short odd one. */
const MIN_WORDS = 30;
/** Below this share of marked words the text is not Vietnamese (English, codes): not judged. */
const MIN_MARKED_SHARE = 0.2;
/**
 * Below this share of valid syllables a Vietnamese text layer is garbled: a layer that lost its
 * tones on half its words, or a font map that sends letters far off, lands here.
 */
export const MIN_VALID_SHARE = 0.9;
/**
 * Below this share it is doubtful: sound texts (the seeds, the format fixtures, real documents
 * with names and abbreviations) score 0.975 and above; a map that only shifts some tones (the
 * DejaVu Sans Mono case: "Kểt luận … cua") makes a full page score 0.91–0.94, since many of its
 * wrong words are still syllables (`cua`, `Uy`, `Đang`). A doubtful layer is read again by OCR and
 * the sounder text kept; without OCR it is kept and flagged for review.
 */
export const SOUND_SHARE = 0.97;

/** The share of valid syllables, or null when the text is too short or not Vietnamese to judge. */
export function vietnameseShare(text: string): number | null {
  const s = scoreSyllables(text);
  if (s.words < MIN_WORDS || s.marked / s.words < MIN_MARKED_SHARE) return null;
  return s.valid / s.words;
}

export type TextLayerQuality = 'sound' | 'doubtful' | 'garbled';

/** How a text layer reads as Vietnamese (`sound` too when it cannot be judged). */
export function textLayerQuality(text: string): TextLayerQuality {
  const share = vietnameseShare(text);
  if (share === null || share >= SOUND_SHARE) return 'sound';
  return share < MIN_VALID_SHARE ? 'garbled' : 'doubtful';
}

/** True when a text means to be Vietnamese but too few of its words can be Vietnamese syllables. */
export function isGarbledVietnamese(text: string): boolean {
  return textLayerQuality(text) === 'garbled';
}
