import { fold } from '../text/fold';
import { parseNumberQuery, type NumberQuery } from './numberQuery';

/**
 * A search box's text, read the way an archivist means it: words with or without diacritics,
 * `"quoted phrases"` that must stand together, the last word still being typed (a prefix), and
 * number-symbols in any spelling. Every character that FTS5 would read as syntax (`"`, `*`, `^`,
 * `:`, `-`, `(`, `NEAR`, `OR`…) is reduced to a separator or a plain word, so no query can error.
 */

export interface QueryWord {
  /** Lower case, no diacritics, `đ` → `d`: what the index holds. */
  folded: string;
  /** Lower-case NFC spelling when typed with diacritics (`bàn`), else null. */
  exact: string | null;
}

export interface ParsedQuery {
  /** Words outside quotes, in the order typed. */
  words: QueryWord[];
  /** Quoted phrases, each two words or more (a quoted single word is a plain word). */
  phrases: QueryWord[][];
  /** The last word is still being typed: it matches every word starting with it. */
  prefix: boolean;
  /** The text is a number-symbol (or a bare number). */
  number: NumberQuery | null;
  /** Every folded word (words and phrases), for snippets and highlights. */
  terms: string[];
  /** The last word is two letters still being typed: kept only if the index holds it as a word. */
  tentative?: boolean;
}

/** The query without its last word (a tentative one the index does not hold). */
export function withoutLastWord(q: ParsedQuery): ParsedQuery {
  const words = q.words.slice(0, -1);
  const terms = [...new Set([...words.map((w) => w.folded), ...q.phrases.flat().map((w) => w.folded)])];
  return { ...q, words, terms, tentative: false, prefix: false };
}

export const MAX_WORDS = 32;
export const MAX_PHRASES = 4;
const MAX_WORD_LENGTH = 40;
/** A prefix shorter than this matches only the word itself: `b*` would match every document. */
export const PREFIX_MIN = 3;

function wordsOf(text: string): QueryWord[] {
  const out: QueryWord[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0].slice(0, MAX_WORD_LENGTH);
    const lower = w.toLowerCase();
    const folded = fold(lower);
    if (!/^[a-z0-9]+$/.test(folded)) continue;
    out.push({ folded, exact: folded !== lower ? lower : null });
  }
  return out;
}

/**
 * Parses `text`. `typing`: the user is still typing, so the last word (when it is not followed by
 * a space or a closing quote, and has at least {@link PREFIX_MIN} characters) is a prefix.
 */
export function parseQuery(text: string, options: { typing?: boolean } = {}): ParsedQuery {
  const nfc = text.normalize('NFC').slice(0, 1_000);
  const phrases: QueryWord[][] = [];
  const words: QueryWord[] = [];
  let rest = '';
  let last = 0;
  let endsInPhrase = false;
  // Balanced quotes delimit phrases; an unclosed quote is an ordinary separator.
  for (const m of nfc.matchAll(/"([^"]*)"/g)) {
    rest += ` ${nfc.slice(last, m.index)} `;
    last = m.index + m[0].length;
    const ws = wordsOf(m[1]!);
    if (ws.length >= 2 && phrases.length < MAX_PHRASES) phrases.push(ws.slice(0, MAX_WORDS));
    else rest += ` ${m[1]} `;
    endsInPhrase = last === nfc.length;
  }
  rest += nfc.slice(last);
  if (last < nfc.length) endsInPhrase = false;
  words.push(...wordsOf(rest).slice(0, MAX_WORDS));
  const typingWord = !!options.typing && !endsInPhrase && words.length > 0 && /[\p{L}\p{N}]$/u.test(nfc);
  // A word just begun (`chuyển đổi s`) says too little to search for: the others are searched
  // until it is long enough to be a prefix. Two letters may already be a whole syllable (`số`,
  // `xã`): the search decides, by whether the index holds it (see `tentative`). Digits are kept
  // (`1485` is typed digit by digit).
  let tentative = false;
  const begun = words[words.length - 1];
  if (typingWord && words.length > 1 && begun!.folded.length < PREFIX_MIN && !/^\d+$/.test(begun!.folded)) {
    if (begun!.folded.length < 2) words.pop();
    else tentative = true;
  }
  const lastWord = words[words.length - 1];
  const prefix = typingWord && lastWord !== undefined && lastWord.folded.length >= PREFIX_MIN;
  const number = phrases.length === 0 ? parseNumberQuery(nfc) : null;
  if (number) {
    // `KL/TU 12` is stored and cited as `12-KL/TU`: words in the key's order find it side by side.
    const order = number.key.split(' ');
    words.sort((a, b) => order.indexOf(a.folded) - order.indexOf(b.folded));
  }
  const terms = [...new Set([...words.map((w) => w.folded), ...phrases.flat().map((w) => w.folded)])];
  return { words, phrases, prefix: prefix && !number, number, terms, tentative };
}

export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.words.length === 0 && q.phrases.length === 0;
}

/**
 * Lower-case spellings with diacritics the user typed: exact matches of these rank first. At most
 * `max`, the longest (the most telling: `nghiêm` says more than `và`).
 */
export function exactTokens(q: ParsedQuery, max = 4): string[] {
  const all = [...new Set([...q.words, ...q.phrases.flat()].map((w) => w.exact).filter((x): x is string => x !== null))];
  return all.sort((a, b) => b.length - a.length).slice(0, max);
}

/**
 * Function words that say nothing about what a document is about. In a long query they are left
 * out of the "all words" tiers (they still count for the words side by side), so pasting a whole
 * subject does not ask the index to intersect a dozen of the commonest syllables. Only syllables
 * that fold to nothing else worth finding: `tai` is also `tài` (tài liệu), `de` also `đề` (đề án),
 * `thi` also `thi` (thi hành), `cung` also `cung` (cung cấp) — those stay.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(['va', 'cua', 'cac', 've', 'theo', 'voi', 'nhung', 'duoc', 'mot']);

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return c >= 0xc0 && !(c >= 0x2000 && c <= 0x2bff);
}

/** Whether `text` holds every token (lower-case, with diacritics) as a whole word, spelt exactly. */
export function holdsExactly(text: string, tokens: readonly string[]): boolean {
  const s = text.normalize('NFC').toLowerCase();
  for (const t of tokens) {
    let found = false;
    for (let at = s.indexOf(t); at >= 0; at = s.indexOf(t, at + 1)) {
      if ((at === 0 || !isWordChar(s.charCodeAt(at - 1))) && (at + t.length >= s.length || !isWordChar(s.charCodeAt(at + t.length)))) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}
