import { fold } from '../text/fold';

/** A user's search text, made safe and ready for the full-text index. */
export interface PreparedQuery {
  /** Folded words, in the order typed. */
  terms: string[];
  /** An FTS5 MATCH expression, or null when the text has no searchable word. */
  match: string | null;
}

/** Words are runs of letters and digits after folding; everything else (FTS syntax included) separates them. */
export function tokenize(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Every word must occur (AND); the whole phrase is added as an alternative so that documents
 * holding the words side by side rank higher (bm25 sums over every phrase of the expression).
 * Each word is quoted, so characters such as `"`, `*`, `-`, `NEAR`, `OR` typed by a user are
 * never read as FTS5 syntax.
 */
export function prepareQuery(text: string): PreparedQuery {
  const terms = tokenize(text).slice(0, 32);
  if (terms.length === 0) return { terms, match: null };
  const quoted = terms.map((t) => `"${t}"`);
  const all = quoted.join(' AND ');
  const match = terms.length > 1 ? `"${terms.join(' ')}" OR (${all})` : all;
  return { terms, match };
}
