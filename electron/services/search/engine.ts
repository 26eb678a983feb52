import type { z } from 'zod';
import type { searchQuery } from '../../../shared/contract/schemas';
import type { SearchResult } from '../../../shared/contract/types';
import { allExpression, isLongQuery, termExpression, tierExpressions, withFlags, type Alternatives, type TierExpr } from '../../../shared/search/ftsExpr';
import { DOC_ID_BITS, idOfKey } from '../../../shared/search/indexText';
import { fold } from '../../../shared/text/fold';
import { numberKeyVariants } from '../../../shared/search/numberQuery';
import { holdsPhrase, phraseSlots, type PhraseSlots } from '../../../shared/search/phrase';
import { STOPWORDS, exactTokens, holdsExactly, isEmptyQuery, parseQuery, withoutLastWord, type ParsedQuery } from '../../../shared/search/parse';
import type { Repositories } from '../../data/repositories';
import type { IndexTable, KeyBounds } from '../../data/repositories/searchIndex';
import { FacetStore } from './facetStore';
import { flagGroups, fullTest, hasFilters, memoryTest, planFilters, type FilterPlan } from './filters';
import { buildHits, type Ranked, type Tier } from './hits';
import type { SnippetOptions } from '../../../shared/text/snippet';
import { findCorrections } from './corrections';
import { orderByNumber } from './numberOrder';
import { MatchCounter } from './counting';

type QueryInput = z.output<typeof searchQuery>;
/** The query with its optional parts settled. */
export type SearchInput = QueryInput & Required<Pick<QueryInput, 'sort' | 'typing' | 'facets' | 'exactTotal'>>;

/**
 * The words a snippet marks: a pasted subject would light up every `và` and `số`, so function
 * words are left out (unless nothing else was typed) and at most a dozen, the longest, are kept.
 */
function snippetTerms(terms: string[]): string[] {
  const telling = terms.filter((t) => !STOPWORDS.has(t));
  const kept = telling.length > 0 ? telling : terms;
  return kept.length <= 12 ? kept : [...kept].sort((a, b) => b.length - a.length).slice(0, 12);
}

