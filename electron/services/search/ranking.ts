import { DOC_ID_BITS, idOfKey } from '../../../shared/search/indexText';
import type { TierExpr } from '../../../shared/search/ftsExpr';
import { holdsPhrase, type PhraseSlots } from '../../../shared/search/phrase';
import { exactTokens, holdsExactly, type ParsedQuery } from '../../../shared/search/parse';
import { fold } from '../../../shared/text/fold';
import type { SearchHitRepository } from '../../data/repositories/searchHits';
import type { IndexTable, KeyBounds, SearchIndexRepository } from '../../data/repositories/searchIndex';
import type { FacetStore } from './facetStore';
import { fullTest, type FilterPlan } from './filters';
import type { Ranked, Tier } from './hits';
import { orderByNumber } from './numberOrder';

/**
 * The order of a search's hits. Relevance is a ladder of tiers, best first — the number-symbol
 * itself; the words side by side in the number, subject or metadata; all of them there; side by
 * side in the text; all of them somewhere — with exact diacritics first inside a tier, then the
 * newest documents first. Each tier is read from the index newest first and reading stops when the
 * page is full, so a query matching most of the archive costs about what a rare one does. FTS5's
 * bm25 is not used: its per-query pass over every match of every term (tens of milliseconds for a
 * common word in 100,000 documents) is what this design avoids (see the benchmark report).
 */

/** A search's words and filters as index expressions and tests. */
export interface Matcher {
  tiers: TierExpr[];
  /** A pasted subject's words, folded, each with its corrected spellings: checked on subjects in memory. */
  longPhrase: PhraseSlots | null;
  all: string;
  /** The index the `all` expression reads (metadata only while a short word is being typed). */
  allTable: IndexTable;
  bounds: KeyBounds;
  /** Filters left for memory, or null. */
  memory: ((id: number) => boolean) | null;
  /** Names `memory` (see `FilterPlan.memoryKey`). */
  memoryKey: string;
}

/** The sort and the page a search asks for. */
export interface PageRequest {
  sort: 'relevance' | 'date_desc' | 'date_asc' | 'number';
}

/**
 * Hits are ordered inside tiers (exact spellings, subject coverage) in fixed blocks of this many,
 * so a document lands on the same page whatever page is asked for.
 */
const REFINE_BLOCK = 40;

export function poolFor(need: number): number {
  return Math.ceil(need / REFINE_BLOCK) * REFINE_BLOCK;
}
/** Characters of each pooled text checked for exact spellings. */
const EXACT_SCAN = 60_000;
/** Newest matches among which the words side by side in the text are looked for. */
const PHRASE_WINDOW = 2_000;
/** Documents holding a pasted subject's telling words whose subjects are read. */
const LONG_POOL = 1_000;
/**
 * With at most this many matches in all (counted exactly), a pasted subject's tier is read oldest
 * first to the end: cheaper than newest first, since the scan would reach the end anyway or nearly.
 */
const FEW_MATCHES = 4 * LONG_POOL;

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

export class Ranker {
  constructor(
    private readonly index: SearchIndexRepository,
    private readonly hits: SearchHitRepository,
    private readonly store: FacetStore,
  ) {}

  keyOf(id: number): number {
    return this.store.day[id]! * DOC_ID_BITS + id;
  }

  /** Ids passing every filter, newest first — or null when there are more than `max`. */
  candidates(plan: FilterPlan, max: number): number[] | null {
    const test = fullTest(plan);
    const out: number[] = [];
    const s = this.store;
    for (let id = 1; id <= s.maxId; id++) {
      if (test(id)) {
        out.push(id);
        if (out.length > max) return null;
      }
    }
    return out.sort((a, b) => this.keyOf(b) - this.keyOf(a));
  }

