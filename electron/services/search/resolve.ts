import { LONG_QUERY, allExpression, type Alternatives } from '../../../shared/search/ftsExpr';
import { idOfKey } from '../../../shared/search/indexText';
import { numberKeyVariants } from '../../../shared/search/numberQuery';
import { isEmptyQuery, parseQuery, withoutLastWord, type ParsedQuery } from '../../../shared/search/parse';
import { spellingIn } from '../../../shared/search/spelling';
import { correctable, offerable } from '../../../shared/search/typos';
import type { SearchHitRepository } from '../../data/repositories/searchHits';
import type { IndexTable, KeyBounds, SearchIndexRepository } from '../../data/repositories/searchIndex';
import type { FacetStore } from './facetStore';
import { Vocabulary } from './vocabulary';

/**
 * What a search box's text asks for, settled once per text and caller, before any filter: the
 * words (a two-letter word being typed is dropped when no document holds it), the spellings one
 * letter away searched for words no document holds, the query offered instead when the words find
 * nothing, and the documents a typed number-symbol names. Hits, their count, the facet counts and
 * "select all that match" all start from the same resolution, so they always agree; and it never
 * depends on the filters, so a facet's count is the count its filter gives.
 */

export interface Corrections {
  /** For the caller: each typed word searched in other spellings, and those spellings. */
  list: Array<{ word: string; alternatives: string[] }>;
  alternatives: Alternatives;
}

/** A query offered for one that found nothing: one word changed by one letter, the words then side by side in a document. */
export interface SpellingOffer {
  /** As a document spells it (`bàn giao tài liệu`). */
  text: string;
  /** The results are those of the offered query. */
  searched: boolean;
}

export interface ResolvedQuery {
  parsed: ParsedQuery;
  corrections: Corrections;
  offer: SpellingOffer | null;
  /** Documents the typed number-symbol names that the caller may see, newest first, no filter applied. */
  numberIds: number[];
}

const MAX_ALTERNATIVES = 6;
/** Documents named by a number-symbol that are considered (a bare `12` names hundreds). */
export const NUMBER_HITS = 200;
/** Spellings of one word tried for an offer. */
const OFFER_NEIGHBOURS = 24;
/** An offered query is looked for in the texts of this many of the newest documents (numbers, subjects and metadata: all). */
const OFFER_TEXT_WINDOW = 20_000;
/** Characters of a document read to spell the offered query as it does. */
const SPELLING_SCAN = 2_000_000;

const NO_CORRECTIONS: Corrections = { list: [], alternatives: new Map() };

/**
 * The long words no visible document holds (or, with `all`, every long word), each with the
 * spellings one letter away that visible documents hold. A word still being typed is a prefix,
 * not a typo.
 */
export function findCorrections(vocab: Vocabulary, q: ParsedQuery, all: boolean): Corrections {
  const list: Corrections['list'] = [];
  const alternatives = new Map<string, string[]>();
  q.words.forEach((w, i) => {
    if (q.prefix && i === q.words.length - 1) return;
    if (!correctable(w.folded) || alternatives.has(w.folded)) return;
    if (!all && vocab.has(w.folded)) return;
    const found = vocab.neighbours(w.folded, MAX_ALTERNATIVES);
    if (found.length > 0) {
      list.push({ word: w.folded, alternatives: found });
      alternatives.set(w.folded, found);
    }
  });
  return { list, alternatives };
}

interface Offer {
  word: string;
  replacement: string;
  text: string;
}

/**
 * For words that found nothing: the same words with one of them (three letters or more) changed by
 * one letter so that they stand side by side in a document the caller may see — `ban giao tsi lieu`
 * → `bàn giao tài liệu`. A word no document holds is the likely typo, so only such words are
 * changed when there are any; otherwise any word may be. The spellings are looked for at once (one
 * index query), in numbers, subjects and metadata, then in the texts of the newest documents.
 */
