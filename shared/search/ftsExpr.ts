import { STOPWORDS, type ParsedQuery, type QueryWord } from './parse';
import { phraseSlots, phraseVariants, type Alternatives } from './phrase';

export type { Alternatives } from './phrase';

/**
 * FTS5 expressions for the relevance tiers (see `electron/services/search/engine.ts`). Tokens are
 * `[a-z0-9]+` after folding, always quoted, so the expression is well-formed whatever was typed.
 *
 * Tiers, best first (the first two read `document_meta_fts`, which has no bodies):
 *  - `metaPhrase`: the words side by side in the number, subject or metadata (issuer, signer,
 *    place, type) — a document *about* the phrase;
 *  - `metaAll`: all words there, apart;
 *  - `phrase`: the words side by side anywhere (the body);
 *  - `all`: every word somewhere. Its count is the number of hits.
 * Quoted phrases are required in every tier. Typed words can never match the `flags` column: its
 * tokens start with a letter no typed word is kept with (see `flag` in indexText.ts).
 */

export type TierName = 'metaPhrase' | 'metaAll' | 'phrase' | 'all';

/** Above this many words a query is a pasted subject: see `distinctive`. */
export const LONG_QUERY = 6;
const DISTINCTIVE = 5;

/**
 * The most telling words of a long query, in their typed order: numbers of three digits or more
 * (a year, a number) and then the longest syllables — in Vietnamese the commonest syllables are
 * the shortest (`uy`, `bi`, `ve`, `co`), so length is a fair, free stand-in for rarity.
 */
function distinctive(words: readonly QueryWord[], last: QueryWord | undefined): QueryWord[] {
  const weight = (w: QueryWord) => (/^\d{3,}$/.test(w.folded) ? 100 : w.folded.length);
  // A word typed twice (`điều động … đồng chí` folds to `dong` twice) is one word: counted once,
  // it leaves its second place to a word that narrows the search. The last one typed is the one
  // kept when it is repeated (it may be a prefix still being typed).
  const once = words.filter((w, i) => (last && w.folded === last.folded ? w === last : words.findIndex((x) => x.folded === w.folded) === i));
  const ranked = [...once].sort((a, b) => weight(b) - weight(a));
  const keep = new Set(ranked.slice(0, DISTINCTIVE).map((w) => w.folded));
  if (last) keep.add(last.folded);
  return once.filter((w) => keep.has(w.folded));
}

/** A prefix shorter than this is completed in the metadata index only. */
export const SHORT_PREFIX = 5;

/** Whether `q` is a pasted subject (see `distinctive`): its phrase is checked on subjects, in memory. */
export function isLongQuery(q: ParsedQuery): boolean {
  return q.words.length > LONG_QUERY;
}

export interface TierExpr {
  tier: TierName;
  match: string;
  /** The metadata tiers read the index without bodies (short position lists). */
  table: 'main' | 'meta';
}


function term(t: string, prefix: boolean): string {
  return prefix ? `"${t}"*` : `"${t}"`;
}

function wordExpr(w: QueryWord, prefix: boolean, alts: Alternatives | undefined): string {
  const others = alts?.get(w.folded);
  if (!others || others.length === 0) return term(w.folded, prefix);
  return `(${[term(w.folded, prefix), ...others.map((o) => term(o, false))].join(' OR ')})`;
}

/**
 * The words side by side; a corrected word in any of its spellings (one phrase per spelling, OR-ed),
 * or null when that would be too many phrases to look for.
 */
function phraseExpr(ws: readonly QueryWord[], prefixLast: boolean, alts?: Alternatives): string | null {
  const variants = phraseVariants(phraseSlots(ws, alts));
  if (!variants) return null;
  const one = (v: string[]) => `"${v.join(' ')}"${prefixLast ? '*' : ''}`;
  return variants.length === 1 ? one(variants[0]!) : `(${variants.map(one).join(' OR ')})`;
}

/** The tier expressions for `q`, or [] when it has nothing to match. */
export function tierExpressions(q: ParsedQuery, alts?: Alternatives): TierExpr[] {
  const n = q.words.length;
  if (n === 0 && q.phrases.length === 0) return [];
  const significant = q.words.filter((w, i) => !STOPWORDS.has(w.folded) || (q.prefix && i === n - 1));
  const last = q.words[n - 1];
  // Long queries leave function words to the phrase tiers; a pasted subject's "all words" tiers
  // keep its most telling words only (see `distinctive`), the last one typed always.
  const andWords = significant.length > LONG_QUERY ? distinctive(significant, last) : significant.length >= 4 ? significant : q.words;
  // A short word still being typed (`gia…`) expands to dozens of common words: it is completed
  // against numbers, subjects and metadata only, and the text tiers use the words already typed.
  const shortPrefix = q.prefix && last !== undefined && last.folded.length < SHORT_PREFIX;
  const termOf = (w: QueryWord) => wordExpr(w, q.prefix && w === last, alts);
  const wordTerms = andWords.map(termOf);
  const bodyWords = shortPrefix ? andWords.filter((w) => w !== last) : andWords;
  const quoted = q.phrases.map((p) => phraseExpr(p, false)!);
  const and = (parts: string[]) => parts.join(' AND ');
  const required = quoted.length > 0 ? ` AND ${and(quoted)}` : '';
  const tiers: TierExpr[] = [];
  // A pasted subject is not looked up as a phrase in the index (its commonest syllables would be
  // read for every document): the engine finds it among the documents holding its telling words.
  const metaPhrase = n >= 2 && n <= LONG_QUERY ? phraseExpr(q.words, q.prefix, alts) : null;
  if (metaPhrase) tiers.push({ tier: 'metaPhrase', match: `${metaPhrase}${required}`, table: 'meta' });
  const allParts = [...wordTerms, ...quoted];
  tiers.push({ tier: 'metaAll', match: and(allParts), table: 'meta' });
  const bodyPhrase = shortPrefix ? q.words.slice(0, -1) : q.words;
  // Side by side in the text: worth looking for up to a few words (a whole pasted subject is
  // found in subjects, not in bodies, and its positions would cost a pass over thousands).
  const textPhrase = bodyPhrase.length >= 2 && bodyPhrase.length <= LONG_QUERY ? phraseExpr(bodyPhrase, q.prefix && !shortPrefix, alts) : null;
  if (textPhrase) tiers.push({ tier: 'phrase', match: `${textPhrase}${required}`, table: 'main' });
  const bodyParts = [...bodyWords.map(termOf), ...quoted];
  if (bodyParts.length > 0) tiers.push({ tier: 'all', match: and(bodyParts), table: 'main' });
  return tiers;
}

/** The expression every hit matches (the last tier), and the index it reads. */
export function allExpression(q: ParsedQuery, alts?: Alternatives): { match: string; table: 'main' | 'meta' } | null {
  const tiers = tierExpressions(q, alts);
  const last = tiers[tiers.length - 1];
  return last ? { match: last.match, table: last.table } : null;
}

/** A single-term expression, to test whether a word occurs in the index at all. */
export function termExpression(folded: string): string {
  return term(folded, false);
}

/**
 * Adds the filter tokens to a tier expression: `required` must all hold (each an OR-group of
 * alternatives), `excluded` must not.
 */
export function withFlags(match: string, required: ReadonlyArray<readonly string[]>, excluded: readonly string[]): string {
  let out = `(${match})`;
  for (const group of required) {
    if (group.length === 0) continue;
    out += ` AND (${group.map((t) => `"${t}"`).join(' OR ')})`;
  }
  for (const t of excluded) out += ` NOT "${t}"`;
  return out;
}

