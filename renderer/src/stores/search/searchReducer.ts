/**
 * The search page's state as a pure reducer (after Signal Desktop's `ts/state/ducks/search.ts`):
 * typed actions in, the next state out, no I/O — the store (`../searchStore.ts`) sends the
 * requests and dispatches their replies. Each request carries an id; a reply to a request older
 * than the latest of its kind is dropped, so a slow answer never overwrites a newer one.
 *
 * The words are read in one mode at a time — `typing` (the last word a prefix) while keys come,
 * `submitted` once Enter is pressed or a saved search is applied — and the facet counts are asked
 * in the same mode as the hits beside them, so the two always add up.
 */
import type { InputOf } from '@shared/contract/api';
import type { SearchResult } from '@shared/contract/types';
import type { FacetKey, SavedSearch, SearchFacets, SearchHistoryEntry, SearchSort, SearchSuggestion } from '@shared/contract/types/search';

export type Filters = NonNullable<InputOf<'search.query'>['filters']>;
export type SearchMode = 'typing' | 'submitted';

export const PAGE_SIZE = 20;
/** Values listed per facet: a dozen, or all of them once the user asked to see more. */
export const FACET_VALUES = 12;
export const FACET_VALUES_ALL = 300;

export interface SearchState {
  text: string;
  filters: Filters;
  sort: SearchSort;
  offset: number;
  mode: SearchMode;
  result: SearchResult | null;
  facets: SearchFacets | null;
  suggestions: SearchSuggestion[];
  saved: SavedSearch[];
  history: SearchHistoryEntry[];
  loading: boolean;
  facetsLoading: boolean;
  facetLimit: number;
  error: string | null;
  /** The id of the latest request of each kind: only its reply is taken. */
  pending: { hits: number; facets: number; suggest: number; hitsKey: string; facetsKey: string };
  /** The words, filters and mode the hits and the facets shown answer (see {@link countsKey}). */
  shown: { hits: string | null; facets: string | null };
}

export type SearchAction =
  | { type: 'textChanged'; text: string }
  | { type: 'submitted' }
  | { type: 'facetToggled'; key: FacetKey; value: string }
  | { type: 'datesSet'; from: string; to: string }
  | { type: 'lineageSet'; on: boolean }
  | { type: 'sortSet'; sort: SearchSort }
  | { type: 'filtersCleared' }
  | { type: 'requestApplied'; text: string; filters: Filters; sort: SearchSort }
  | { type: 'pageTurned'; direction: 'next' | 'prev' }
  | { type: 'facetValuesExpanded' }
  | { type: 'hitsRequested'; id: number; key: string }
  | { type: 'hitsReceived'; id: number; result: SearchResult }
  | { type: 'hitsFailed'; id: number; error: string }
  | { type: 'facetsRequested'; id: number; key: string }
  | { type: 'facetsReceived'; id: number; facets: SearchFacets }
  | { type: 'facetsFailed'; id: number }
  | { type: 'suggestRequested'; id: number }
  | { type: 'suggestionsReceived'; id: number; suggestions: SearchSuggestion[] }
  | { type: 'listsLoaded'; saved: SavedSearch[]; history: SearchHistoryEntry[] }
  | { type: 'listsFailed'; error: string };

export const initialSearchState: SearchState = {
  text: '',
  filters: {},
  sort: 'relevance',
  offset: 0,
  mode: 'submitted',
  result: null,
  facets: null,
  suggestions: [],
  saved: [],
  history: [],
  loading: false,
  facetsLoading: false,
  facetLimit: FACET_VALUES,
  error: null,
  pending: { hits: 0, facets: 0, suggest: 0, hitsKey: '', facetsKey: '' },
  shown: { hits: null, facets: null },
};

/** The filter field a facet sets, whether its values are ids, and the field its "none" value sets. */
const FIELD: Record<Exclude<FacetKey, 'year'>, { field: keyof Filters; numeric: boolean; none?: keyof Filters }> = {
  fonds: { field: 'fondsIds', numeric: true },
  organization: { field: 'organizationIds', numeric: true },
  file: { field: 'fileIds', numeric: true, none: 'unfiled' },
  docType: { field: 'docTypes', numeric: false },
  issuer: { field: 'issuers', numeric: false },
  signer: { field: 'signers', numeric: false },
  retentionClass: { field: 'retentionClasses', numeric: false },
  retention: { field: 'retentionCodes', numeric: false },
  completion: { field: 'completion', numeric: false },
  handover: { field: 'handoverStatuses', numeric: false },
  security: { field: 'securityLevels', numeric: false },
};

/** The values a facet currently filters on, as the facet lists them (`none`: undated, not in a file). */
export function selectedValues(filters: Filters, key: FacetKey): string[] {
  if (key === 'year') {
    const y = filters.dateFrom?.slice(0, 4);
    const year = y && filters.dateFrom === `${y}-01-01` && filters.dateTo === `${y}-12-31` ? [y] : [];
    return [...year, ...(filters.undated ? ['none'] : [])];
  }
  const { field, none } = FIELD[key];
  const v = filters[field];
  const values = Array.isArray(v) ? v.map(String) : [];
  return none && filters[none] ? [...values, 'none'] : values;
}

export function hasFilters(f: Filters): boolean {
  return Object.entries(f).some(([k, v]) => k !== 'organizationLineage' && (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '' && v !== false));
}

