/**
 * Search: the words, the filters, the order, one page of hits, and — a moment later — the facet
 * counts. Every keystroke asks for hits (debounced); a reply that arrives after a newer request
 * was sent is dropped, so the list never jumps back. Facets and suggestions are separate calls,
 * so hits are never held up by counting. Enter records the search in the history and, when the
 * words are a complete number-symbol naming one document, opens it.
 */
import { create } from 'zustand';
import type { InputOf } from '@shared/contract/api';
import type { SearchResult } from '@shared/contract/types';
import type { FacetKey, SavedSearch, SearchFacets, SearchHistoryEntry, SearchSort, SearchSuggestion } from '@shared/contract/types/search';
import { call } from '../api/client';
import { errorMessage } from '../util/errors';
import { useAppStore } from './appStore';

export type Filters = NonNullable<InputOf<'search.query'>['filters']>;

export const PAGE_SIZE = 20;
const HITS_DEBOUNCE_MS = 100;
const FACETS_DEBOUNCE_MS = 300;

/** The filter field a facet sets, and whether its values are ids. */
const FIELD: Record<Exclude<FacetKey, 'year'>, { field: keyof Filters; numeric: boolean }> = {
  fonds: { field: 'fondsIds', numeric: true },
  organization: { field: 'organizationIds', numeric: true },
  file: { field: 'fileIds', numeric: true },
  docType: { field: 'docTypes', numeric: false },
  issuer: { field: 'issuers', numeric: false },
  signer: { field: 'signers', numeric: false },
  retentionClass: { field: 'retentionClasses', numeric: false },
  retention: { field: 'retentionCodes', numeric: false },
  completion: { field: 'completion', numeric: false },
  handover: { field: 'handoverStatuses', numeric: false },
  security: { field: 'securityLevels', numeric: false },
};

/** The values a facet currently filters on, as the facet lists them. */
export function selectedValues(filters: Filters, key: FacetKey): string[] {
  if (key === 'year') {
    const y = filters.dateFrom?.slice(0, 4);
    return y && filters.dateFrom === `${y}-01-01` && filters.dateTo === `${y}-12-31` ? [y] : [];
  }
  const v = filters[FIELD[key].field];
  return Array.isArray(v) ? v.map(String) : [];
}

export function hasFilters(f: Filters): boolean {
  return Object.entries(f).some(([k, v]) => k !== 'organizationLineage' && (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== ''));
}

interface SearchState {
  text: string;
  filters: Filters;
  sort: SearchSort;
  offset: number;
  result: SearchResult | null;
  facets: SearchFacets | null;
  suggestions: SearchSuggestion[];
  saved: SavedSearch[];
  history: SearchHistoryEntry[];
  loading: boolean;
  facetsLoading: boolean;
  /** Values listed per facet: a dozen, or all of them once the user asked to see more. */
  facetLimit: number;
  error: string | null;
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
  run(typing?: boolean): Promise<void>;
  runFacets(): Promise<void>;
  showAllFacetValues(): void;
  loadLists(): Promise<void>;
  saveCurrent(name: string): Promise<void>;
  deleteSaved(id: number): Promise<void>;
  clearHistory(): Promise<void>;
}

let hitsSeq = 0;
let facetsSeq = 0;
let suggestSeq = 0;
let hitsTimer: ReturnType<typeof setTimeout> | null = null;
let facetsTimer: ReturnType<typeof setTimeout> | null = null;

function clearTimers(): void {
  if (hitsTimer) clearTimeout(hitsTimer);
  if (facetsTimer) clearTimeout(facetsTimer);
  hitsTimer = null;
  facetsTimer = null;
}

