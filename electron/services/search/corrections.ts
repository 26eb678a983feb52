import type { Alternatives } from '../../../shared/search/ftsExpr';
import { termExpression } from '../../../shared/search/ftsExpr';
import type { ParsedQuery } from '../../../shared/search/parse';
import { correctable, editsOf } from '../../../shared/search/typos';
import type { SearchIndexRepository } from '../../data/repositories/searchIndex';

const MAX_ALTERNATIVES = 6;

export interface Corrections {
  list: Array<{ word: string; alternatives: string[] }>;
  alternatives: Alternatives;
}

/**
 * Spellings one edit away that the index holds, for the long words of the query: those the
 * index has never seen (`ngheim`), or — with `all`, when a query found nothing — every one.
 * A word still being typed is a prefix, not a typo.
 */
export function findCorrections(index: SearchIndexRepository, q: ParsedQuery, all: boolean): Corrections {
  const list: Corrections['list'] = [];
  const alternatives = new Map<string, string[]>();
  q.words.forEach((w, i) => {
    if (q.prefix && i === q.words.length - 1) return;
    if (!correctable(w.folded) || alternatives.has(w.folded)) return;
    if (!all && index.termExists(termExpression(w.folded))) return;
    const found: string[] = [];
    for (const e of editsOf(w.folded)) {
      if (index.termExists(termExpression(e))) found.push(e);
      if (found.length >= MAX_ALTERNATIVES) break;
    }
    if (found.length > 0) {
      list.push({ word: w.folded, alternatives: found });
      alternatives.set(w.folded, found);
    }
  });
  return { list, alternatives };
}