function findOffer(vocab: Vocabulary, index: SearchIndexRepository, hits: SearchHitRepository, q: ParsedQuery): Offer | null {
  if (q.prefix || q.number || q.phrases.length > 0) return null;
  const words = q.words.map((w) => w.folded);
  if (words.length < 2 || words.length > LONG_QUERY) return null;
  const positions = words.map((_, i) => i).filter((i) => offerable(words[i]!));
  const unknown = positions.filter((i) => !vocab.has(words[i]!));
  const candidates: Array<{ i: number; e: string; phrase: string[] }> = [];
  for (const i of unknown.length > 0 ? unknown : positions) {
    for (const e of vocab.neighbours(words[i]!, OFFER_NEIGHBOURS)) candidates.push({ i, e, phrase: words.map((w, j) => (j === i ? e : w)) });
  }
  if (candidates.length === 0) return null;
  const any = vocab.visible(`(${candidates.map((c) => `"${c.phrase.join(' ')}"`).join(' OR ')})`);
  const recent = index.newestKey(OFFER_TEXT_WINDOW);
  const places: Array<{ table: IndexTable; bounds: KeyBounds }> = [
    { table: 'meta', bounds: {} },
    { table: 'main', bounds: recent === null ? {} : { lo: recent } },
  ];
  for (const { table, bounds } of places) {
    let read = 0;
    for (const key of index.keys(any, 'desc', bounds, table)) {
      // The document holds one of the phrases: which one, and spelt how, is read from its text.
      const row = hits.texts([idOfKey(key)], SPELLING_SCAN)[0];
      for (const c of candidates) {
        const text = row ? spellingIn(row.text, c.phrase) : null;
        if (text) return { word: words[c.i]!, replacement: c.e, text };
      }
      if (++read >= 3) break;
    }
  }
  return null;
}

export class QueryResolver {
  private readonly cache = new Map<string, ResolvedQuery>();

  constructor(
    private readonly index: SearchIndexRepository,
    private readonly hits: SearchHitRepository,
    private readonly store: FacetStore,
  ) {}

  /** Call after the facet store caught up (its journal position keys the answers kept). */
  resolve(text: string, typing: boolean, secretsVisible: boolean): ResolvedQuery {
    const key = JSON.stringify([this.store.seq, this.store.maxId, secretsVisible, typing, text]);
    let r = this.cache.get(key);
    if (!r) {
      r = this.compute(text, typing, secretsVisible);
      if (this.cache.size >= 64) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, r);
    }
    return r;
  }

  private compute(text: string, typing: boolean, secretsVisible: boolean): ResolvedQuery {
    let parsed = parseQuery(text, { typing });
    if (isEmptyQuery(parsed)) return { parsed, corrections: NO_CORRECTIONS, offer: null, numberIds: [] };
    const vocab = new Vocabulary(this.index, secretsVisible);
    const last = parsed.words[parsed.words.length - 1];
    if (parsed.tentative && last && !vocab.has(last.folded)) parsed = withoutLastWord(parsed);
    const numberIds = parsed.number ? this.numberIds(parsed, secretsVisible) : [];
    let corrections = findCorrections(vocab, parsed, false);
    let offer: SpellingOffer | null = null;
    const finds = (c: Corrections) => {
      const all = allExpression(parsed, c.alternatives);
      return all !== null && vocab.matches(all.match, all.table);
    };
    if (numberIds.length === 0 && !finds(corrections)) {
      const o = findOffer(vocab, this.index, this.hits, parsed);
      if (o) {
        const alternatives = new Map(corrections.alternatives);
        alternatives.set(o.word, [o.replacement]);
        corrections = { list: [...corrections.list.filter((x) => x.word !== o.word), { word: o.word, alternatives: [o.replacement] }], alternatives };
        offer = { text: o.text, searched: true };
      } else {
        // Nothing at all: allow one typo in every long word, even ones the documents hold.
        const wider = findCorrections(vocab, parsed, true);
        if (wider.list.length > 0) corrections = wider;
      }
    }
    return { parsed, corrections, offer, numberIds };
  }

  /** The documents a number-symbol names, those the caller may see (not removed, secret only when allowed). */
  private numberIds(parsed: ParsedQuery, secretsVisible: boolean): number[] {
    const q = parsed.number!;
    const ids = this.hits.idsByNumberKey(numberKeyVariants(q), q.partial, NUMBER_HITS);
    const s = this.store;
    if (s.documentsLoaded) return ids.filter((id) => s.present[id] === 1 && (secretsVisible || s.security[id] === 0));
    const shown = this.hits.visibleIds(ids, secretsVisible);
    return ids.filter((id) => shown.has(id));
  }
}