/** The filters with one facet value picked or dropped. A year is one at a time (a date range); "none" is besides it. */
export function toggleFilter(filters: Filters, key: FacetKey, value: string): Filters {
  const next: Filters = { ...filters };
  const set = (field: keyof Filters, v: unknown) => {
    if (v === undefined) delete next[field];
    else (next as Record<string, unknown>)[field] = v;
  };
  if (key === 'year') {
    if (value === 'none') set('undated', filters.undated ? undefined : true);
    else {
      const on = selectedValues(filters, 'year').includes(value);
      set('dateFrom', on ? undefined : `${value}-01-01`);
      set('dateTo', on ? undefined : `${value}-12-31`);
    }
    return next;
  }
  const { field, numeric, none } = FIELD[key];
  if (value === 'none' && none) {
    set(none, filters[none] ? undefined : true);
    return next;
  }
  // For the file facet "none" is its own switch (`unfiled`); elsewhere it is a value like any other.
  const current = selectedValues(filters, key).filter((v) => !(none && v === 'none'));
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  set(field, values.length > 0 ? (numeric ? values.map(Number) : values) : undefined);
  return next;
}

/** What `search.query` is asked for this state. */
export function hitsRequest(s: SearchState): InputOf<'search.query'> {
  return { text: s.text, filters: s.filters, sort: s.sort, offset: s.offset, limit: PAGE_SIZE, typing: s.mode === 'typing' };
}

/** What `search.facets` is asked: the same words, filters and mode as the hits. */
export function facetsRequest(s: SearchState): InputOf<'search.facets'> {
  return { text: s.text, filters: s.filters, typing: s.mode === 'typing', limit: s.facetLimit };
}

/** What a count depends on: the words, the filters and the mode (not the order or the page). */
export function countsKey(s: Pick<SearchState, 'text' | 'filters' | 'mode'>): string {
  return JSON.stringify([s.text, s.filters, s.mode]);
}

/**
 * Whether the facets shown count the hits shown. While keys come, the hits follow at once and
 * the counts once the typing pauses: until then the counts are of other words, and are not put
 * beside the hits' total.
 */
export function facetsMatchHits(s: SearchState): boolean {
  return s.facets !== null && s.shown.facets !== null && s.shown.facets === s.shown.hits;
}

export function canTurnPage(s: SearchState, direction: 'next' | 'prev'): boolean {
  if (direction === 'prev') return s.offset > 0;
  return s.result !== null && s.offset + PAGE_SIZE < s.result.total;
}

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    case 'textChanged':
      return { ...state, text: action.text, mode: 'typing', offset: 0 };
    case 'submitted':
      return { ...state, mode: 'submitted', offset: 0 };
    case 'facetToggled':
      return { ...state, filters: toggleFilter(state.filters, action.key, action.value), offset: 0 };
    case 'datesSet': {
      const filters: Filters = { ...state.filters };
      if (action.from) filters.dateFrom = action.from;
      else delete filters.dateFrom;
      if (action.to) filters.dateTo = action.to;
      else delete filters.dateTo;
      return { ...state, filters, offset: 0 };
    }
    case 'lineageSet':
      return { ...state, filters: { ...state.filters, organizationLineage: action.on }, offset: 0 };
    case 'sortSet':
      return { ...state, sort: action.sort, offset: 0 };
    case 'filtersCleared':
      return { ...state, filters: {}, offset: 0 };
    case 'requestApplied':
      return { ...state, text: action.text, filters: action.filters, sort: action.sort, mode: 'submitted', offset: 0 };
    case 'pageTurned':
      if (!canTurnPage(state, action.direction)) return state;
      return { ...state, offset: action.direction === 'next' ? state.offset + PAGE_SIZE : Math.max(0, state.offset - PAGE_SIZE) };
    case 'facetValuesExpanded':
      return state.facetLimit >= FACET_VALUES_ALL ? state : { ...state, facetLimit: FACET_VALUES_ALL };
    case 'hitsRequested':
      return { ...state, loading: true, error: null, pending: { ...state.pending, hits: action.id, hitsKey: action.key } };
    case 'hitsReceived':
      if (action.id !== state.pending.hits) return state;
      return { ...state, result: action.result, loading: false, shown: { ...state.shown, hits: state.pending.hitsKey } };
    case 'hitsFailed':
      if (action.id !== state.pending.hits) return state;
      return { ...state, loading: false, error: action.error };
    case 'facetsRequested':
      return { ...state, facetsLoading: true, pending: { ...state.pending, facets: action.id, facetsKey: action.key } };
    case 'facetsReceived':
      if (action.id !== state.pending.facets) return state;
      return { ...state, facets: action.facets, facetsLoading: false, shown: { ...state.shown, facets: state.pending.facetsKey } };
    case 'facetsFailed':
      if (action.id !== state.pending.facets) return state;
      return { ...state, facetsLoading: false };
    case 'suggestRequested':
      return { ...state, pending: { ...state.pending, suggest: action.id } };
    case 'suggestionsReceived':
      if (action.id !== state.pending.suggest) return state;
      return { ...state, suggestions: action.suggestions };
    case 'listsLoaded':
      return { ...state, saved: action.saved, history: action.history };
    case 'listsFailed':
      return { ...state, error: action.error };
  }
}