export const useSearchStore = create<SearchState>()((set, get) => {
  /** Filters or order changed: a new first page, and new counts. */
  const refresh = () => {
    clearTimers();
    set({ offset: 0 });
    void get().run(false);
    void get().runFacets();
  };
  const suggest = async (text: string) => {
    const mine = ++suggestSeq;
    if (text.trim().length < 2) {
      set({ suggestions: [] });
      return;
    }
    try {
      const suggestions = await call('search.suggest', { text, limit: 6 });
      if (mine === suggestSeq) set({ suggestions });
    } catch {
      if (mine === suggestSeq) set({ suggestions: [] });
    }
  };

  return {
    text: '',
    filters: {},
    sort: 'relevance',
    offset: 0,
    result: null,
    facets: null,
    suggestions: [],
    saved: [],
    history: [],
    loading: false,
    facetsLoading: false,
    facetLimit: 12,
    error: null,

    setText(text) {
      set({ text, offset: 0 });
      // Hits: at most one request per interval while keys keep coming (the timer is not reset),
      // each for the text as it is when it fires — so results follow the typing, not only a pause.
      if (!hitsTimer) {
        hitsTimer = setTimeout(() => {
          hitsTimer = null;
          void get().run(true);
          void suggest(get().text);
        }, HITS_DEBOUNCE_MS);
      }
      // Facets: once the typing pauses.
      if (facetsTimer) clearTimeout(facetsTimer);
      facetsTimer = setTimeout(() => {
        facetsTimer = null;
        void get().runFacets();
      }, FACETS_DEBOUNCE_MS);
    },

    async submit() {
      clearTimers();
      set({ offset: 0 });
      void get().runFacets();
      await get().run(false);
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
      const filters = { ...get().filters };
      if (key === 'year') {
        const on = selectedValues(filters, 'year').includes(value);
        filters.dateFrom = on || value === 'none' ? undefined : `${value}-01-01`;
        filters.dateTo = on || value === 'none' ? undefined : `${value}-12-31`;
      } else {
        const { field, numeric } = FIELD[key];
        const current = selectedValues(filters, key);
        const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
        (filters as Record<string, unknown>)[field] = next.length > 0 ? (numeric ? next.map(Number) : next) : undefined;
      }
      set({ filters });
      refresh();
    },

    setDates(from, to) {
      set({ filters: { ...get().filters, dateFrom: from || undefined, dateTo: to || undefined } });
      refresh();
    },

    setLineage(on) {
      set({ filters: { ...get().filters, organizationLineage: on } });
      refresh();
    },

    setSort(sort) {
      set({ sort });
      clearTimers();
      set({ offset: 0 });
      void get().run(false);
    },

    clearFilters() {
      set({ filters: {} });
      refresh();
    },

    apply(request) {
      set({ text: request.text, filters: request.filters as Filters, sort: request.sort });
      refresh();
    },

    nextPage() {
      const { offset, result } = get();
      if (!result || offset + PAGE_SIZE >= result.total) return;
      set({ offset: offset + PAGE_SIZE });
      void get().run(false);
    },

    prevPage() {
      const { offset } = get();
      if (offset === 0) return;
      set({ offset: Math.max(0, offset - PAGE_SIZE) });
      void get().run(false);
    },

    async run(typing = false) {
      const mine = ++hitsSeq;
      const { text, filters, sort, offset } = get();
      set({ loading: true, error: null });
      try {
        const result = await call('search.query', { text, filters, sort, offset, limit: PAGE_SIZE, typing });
        if (mine === hitsSeq) set({ result, loading: false });
      } catch (err) {
        if (mine === hitsSeq) set({ loading: false, error: errorMessage(err) });
      }
    },

    async runFacets() {
      const mine = ++facetsSeq;
      const { text, filters } = get();
      set({ facetsLoading: true });
      try {
        const facets = await call('search.facets', { text, filters, typing: true, limit: get().facetLimit });
        if (mine === facetsSeq) set({ facets, facetsLoading: false });
      } catch {
        if (mine === facetsSeq) set({ facetsLoading: false });
      }
    },

    showAllFacetValues() {
      if (get().facetLimit >= 300) return;
      set({ facetLimit: 300 });
      void get().runFacets();
    },

    async loadLists() {
      try {
        const [saved, history] = await Promise.all([call('search.saved.list', {}), call('search.history.list', { limit: 20 })]);
        set({ saved, history });
      } catch (err) {
        set({ error: errorMessage(err) });
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
