import type { z } from 'zod';
import type { searchQuery } from '../../../shared/contract/schemas';
import type { SearchResult } from '../../../shared/contract/types';
import { allExpression, isLongQuery, tierExpressions, withFlags, type Alternatives } from '../../../shared/search/ftsExpr';
import { idOfKey } from '../../../shared/search/indexText';
import { fold } from '../../../shared/text/fold';
import { phraseSlots } from '../../../shared/search/phrase';
import { STOPWORDS, isEmptyQuery, parseQuery, type ParsedQuery } from '../../../shared/search/parse';
import type { SearchHitRepository } from '../../data/repositories/searchHits';
import type { SearchIndexRepository } from '../../data/repositories/searchIndex';
import type { FacetStore } from './facetStore';
import { flagGroups, fullTest, hasFilters, memoryTest, planFilters, type FilterPlan } from './filters';
import { buildHits, type Ranked, type Tier } from './hits';
import type { SnippetOptions } from '../../../shared/text/snippet';
import { orderByNumber } from './numberOrder';
import { MatchCounter } from './counting';
import { Ranker, poolFor, type Matcher } from './ranking';
import type { QueryResolver, ResolvedQuery } from './resolve';

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

/**
 * Runs searches over the full-text index and the in-memory facet columns: the words resolved once
 * (see `resolve.ts`), the filters planned (`filters.ts`), the hits ordered (`ranking.ts`) and counted
 * (`counting.ts`).
 */

/** Below this many candidates, filters held in memory are applied first and the index checked per document. */
const CANDIDATES_FIRST = 3_000;

/** A browse with at most this many documents is ordered in memory. */
const BROWSE_IN_MEMORY = 5_000;

export class SearchEngine {
  private readonly counter: MatchCounter;
  private readonly ranker: Ranker;

  constructor(
    private readonly index: SearchIndexRepository,
    private readonly hits: SearchHitRepository,
    readonly store: FacetStore,
    private readonly resolver: QueryResolver,
  ) {
    this.counter = new MatchCounter(index, store);
    this.ranker = new Ranker(index, hits, store);
  }

  query(request: QueryInput, secretsVisible: boolean): SearchResult {
    const started = performance.now();
    const input: SearchInput = { ...request, sort: request.sort ?? 'relevance', typing: request.typing ?? false, facets: request.facets ?? false, exactTotal: request.exactTotal ?? false };
    const { parsed } = this.prepare(input.text, input.filters, input.sort === 'number');
    const plan = planFilters(input.filters, this.store, secretsVisible);
    const need = input.offset + input.limit;
    let result: SearchResult;
    if (isEmptyQuery(parsed)) {
      result = this.browse(plan, input, need);
    } else {
      result = this.textQuery(this.resolver.resolve(input.text, input.typing, secretsVisible), plan, input, need);
    }
    result.sort = input.sort;
    result.tookMs = Math.round((performance.now() - started) * 10) / 10;
    return result;
  }

  /**
   * Catches the facet columns up (loading the documents' own when filters, browsing or number order
   * need them: a plain text search does not, so the first answer after opening does not wait).
   */
  private prepare(text: string, filters: SearchInput['filters'], byNumber: boolean): { parsed: ParsedQuery } {
    const parsed = parseQuery(text);
    if (isEmptyQuery(parsed) || hasFilters(filters) || byNumber) this.store.ensureDocuments();
    else this.store.sync();
    return { parsed };
  }

  /**
   * Every document matching the words — filters not applied, visibility applied — for the facet
   * counts (which apply the filters themselves, one facet at a time); null when there are no words
   * (every document the caller may see).
   */
  wordMatches(text: string, typing: boolean, secretsVisible: boolean, excludedFlags: readonly string[]): number[] | null {
    this.store.ensureDocuments();
    const resolved = this.resolver.resolve(text, typing, secretsVisible);
    if (isEmptyQuery(resolved.parsed)) return null;
    const all = allExpression(resolved.parsed, resolved.corrections.alternatives);
    const ids = all ? this.index.allKeys(withFlags(all.match, [], excludedFlags), {}, all.table).map(idOfKey) : [];
    if (resolved.numberIds.length === 0) return ids;
    const seen = new Set(ids);
    for (const id of resolved.numberIds) if (!seen.has(id)) ids.push(id);
    return ids;
  }

