import { STOPWORDS, type ParsedQuery, type QueryWord } from './parse';

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

export interface TierExpr {
  tier: TierName;
  match: string;
  /** The metadata tiers read the index without bodies (short position lists). */
  table: 'main' | 'meta';
}


/** Alternatives for a word: the word itself plus spellings one edit away (typo tolerance). */
export type Alternatives = ReadonlyMap<string, readonly string[]>;

function term(t: string, prefix: boolean): string {
  return prefix ? `"${t}"*` : `"${t}"`;
}

function wordExpr(w: QueryWord, prefix: boolean, alts: Alternatives | undefined): string {
  const others = alts?.get(w.folded);
  if (!others || others.length === 0) return term(w.folded, prefix);
  return `(${[term(w.folded, prefix), ...others.map((o) => term(o, false))].join(' OR ')})`;
}

function phraseExpr(ws: readonly QueryWord[], prefixLast: boolean): string {
  return `"${ws.map((w) => w.folded).join(' ')}"${prefixLast ? '*' : ''}`;
}

/** The tier expressions for `q`, or [] when it has nothing to match. */
export function tierExpressions(q: ParsedQuery, alts?: Alternatives): TierExpr[] {
  const n = q.words.length;
  if (n === 0 && q.phrases.length === 0) return [];
  const significant = q.words.filter((w, i) => !STOPWORDS.has(w.folded) || (q.prefix && i === n - 1));
  // Long queries leave function words to the phrase tiers.
  const andWords = significant.length >= 4 ? significant : q.words;
  const wordTerms = andWords.map((w) => wordExpr(w, q.prefix && w === q.words[n - 1], alts));
  const quoted = q.phrases.map((p) => phraseExpr(p, false));
  const and = (parts: string[]) => parts.join(' AND ');
  const required = quoted.length > 0 ? ` AND ${and(quoted)}` : '';

  const fuzzy = q.words.some((w) => (alts?.get(w.folded)?.length ?? 0) > 0);
  const tiers: TierExpr[] = [];
  if (n >= 2 && !fuzzy) tiers.push({ tier: 'metaPhrase', match: `${phraseExpr(q.words, q.prefix)}${required}`, table: 'meta' });
  const allParts = [...wordTerms, ...quoted];
  tiers.push({ tier: 'metaAll', match: and(allParts), table: 'meta' });
  if (n >= 2 && !fuzzy) tiers.push({ tier: 'phrase', match: `${phraseExpr(q.words, q.prefix)}${required}`, table: 'main' });
  tiers.push({ tier: 'all', match: and(allParts), table: 'main' });
  return tiers;
}

/** The expression every hit matches (the last tier). */
export function allExpression(q: ParsedQuery, alts?: Alternatives): string | null {
  const tiers = tierExpressions(q, alts);
  return tiers.length > 0 ? tiers[tiers.length - 1]!.match : null;
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