  rankCandidates(m: Matcher, parsed: ParsedQuery, input: PageRequest, need: number, numberIds: number[], candidates: number[]): { ranked: Ranked[]; total: number } {
    const index = this.index;
    const inNumber = new Set(numberIds);
    const keys = candidates.filter((id) => !inNumber.has(id)).map((id) => this.keyOf(id));
    const hit = index.matchingAmong(m.all, keys, m.allTable);
    const matched = keys.filter((k) => hit.has(k)).map(idOfKey);
    // Number matches passed every filter already (they are tested before they get here).
    const total = matched.length + numberIds.length;
    const head: Ranked[] = numberIds.map((id) => ({ id, tier: 'number' }));
    let rest: Ranked[];
    if (input.sort === 'relevance') {
      // Tiers of the newest matches only, as many as a page (and its refining block) needs.
      const order: Tier[] = m.tiers.map((t) => t.tier);
      const pool = matched.slice(0, poolFor(need)).map((id) => this.keyOf(id));
      const tierOf = new Map<number, Tier>();
      for (const t of m.tiers) {
        if (t.tier === 'all') continue;
        for (const k of index.matchingAmong(t.match, pool.filter((x) => !tierOf.has(x)), t.table)) tierOf.set(k, t.tier);
      }
      rest = matched.map((id) => ({ id, tier: tierOf.get(this.keyOf(id)) ?? ('all' as Tier) }));
      rest.sort((a, b) => order.indexOf(a.tier) - order.indexOf(b.tier));
    } else if (input.sort === 'number') {
      rest = orderByNumber(this.store, matched).map((id) => ({ id, tier: 'all' as Tier }));
    } else {
      const list = input.sort === 'date_asc' ? this.ascendingDated(matched) : matched;
      rest = list.map((id) => ({ id, tier: 'all' as Tier }));
    }
    let ranked = [...head, ...rest];
    if (input.sort === 'relevance') ranked = this.refine(parsed, ranked.slice(0, poolFor(need)));
    return { ranked, total };
  }

  /** Oldest first, undated last. */
  ascendingDated(ids: number[]): number[] {
    const dated = ids.filter((id) => this.store.day[id]! > 0).reverse();
    return [...dated, ...ids.filter((id) => this.store.day[id] === 0)];
  }

  /**
   * A pasted subject: the documents whose number, subject or metadata hold its telling words (a
   * few hundred at most), with those whose subject holds the whole phrase first.
   */
  private subjectsHoldingPhrase(m: Matcher, t: TierExpr, phrase: PhraseSlots, seen: Set<number>, fewMatches: boolean): Ranked[] {
    const wanted = (id: number) => !seen.has(id) && (!m.memory || m.memory(id));
    const ids = fewMatches ? this.newestByAscending(t, m.bounds, wanted) : [];
    if (!fewMatches) {
      for (const key of this.index.keys(t.match, 'desc', m.bounds, t.table)) {
        const id = idOfKey(key);
        if (!wanted(id)) continue;
        ids.push(id);
        if (ids.length >= LONG_POOL) break;
      }
    }
    const holds = new Set<number>();
    // Spelled as typed, the phrase is one string to look for; a corrected word is matched word by word.
    const plain = phrase.every((slot) => slot.length === 1) ? ` ${phrase.map((slot) => slot[0]).join(' ')} ` : null;
    for (const row of this.hits.subjects(ids)) {
      const tokens = fold(`${row.subject ?? ''} ${row.number_symbol ?? ''}`).split(/[^a-z0-9]+/);
      if (plain !== null ? ` ${tokens.join(' ')} `.includes(plain) : holdsPhrase(tokens, phrase)) holds.add(row.id);
    }
    for (const id of ids) seen.add(id);
    return [...ids.filter((id) => holds.has(id)).map((id) => ({ id, tier: 'metaPhrase' as Tier })), ...ids.filter((id) => !holds.has(id)).map((id) => ({ id, tier: 'metaAll' as Tier }))];
  }

  /**
   * The newest {@link LONG_POOL} wanted matches of a tier, newest first, read oldest first: when
   * the matches are few, the scan reads every one of them either way, and FTS5 reads a doclist
   * forwards at about two thirds of the cost of reading it backwards.
   */
  private newestByAscending(t: TierExpr, bounds: KeyBounds, wanted: (id: number) => boolean): number[] {
    const ring = new Array<number>(LONG_POOL);
    let n = 0;
    for (const key of this.index.keys(t.match, 'asc', bounds, t.table)) {
      const id = idOfKey(key);
      if (wanted(id)) ring[n++ % LONG_POOL] = id;
    }
    const out: number[] = [];
    for (let i = n - 1; i >= Math.max(0, n - LONG_POOL); i--) out.push(ring[i % LONG_POOL]!);
    return out;
  }

  /**
   * `matches`: the count of the whole query (its last tier); each tier above holds at most as many
   * (more words, or the same words in fewer columns).
   */
  rankTiers(m: Matcher, numberIds: number[], need: number, matches?: { total: number; exact: boolean }): Ranked[] {
    const out: Ranked[] = numberIds.map((id) => ({ id, tier: 'number' }));
    const seen = new Set(numberIds);
    const test = m.memory;
    // The words side by side in the text are looked for among the newest matches only: a long
    // phrase found in none of 30,000 documents would otherwise cost a pass over all of them.
    const windowLo = m.tiers.some((t) => t.tier === 'phrase') ? this.index.nthKey(m.all, PHRASE_WINDOW, m.bounds, m.allTable) : null;
    for (const t of m.tiers) {
      if (out.length >= need) break;
      if (m.longPhrase && t.tier === 'metaAll') {
        const few = matches !== undefined && matches.exact && matches.total <= FEW_MATCHES;
        out.push(...this.subjectsHoldingPhrase(m, t, m.longPhrase, seen, few).slice(0, need - out.length));
        continue;
      }
      const bounds = t.tier === 'phrase' && windowLo !== null ? { ...m.bounds, lo: Math.max(m.bounds.lo ?? 0, windowLo) } : m.bounds;
      for (const key of this.index.keys(t.match, 'desc', bounds, t.table)) {
        const id = idOfKey(key);
        if (seen.has(id) || (test && !test(id))) continue;
        seen.add(id);
        out.push({ id, tier: t.tier });
        if (out.length >= need) break;
      }
    }
    return out;
  }