/** How snippets mark the words: the one being typed as a prefix, the others in the spelling typed. */
function snippetOptions(parsed: ParsedQuery, corrected: ReadonlySet<string>): SnippetOptions {
  const words = [...parsed.words, ...parsed.phrases.flat()];
  const last = parsed.prefix ? parsed.words[parsed.words.length - 1]?.folded : undefined;
  const exact = new Map<string, string>();
  for (const w of words) if (w.exact && !corrected.has(w.folded) && w.folded !== last) exact.set(w.folded, w.exact);
  return { prefixes: last ? [last] : [], exact };
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/**
 * Runs searches over the full-text index and the in-memory facet columns.
 *
 * Relevance is a ladder of tiers, best first — the number-symbol itself; the words side by side
 * in the number, subject or metadata; all of them there; side by side in the text; all of them
 * somewhere — with exact diacritics first inside a tier, then the newest documents first. Each
 * tier is read from the index newest first and reading stops when the page is full, so a query
 * matching most of the archive costs about what a rare one does. FTS5's bm25 is not used: its
 * per-query pass over every match of every term (tens of milliseconds for a common word in 100,000
 * documents) is what this design avoids; the measured figures are in the benchmark report.
 */

/** Below this many candidates, filters held in memory are applied first and the index checked per document. */
const CANDIDATES_FIRST = 3_000;
/**
 * Hits are ordered inside tiers (exact spellings, subject coverage) in fixed blocks of this many,
 * so a document lands on the same page whatever page is asked for.
 */
const REFINE_BLOCK = 40;

function poolFor(need: number): number {
  return Math.ceil(need / REFINE_BLOCK) * REFINE_BLOCK;
}
const NUMBER_HITS = 200;
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


/** A browse with at most this many documents is ordered in memory. */
const BROWSE_IN_MEMORY = 5_000;

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

export class SearchEngine {
  readonly store: FacetStore;
  private readonly counter: MatchCounter;

  constructor(private readonly repos: Repositories) {
    this.store = new FacetStore(repos.searchCatalogue);
    this.counter = new MatchCounter(repos.searchIndex, this.store);
  }

  query(request: QueryInput, secretsVisible: boolean): SearchResult {
    const started = performance.now();
    const input: SearchInput = { ...request, sort: request.sort ?? 'relevance', typing: request.typing ?? false, facets: request.facets ?? false, exactTotal: request.exactTotal ?? false };
    const parsed = parseQuery(input.text, { typing: input.typing });
    // The documents' columns are loaded only when filters, browsing or number order need them.
    if (isEmptyQuery(parsed) || hasFilters(input.filters) || input.sort === 'number') this.store.ensureDocuments();
    else this.store.sync();
    const plan = planFilters(input.filters, this.store, secretsVisible);
    const need = input.offset + input.limit;
    let result: SearchResult;
    if (isEmptyQuery(parsed)) {
      result = this.browse(plan, input, need);
    } else {
      result = this.textQuery(parsed, plan, input, need);
    }
    result.sort = input.sort;
    result.tookMs = Math.round((performance.now() - started) * 10) / 10;
    return result;
  }

  /**
   * Every document the request finds — the words (with the same spelling corrections) and the
   * filters, visible to the caller — in id order: what "select all that match" acts on. Exact
   * however many there are (the page's `total` may be an estimate; this never is).
   */
  matchingIds(request: Pick<QueryInput, 'text' | 'filters' | 'typing'>, secretsVisible: boolean): number[] {
    const parsed = parseQuery(request.text, { typing: request.typing ?? false });
    this.store.ensureDocuments();
    const plan = planFilters(request.filters, this.store, secretsVisible);
    const visible = fullTest(plan);
    const out: number[] = [];
    if (isEmptyQuery(parsed)) {
      for (let id = 1; id <= this.store.maxId; id++) if (visible(id)) out.push(id);
      return out;
    }
    const index = this.repos.searchIndex;
    const lastWord = parsed.words[parsed.words.length - 1];
    const query = parsed.tentative && lastWord && !index.termExists(termExpression(lastWord.folded)) ? withoutLastWord(parsed) : parsed;
    const numberIds = query.number ? this.numberMatches(query, visible, plan.excludedFlags.length === 0) : [];
    const collect = (m: Matcher | null): Set<number> => {
      const ids = new Set<number>();
      if (!m) return ids;
      for (const key of index.allKeys(m.all, m.bounds, m.allTable)) {
        const id = idOfKey(key);
        if (visible(id)) ids.add(id);
      }
      return ids;
    };
    let ids = collect(this.matcher(query, plan, findCorrections(index, query, false).alternatives));
    if (ids.size === 0 && numberIds.length === 0) {
      // As `textQuery`: nothing at all, so one typo is allowed in every long word.
      const wider = findCorrections(index, query, true);
      if (wider.list.length > 0) ids = collect(this.matcher(query, plan, wider.alternatives));
    }
    for (const id of numberIds) ids.add(id);
    return [...ids].sort((a, b) => a - b);
  }

  private matcher(parsed: ParsedQuery, plan: FilterPlan, alts: Alternatives | undefined): Matcher | null {
    const tiers = tierExpressions(parsed, alts);
    const all = allExpression(parsed, alts);
    if (!all) return null;
    const groups = flagGroups(plan);
    return {
      // The word still being typed is not yet a word: the phrase checked on subjects is the words before it.
      longPhrase: isLongQuery(parsed) ? phraseSlots(parsed.prefix ? parsed.words.slice(0, -1) : parsed.words, alts) : null,
      tiers: tiers.map((t) => ({ ...t, match: withFlags(t.match, groups, plan.excludedFlags) })),
      all: withFlags(all.match, groups, plan.excludedFlags),
      allTable: all.table,
      bounds: plan.bounds,
      memory: memoryTest(plan),
      memoryKey: plan.memoryKey,
    };
  }

  private textQuery(query: ParsedQuery, plan: FilterPlan, input: SearchInput, need: number): SearchResult {
    const index = this.repos.searchIndex;
    const lastWord = query.words[query.words.length - 1];
    const parsed = query.tentative && lastWord && !index.termExists(termExpression(lastWord.folded)) ? withoutLastWord(query) : query;
    const visible = fullTest(plan);
    // Typed words the index has never seen are searched by their spellings one letter away.
    let corrections = findCorrections(index, parsed, false);
    let m = this.matcher(parsed, plan, corrections.alternatives);
    if (!m) return { total: 0, hits: [] };
    const numberIds = parsed.number ? this.numberMatches(parsed, visible, plan.excludedFlags.length === 0) : [];
    let page = this.rankAndCount(m, parsed, input, need, numberIds, plan);
    if (page.total === 0 && numberIds.length === 0) {
      // Nothing at all: allow one typo in every long word, even ones the index knows.
      const wider = findCorrections(index, parsed, true);
      if (wider.list.length > 0) {
        corrections = wider;
        m = this.matcher(parsed, plan, wider.alternatives)!;
        page = this.rankAndCount(m, parsed, input, need, numberIds, plan);
      }
    }
    const correctedWords = new Set(corrections.list.map((c) => c.word));
    const terms = snippetTerms([...parsed.terms, ...corrections.list.flatMap((c) => c.alternatives)]);
    const slice = page.ranked.slice(input.offset, need).map((r) => ({ ...r, corrected: r.tier !== 'number' && correctedWords.size > 0 }));
    const direct = parsed.number && !parsed.number.partial && numberIds.length === 1 ? numberIds[0]! : null;
    return {
      total: page.total,
      totalExact: page.exact !== false,
      hits: buildHits(this.repos.searchCatalogue, this.store, slice, terms, snippetOptions(parsed, correctedWords)),
      direct,
      corrections: corrections.list,
      terms,
    };
  }

  /** Documents whose number-symbol is the one typed (any spelling), newest first. */
  private numberMatches(parsed: ParsedQuery, visible: (id: number) => boolean, secretsVisible: boolean): number[] {
    const q = parsed.number!;
    const ids = this.repos.searchCatalogue.idsByNumberKey(numberKeyVariants(q), q.partial, NUMBER_HITS);
    if (this.store.documentsLoaded) return ids.filter(visible);
    // No filters (or the columns would be loaded): removal and secrecy are read from the rows.
    const shown = this.repos.searchCatalogue.visibleIds(ids, secretsVisible);
    return ids.filter((id) => shown.has(id));
  }

  private rankAndCount(m: Matcher, parsed: ParsedQuery, input: SearchInput, need: number, numberIds: number[], plan: FilterPlan): { ranked: Ranked[]; total: number; exact?: boolean } {
    // Few documents pass the filters held in memory: check those against the index one by one.
    if (m.memory) {
      const candidates = this.candidates(plan, CANDIDATES_FIRST);
      if (candidates) return this.rankCandidates(m, parsed, input, need, numberIds, candidates);
    }
    // Number order reads every match anyway: their count is exact and free.
    if (input.sort === 'number') return this.rankByNumber(m, numberIds, need);
    const counted = this.counter.count(m, input.exactTotal);
    // Number matches the words did not find (`1-KL/TU` typed, `01-KL/TU` stored) count too.
    const total = counted.total + this.numbersMissedByWords(parsed, numberIds);
    const pool = input.sort === 'relevance' ? poolFor(need) : need;
    let ranked: Ranked[];
    if (input.sort === 'relevance') ranked = this.rankTiers(m, numberIds, pool, counted);
    else ranked = this.rankByDate(m, numberIds, input.sort === 'date_asc' ? 'asc' : 'desc', need);
    if (input.sort === 'relevance') ranked = this.refine(parsed, ranked);
    return { ranked, total, exact: counted.exact };
  }

  /**
   * Number matches whose own number-symbol does not hold every typed word: the words' count left
   * them out (a leading zero written differently), so they are added to it.
   */
  private numbersMissedByWords(parsed: ParsedQuery, numberIds: number[]): number {
    if (numberIds.length === 0) return 0;
    const words = parsed.words.map((w) => w.folded);
    let missed = 0;
    for (const row of this.repos.searchCatalogue.subjects(numberIds)) {
      const tokens = new Set(fold(row.number_symbol ?? '').split(/[^a-z0-9]+/));
      if (!words.every((w) => tokens.has(w))) missed++;
    }
    return missed;
  }

  private keyOf(id: number): number {
    return this.store.day[id]! * DOC_ID_BITS + id;
  }

  /** Ids passing every filter, newest first — or null when there are more than `max`. */
  private candidates(plan: FilterPlan, max: number): number[] | null {
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

  private rankCandidates(m: Matcher, parsed: ParsedQuery, input: SearchInput, need: number, numberIds: number[], candidates: number[]): { ranked: Ranked[]; total: number } {
    const index = this.repos.searchIndex;
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
  private ascendingDated(ids: number[]): number[] {
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
      for (const key of this.repos.searchIndex.keys(t.match, 'desc', m.bounds, t.table)) {
        const id = idOfKey(key);
        if (!wanted(id)) continue;
        ids.push(id);
        if (ids.length >= LONG_POOL) break;
      }
    }
    const holds = new Set<number>();
    // Spelled as typed, the phrase is one string to look for; a corrected word is matched word by word.
    const plain = phrase.every((slot) => slot.length === 1) ? ` ${phrase.map((slot) => slot[0]).join(' ')} ` : null;
    for (const row of this.repos.searchCatalogue.subjects(ids)) {
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
    for (const key of this.repos.searchIndex.keys(t.match, 'asc', bounds, t.table)) {
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
  private rankTiers(m: Matcher, numberIds: number[], need: number, matches?: { total: number; exact: boolean }): Ranked[] {
    const out: Ranked[] = numberIds.map((id) => ({ id, tier: 'number' }));
    const seen = new Set(numberIds);
    const test = m.memory;
    // The words side by side in the text are looked for among the newest matches only: a long
    // phrase found in none of 30,000 documents would otherwise cost a pass over all of them.
    const windowLo = m.tiers.some((t) => t.tier === 'phrase') ? this.repos.searchIndex.nthKey(m.all, PHRASE_WINDOW, m.bounds, m.allTable) : null;
    for (const t of m.tiers) {
      if (out.length >= need) break;
      if (m.longPhrase && t.tier === 'metaAll') {
        const few = matches !== undefined && matches.exact && matches.total <= FEW_MATCHES;
        out.push(...this.subjectsHoldingPhrase(m, t, m.longPhrase, seen, few).slice(0, need - out.length));
        continue;
      }
      const bounds = t.tier === 'phrase' && windowLo !== null ? { ...m.bounds, lo: Math.max(m.bounds.lo ?? 0, windowLo) } : m.bounds;
      for (const key of this.repos.searchIndex.keys(t.match, 'desc', bounds, t.table)) {
        const id = idOfKey(key);
        if (seen.has(id) || (test && !test(id))) continue;
        seen.add(id);
        out.push({ id, tier: t.tier });
        if (out.length >= need) break;
      }
    }
    return out;
  }

  private rankByDate(m: Matcher, numberIds: number[], order: 'asc' | 'desc', need: number): Ranked[] {
    const out: Ranked[] = [];
    const test = m.memory;
    const index = this.repos.searchIndex;
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
  private rankByNumber(m: Matcher, numberIds: number[], need: number): { ranked: Ranked[]; total: number; exact: boolean } {
    const test = m.memory;
    const extra = new Set(numberIds);
    const ids: number[] = [];
    for (const key of this.repos.searchIndex.allKeys(m.all, m.bounds, m.allTable)) {
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
  private refine(parsed: ParsedQuery, ranked: Ranked[]): Ranked[] {
    // Exact spellings are checked in the pool's own texts: a few hundred kilobytes, against an
    // index scan over the whole key range the pool spans.
    const tokens = exactTokens(parsed);
    if (tokens.length > 0) {
      const exact = new Set(this.repos.searchCatalogue.texts(ranked.map((r) => r.id), EXACT_SCAN).filter((t) => holdsExactly(t.text, tokens)).map((t) => t.id));
      for (const r of ranked) r.exact = exact.has(r.id);
    }
    const words = parsed.words.length + parsed.phrases.reduce((n, p) => n + p.length, 0);
    const coverage = new Map<number, number>();
    const metaIds = ranked.filter((r) => r.tier === 'metaPhrase' || r.tier === 'metaAll').map((r) => r.id);
    for (const row of this.repos.searchCatalogue.subjects(metaIds)) {
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

  /** No words: the filtered documents, in the chosen order. */
  private browse(plan: FilterPlan, input: SearchInput, need: number): SearchResult {
    const test = fullTest(plan);
    const s = this.store;
    // One pass counts them, and keeps them when they are few: a narrow filter is then ordered in
    // memory instead of walking the whole date index for a handful of documents.
    const few: number[] = [];
    let total = 0;
    for (let id = 1; id <= s.maxId; id++) {
      if (!test(id)) continue;
      total++;
      if (total <= BROWSE_IN_MEMORY) few.push(id);
    }
    let ids: number[] = [];
    if (input.sort === 'number') {
      const all = total <= BROWSE_IN_MEMORY ? few : [];
      if (total > BROWSE_IN_MEMORY) for (let id = 1; id <= s.maxId; id++) if (test(id)) all.push(id);
      ids = orderByNumber(s, all, need);
    } else if (total <= BROWSE_IN_MEMORY) {
      const desc = few.sort((a, b) => this.keyOf(b) - this.keyOf(a));
      ids = input.sort === 'date_asc' ? this.ascendingDated(desc) : desc;
    } else {
      for (const id of this.repos.searchCatalogue.idsByDate(input.sort === 'date_asc' ? 'asc' : 'desc')) {
        if (!test(id)) continue;
        ids.push(id);
        if (ids.length >= need) break;
      }
    }
    const ranked = ids.slice(input.offset, need).map((id) => ({ id, tier: 'browse' as Tier }));
    return { total, hits: buildHits(this.repos.searchCatalogue, s, ranked, []), direct: null, corrections: [], terms: [] };
  }
}