  /**
   * Every document a search finds — its words and every filter, under the caller's visibility — in
   * id order: what "select all that match" acts on. The same resolution as the hits, so the count is
   * the total the search showed (exactly).
   */
  matchingIds(request: { text: string; filters: SearchInput['filters']; typing?: boolean }, secretsVisible: boolean): number[] {
    this.store.ensureDocuments();
    const plan = planFilters(request.filters, this.store, secretsVisible);
    const test = fullTest(plan);
    const resolved = this.resolver.resolve(request.text, request.typing ?? false, secretsVisible);
    const out: number[] = [];
    if (isEmptyQuery(resolved.parsed)) {
      for (let id = 1; id <= this.store.maxId; id++) if (test(id)) out.push(id);
      return out;
    }
    const m = this.matcher(resolved.parsed, plan, resolved.corrections.alternatives);
    const found = new Set<number>();
    if (m) {
      for (const key of this.index.allKeys(m.all, m.bounds, m.allTable)) {
        const id = idOfKey(key);
        if (!m.memory || m.memory(id)) found.add(id);
      }
    }
    for (const id of resolved.numberIds) if (test(id)) found.add(id);
    return [...found].sort((a, b) => a - b);
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

  private textQuery(resolved: ResolvedQuery, plan: FilterPlan, input: SearchInput, need: number): SearchResult {
    const { parsed, corrections } = resolved;
    const m = this.matcher(parsed, plan, corrections.alternatives);
    if (!m) return { total: 0, hits: [] };
    // Number matches were settled for the caller's visibility; the filters are applied here.
    const numberIds = plan.groups.length > 0 ? resolved.numberIds.filter(fullTest(plan)) : resolved.numberIds;
    const page = this.rankAndCount(m, parsed, input, need, numberIds, plan);
    const correctedWords = new Set(corrections.list.map((c) => c.word));
    const terms = snippetTerms([...parsed.terms, ...corrections.list.flatMap((c) => c.alternatives)]);
    const slice = page.ranked.slice(input.offset, need).map((r) => ({ ...r, corrected: r.tier !== 'number' && correctedWords.size > 0 }));
    const direct = parsed.number && !parsed.number.partial && numberIds.length === 1 ? numberIds[0]! : null;
    return {
      total: page.total,
      totalExact: page.exact !== false,
      hits: buildHits(this.hits, this.store, slice, terms, snippetOptions(parsed, correctedWords)),
      direct,
      corrections: corrections.list,
      didYouMean: resolved.offer,
      terms,
    };
  }

  private rankAndCount(m: Matcher, parsed: ParsedQuery, input: SearchInput, need: number, numberIds: number[], plan: FilterPlan): { ranked: Ranked[]; total: number; exact?: boolean } {
    // Few documents pass the filters held in memory: check those against the index one by one.
    if (m.memory) {
      const candidates = this.ranker.candidates(plan, CANDIDATES_FIRST);
      if (candidates) return this.ranker.rankCandidates(m, parsed, input, need, numberIds, candidates);
    }
    // Number order reads every match anyway: their count is exact and free.
    if (input.sort === 'number') return this.ranker.rankByNumber(m, numberIds, need);
    const counted = this.counter.count(m, input.exactTotal);
    // Number matches the words did not find (`1-KL/TU` typed, `01-KL/TU` stored) count too.
    const total = counted.total + (counted.exact ? this.numbersOutside(m, numberIds) : this.numbersMissedByWords(parsed, numberIds));
    const pool = input.sort === 'relevance' ? poolFor(need) : need;
    let ranked: Ranked[];
    if (input.sort === 'relevance') ranked = this.ranker.rankTiers(m, numberIds, pool, counted);
    else ranked = this.ranker.rankByDate(m, numberIds, input.sort === 'date_asc' ? 'asc' : 'desc', need);
    if (input.sort === 'relevance') ranked = this.ranker.refine(parsed, ranked);
    return { ranked, total, exact: counted.exact };
  }

  /**
   * Number matches whose own number-symbol does not hold every typed word: the words' count left
   * them out (a leading zero written differently), so they are added to the estimate.
   */
  private numbersMissedByWords(parsed: ParsedQuery, numberIds: number[]): number {
    if (numberIds.length === 0) return 0;
    const words = parsed.words.map((w) => w.folded);
    let missed = 0;
    for (const row of this.hits.subjects(numberIds)) {
      const tokens = new Set(fold(row.number_symbol ?? '').split(/[^a-z0-9]+/));
      if (!words.every((w) => tokens.has(w))) missed++;
    }
    return missed;
  }

  /**
   * Number matches that are not among the words' matches, exactly: the matches are read (an exact
   * count has at most a few thousand, or was asked for) until every number match is seen.
   */
  private numbersOutside(m: Matcher, numberIds: number[]): number {
    if (numberIds.length === 0) return 0;
    const wanted = new Set<number>();
    for (const id of numberIds) {
      const key = this.index.keyOf(id);
      if (key !== null) wanted.add(key);
    }
    let inside = 0;
    if (wanted.size > 0) {
      for (const key of this.index.keys(m.all, 'desc', m.bounds, m.allTable)) {
        if (wanted.has(key) && ++inside === wanted.size) break;
      }
    }
    return numberIds.length - inside;
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
      const desc = few.sort((a, b) => this.ranker.keyOf(b) - this.ranker.keyOf(a));
      ids = input.sort === 'date_asc' ? this.ranker.ascendingDated(desc) : desc;
    } else {
      for (const id of this.hits.idsByDate(input.sort === 'date_asc' ? 'asc' : 'desc')) {
        if (!test(id)) continue;
        ids.push(id);
        if (ids.length >= need) break;
      }
    }
    const ranked = ids.slice(input.offset, need).map((id) => ({ id, tier: 'browse' as Tier }));
    return { total, totalExact: true, hits: buildHits(this.hits, s, ranked, []), direct: null, corrections: [], didYouMean: null, terms: [] };
  }
}
