/**
 * Results of the search operations besides `search.query`'s own (`SearchResult` in
 * ../types.ts): facet counts, suggestions, saved searches and the history.
 */

export type SearchSort = 'relevance' | 'date_desc' | 'date_asc' | 'number';

export type FacetKey =
  | 'fonds'
  | 'organization'
  | 'file'
  | 'docType'
  | 'issuer'
  | 'signer'
  | 'year'
  | 'retentionClass'
  | 'retention'
  | 'completion'
  | 'handover'
  | 'security';

export interface FacetValue {
  /** What the matching filter takes (an id as text, a code, a name). */
  value: string;
  label: string;
  /** Hits with this value, the other facets' filters applied (its own ignored, to pick several). */
  count: number;
  selected: boolean;
  /** E.g. an organization's 2025 successors or predecessors. */
  detail?: string;
}

export interface FacetGroup {
  key: FacetKey;
  values: FacetValue[];
  /** More values have hits than are listed (the list keeps the largest). */
  truncated: boolean;
}

export interface SearchFacets {
  total: number;
  groups: FacetGroup[];
  tookMs: number;
}

/** What a search request is made of, as saved and kept in the history. */
export interface SearchRequestRecord {
  text: string;
  filters: Record<string, unknown>;
  sort: SearchSort;
}

export interface SavedSearch {
  id: number;
  name: string;
  query: SearchRequestRecord;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface SearchHistoryEntry {
  id: number;
  text: string;
  query: SearchRequestRecord;
  total: number | null;
  actor: string;
  at: string;
}

export interface SearchSuggestion {
  kind: 'issuer' | 'signer' | 'fonds' | 'organization' | 'docType';
  /** The facet filter value it stands for. */
  value: string;
  label: string;
  /** Documents with this value (secret ones counted only when visible). */
  count: number;
}
