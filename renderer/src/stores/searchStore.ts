/**
 * Search: the state lives in a pure reducer (`search/searchReducer.ts`); this store sends the
 * requests and dispatches their replies. Every keystroke asks for hits (at most one request per
 * interval while keys keep coming); facets and suggestions are separate calls, asked once the
 * typing pauses, so hits are never held up by counting. A reply to an older request is dropped by
 * the reducer. Enter records the search in the history and, when the words are a complete
 * number-symbol naming one document, opens it.
 */
import { create } from 'zustand';
import type { FacetKey, SearchSort } from '@shared/contract/types/search';
import { call } from '../api/client';
import { errorMessage } from '../util/errors';
import { useAppStore } from './appStore';
import { countsKey, facetsRequest, hasFilters, hitsRequest, initialSearchState, searchReducer, type Filters, type SearchAction, type SearchState } from './search/searchReducer';

export { PAGE_SIZE, facetsMatchHits, hasFilters, selectedValues, type Filters } from './search/searchReducer';

const HITS_INTERVAL_MS = 100;
const FACETS_PAUSE_MS = 300;

interface SearchCommands {
  setText(text: string): void;
  submit(): Promise<void>;
  toggleFacet(key: FacetKey, value: string): void;
  setDates(from: string, to: string): void;
  setLineage(on: boolean): void;
  setSort(sort: SearchSort): void;
  clearFilters(): void;
  apply(request: { text: string; filters: Record<string, unknown>; sort: SearchSort }): void;
  nextPage(): void;
  prevPage(): void;
  /** Asks for the hits again, in the current mode (after a change elsewhere in the app, too). */
  run(): Promise<void>;
  runFacets(): Promise<void>;
  showAllFacetValues(): void;
  loadLists(): Promise<void>;
  saveCurrent(name: string): Promise<void>;
  deleteSaved(id: number): Promise<void>;
  clearHistory(): Promise<void>;
}

export type SearchStore = SearchState & SearchCommands;

let requestIds = 0;
let hitsTimer: ReturnType<typeof setTimeout> | null = null;
let facetsTimer: ReturnType<typeof setTimeout> | null = null;

function clearTimers(): void {
  if (hitsTimer) clearTimeout(hitsTimer);
  if (facetsTimer) clearTimeout(facetsTimer);
  hitsTimer = null;
  facetsTimer = null;
}

export const useSearchStore = create<SearchStore>()((set, get) => {
  const dispatch = (action: SearchAction) => set((s) => searchReducer(s, action));

  const runHits = async () => {
    const id = ++requestIds;
    dispatch({ type: 'hitsRequested', id, key: countsKey(get()) });
    try {
      dispatch({ type: 'hitsReceived', id, result: await call('search.query', hitsRequest(get())) });
    } catch (err) {
      dispatch({ type: 'hitsFailed', id, error: errorMessage(err) });
    }
  };

  const runFacets = async () => {
    const id = ++requestIds;
    dispatch({ type: 'facetsRequested', id, key: countsKey(get()) });
    try {
      dispatch({ type: 'facetsReceived', id, facets: await call('search.facets', facetsRequest(get())) });
    } catch {
      dispatch({ type: 'facetsFailed', id });
    }
  };

  const suggest = async () => {
    const id = ++requestIds;
    dispatch({ type: 'suggestRequested', id });
    const text = get().text;
    if (text.trim().length < 2) {
      dispatch({ type: 'suggestionsReceived', id, suggestions: [] });
      return;
    }
    try {
      dispatch({ type: 'suggestionsReceived', id, suggestions: await call('search.suggest', { text, limit: 6 }) });
    } catch {
      dispatch({ type: 'suggestionsReceived', id, suggestions: [] });
    }
  };

  /** The words or filters changed at once (not keystroke by keystroke): new hits and new counts. */
  const refresh = () => {
    clearTimers();
    void runHits();
    void runFacets();
  };

  return {
    ...initialSearchState,

    setText(text) {
      dispatch({ type: 'textChanged', text });
      // Hits: at most one request per interval while keys keep coming (the timer is not reset),
      // each for the text as it is when it fires — so results follow the typing, not only a pause.
      if (!hitsTimer) {
        hitsTimer = setTimeout(() => {
          hitsTimer = null;
          void runHits();
          void suggest();
        }, HITS_INTERVAL_MS);
      }
      // Facets: once the typing pauses.
      if (facetsTimer) clearTimeout(facetsTimer);
      facetsTimer = setTimeout(() => {
        facetsTimer = null;
        void runFacets();
      }, FACETS_PAUSE_MS);
    },

    async submit() {
      clearTimers();
      dispatch({ type: 'submitted' });
      void runFacets();
      await runHits();
      const { result, text, filters, sort } = get();
      if (!result) return;
      if (text.trim() || hasFilters(filters)) {
        try {
          await call('search.history.record', { query: { text, filters, sort }, total: result.total });
          void get().loadLists();
        } catch {
          // The history is a convenience: a failure to record it must not disturb the search.
        }
      }
      if (result.direct) useAppStore.getState().navigate({ kind: 'document', documentId: result.direct });
    },

    toggleFacet(key, value) {
      dispatch({ type: 'facetToggled', key, value });
      refresh();
    },

    setDates(from, to) {
      dispatch({ type: 'datesSet', from, to });
      refresh();
    },

    setLineage(on) {
      dispatch({ type: 'lineageSet', on });
      refresh();
    },

    setSort(sort) {
      dispatch({ type: 'sortSet', sort });
      clearTimers();
      // The order changes nothing the facets count.
      void runHits();
    },

    clearFilters() {
      dispatch({ type: 'filtersCleared' });
      refresh();
    },

    apply(request) {
      dispatch({ type: 'requestApplied', text: request.text, filters: request.filters as Filters, sort: request.sort });
      refresh();
    },

    nextPage() {
      const before = get().offset;
      dispatch({ type: 'pageTurned', direction: 'next' });
      if (get().offset !== before) void runHits();
    },

    prevPage() {
      const before = get().offset;
      dispatch({ type: 'pageTurned', direction: 'prev' });
      if (get().offset !== before) void runHits();
    },

    run: runHits,
    runFacets,

    showAllFacetValues() {
      const before = get().facetLimit;
      dispatch({ type: 'facetValuesExpanded' });
      if (get().facetLimit !== before) void runFacets();
    },

    async loadLists() {
      try {
        const [saved, history] = await Promise.all([call('search.saved.list', {}), call('search.history.list', { limit: 20 })]);
        dispatch({ type: 'listsLoaded', saved, history });
      } catch (err) {
        dispatch({ type: 'listsFailed', error: errorMessage(err) });
      }
    },

    async saveCurrent(name) {
      const { text, filters, sort } = get();
      await call('search.saved.save', { name, query: { text, filters, sort } });
      await get().loadLists();
    },

    async deleteSaved(id) {
      await call('search.saved.delete', { id });
      await get().loadLists();
    },

    async clearHistory() {
      await call('search.history.clear', {});
      await get().loadLists();
    },
  };
});
