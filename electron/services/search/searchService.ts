import type { z } from 'zod';
import type { searchQuery } from '../../../shared/contract/schemas';
import type { SearchResult } from '../../../shared/contract/types';
import type { SearchFacets, SearchSuggestion } from '../../../shared/contract/types/search';
import type { Repositories } from '../../data/repositories';
import type { ServiceContext } from '../context';
import { SearchEngine } from './engine';
import { FacetStore } from './facetStore';
import { computeFacets } from './facets';
import { planFilters, type SearchFilters } from './filters';
import { QueryResolver } from './resolve';
import { Suggester } from './suggest';

type QueryInput = z.output<typeof searchQuery>;

/** The words and filters of a search, as "select all that match" names them. */
export interface MatchQuery {
  text: string;
  filters: SearchFilters;
  /** The words as typed so far (the last one a prefix), as the hits were asked for. Default false. */
  typing?: boolean;
}

/** Answers kept per catalogue state: typing pauses ask for the same facet counts twice. */
const FACET_CACHE = 20;

/**
 * Search over one open catalogue: hits, facet counts, suggestions and every matching id, from one
 * facet store (its columns loaded once and kept current through the change journal) and one
 * resolution of each query's words. Owned by the service context, one per open catalogue.
 */
export class SearchService {
  readonly store: FacetStore;
  private readonly engine: SearchEngine;
  private readonly suggester: Suggester;
  private readonly facetCache = new Map<string, SearchFacets>();

  constructor(repos: Repositories) {
    this.store = new FacetStore(repos.facetColumns, repos.searchJournal);
    const resolver = new QueryResolver(repos.searchIndex, repos.searchHits, this.store);
    this.engine = new SearchEngine(repos.searchIndex, repos.searchHits, this.store, resolver);
    this.suggester = new Suggester(this.store);
  }

  query(input: QueryInput, secretsVisible: boolean): SearchResult {
    const result = this.engine.query(input, secretsVisible);
    if (input.facets) result.facets = this.facets({ text: input.text, filters: input.filters, typing: input.typing ?? false, limit: 30 }, secretsVisible);
    return result;
  }

  /**
   * Each facet's values with the count the search shows once that value is picked — in the same
   * mode (typing or submitted) as the hits they stand beside.
   */
  facets(input: { text: string; filters: SearchFilters; typing: boolean; limit: number }, secretsVisible: boolean): SearchFacets {
    const started = performance.now();
    this.store.ensureDocuments();
    const key = JSON.stringify([this.store.seq, this.store.maxId, secretsVisible, input.text, input.typing, input.filters, input.limit]);
    const cached = this.facetCache.get(key);
    if (cached) return { ...cached, tookMs: Math.round((performance.now() - started) * 10) / 10 };
    const plan = planFilters(input.filters, this.store, secretsVisible);
    const matches = this.engine.wordMatches(input.text, input.typing, secretsVisible, plan.excludedFlags);
    const result = computeFacets(this.store, matches, plan, input, secretsVisible);
    result.tookMs = Math.round((performance.now() - started) * 10) / 10;
    if (this.facetCache.size >= FACET_CACHE) this.facetCache.delete(this.facetCache.keys().next().value!);
    this.facetCache.set(key, result);
    return result;
  }

  suggest(text: string, limit: number, secretsVisible: boolean): SearchSuggestion[] {
    return this.suggester.suggest(text, limit, secretsVisible);
  }

  /** See {@link matchingDocumentIds}. */
  matchingIds(query: MatchQuery, secretsVisible: boolean): number[] {
    return this.engine.matchingIds(query, secretsVisible);
  }
}

/**
 * Every document a search finds — its words and every filter — that the caller may see, in id
 * order: what "select all that match" acts on. Its length is the total the search shows (counted
 * exactly), and the same words and filters give the same ids as long as the catalogue is unchanged.
 */
export function matchingDocumentIds(ctx: ServiceContext, query: MatchQuery): number[] {
  return ctx.search.matchingIds(query, ctx.access.secretsVisible());
}