  rankByDate(m: Matcher, numberIds: number[], order: 'asc' | 'desc', need: number): Ranked[] {
    const out: Ranked[] = [];
    const test = m.memory;
    const index = this.index;
    const extra = new Set(numberIds);
    const take = (bounds: KeyBounds) => {
      for (const key of index.keys(m.all, order, bounds, m.allTable)) {
        const id = idOfKey(key);
        extra.delete(id);
        if (test && !test(id)) continue;
        out.push({ id, tier: 'all' });
        if (out.length >= need) break;
      }
    };
    if (order === 'desc') take(m.bounds);
    else {
      // Oldest dated first, then the undated (whose keys sort lowest).
      take({ ...m.bounds, lo: Math.max(m.bounds.lo ?? 0, DOC_ID_BITS) });
      if (out.length < need && (m.bounds.lo ?? 0) < DOC_ID_BITS) take({ ...m.bounds, hi: DOC_ID_BITS - 1 });
    }
    // Number matches the words did not find (other spellings of the number) go first.
    return [...[...extra].map((id) => ({ id, tier: 'number' as Tier })), ...out];
  }

  /**
   * Every match (and the number matches) in number order, as far as the page needs: only the
   * first `need` are sorted (see `orderByNumber`). The total is the matches read, exactly.
   */
  rankByNumber(m: Matcher, numberIds: number[], need: number): { ranked: Ranked[]; total: number; exact: boolean } {
    const test = m.memory;
    const extra = new Set(numberIds);
    const ids: number[] = [];
    for (const key of this.index.allKeys(m.all, m.bounds, m.allTable)) {
      const id = idOfKey(key);
      if (test && !test(id)) continue;
      ids.push(id);
      extra.delete(id);
    }
    for (const id of extra) ids.push(id);
    const ranked = orderByNumber(this.store, ids, need).map((id) => ({ id, tier: 'all' as Tier }));
    return { ranked, total: ids.length, exact: true };
  }

  /**
   * Orders a page's pool inside each tier: documents spelling the typed words exactly as typed
   * first; then, in the number/subject tiers, those whose subject the words cover most (the
   * subject *is* the phrase rather than merely containing it); then newest first.
   */
  refine(parsed: ParsedQuery, ranked: Ranked[]): Ranked[] {
    // Exact spellings are checked in the pool's own texts: a few hundred kilobytes, against an
    // index scan over the whole key range the pool spans.
    const tokens = exactTokens(parsed);
    if (tokens.length > 0) {
      const exact = new Set(this.hits.texts(ranked.map((r) => r.id), EXACT_SCAN).filter((t) => holdsExactly(t.text, tokens)).map((t) => t.id));
      for (const r of ranked) r.exact = exact.has(r.id);
    }
    const words = parsed.words.length + parsed.phrases.reduce((n, p) => n + p.length, 0);
    const coverage = new Map<number, number>();
    const metaIds = ranked.filter((r) => r.tier === 'metaPhrase' || r.tier === 'metaAll').map((r) => r.id);
    for (const row of this.hits.subjects(metaIds)) {
      const length = wordCount(`${row.subject ?? ''} ${row.number_symbol ?? ''}`);
      coverage.set(row.id, length > 0 ? Math.round((Math.min(words, length) / length) * 10) / 10 : 0);
    }
    const order = ['number', 'metaPhrase', 'metaAll', 'phrase', 'all', 'browse'];
    const out: Ranked[] = [];
    for (let b = 0; b < ranked.length; b += REFINE_BLOCK) {
      const block = ranked
        .slice(b, b + REFINE_BLOCK)
        .map((r, i) => ({ r, i, c: coverage.get(r.id) ?? 0 }))
        .sort((x, y) => order.indexOf(x.r.tier) - order.indexOf(y.r.tier) || Number(y.r.exact ?? false) - Number(x.r.exact ?? false) || y.c - x.c || x.i - y.i);
      for (const x of block) out.push(x.r);
    }
    return out;
  }

}
