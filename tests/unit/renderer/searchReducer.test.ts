import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../shared/contract/types';
import type { SearchFacets } from '../../../shared/contract/types/search';
import {
  FACET_VALUES_ALL,
  PAGE_SIZE,
  countsKey,
  facetsMatchHits,
  facetsRequest,
  hitsRequest,
  initialSearchState,
  searchReducer,
  selectedValues,
  toggleFilter,
  type SearchAction,
  type SearchState,
} from '../../../renderer/src/stores/search/searchReducer';

const result = (total: number, id = 1): SearchResult => ({ total, hits: [{ documentId: id } as SearchResult['hits'][number]], totalExact: true });
const facets = (total: number): SearchFacets => ({ total, groups: [], tookMs: 1 });

function run(actions: SearchAction[], from: SearchState = initialSearchState): SearchState {
  return actions.reduce(searchReducer, from);
}

/** Sends a request as the store does: its id, and the words, filters and mode it asks about. */
function sent(s: SearchState, kind: 'hits' | 'facets', id: number): SearchState {
  return searchReducer(s, { type: kind === 'hits' ? 'hitsRequested' : 'facetsRequested', id, key: countsKey(s) });
}

describe('the search page reducer', () => {
  it('asks for hits and facet counts in the same mode: typing while keys come, submitted after Enter', () => {
    const typing = run([{ type: 'textChanged', text: 'ban gia' }]);
    expect(typing.mode).toBe('typing');
    expect(hitsRequest(typing)).toMatchObject({ text: 'ban gia', typing: true, offset: 0, limit: PAGE_SIZE });
    expect(facetsRequest(typing)).toMatchObject({ text: 'ban gia', typing: true });
    const submitted = searchReducer(typing, { type: 'submitted' });
    expect(hitsRequest(submitted).typing).toBe(false);
    expect(facetsRequest(submitted).typing).toBe(false);
    // Picking a filter keeps reading the words as they were read: hits and counts still agree.
    const filtered = searchReducer(typing, { type: 'facetToggled', key: 'docType', value: 'KẾT LUẬN' });
    expect(hitsRequest(filtered)).toMatchObject({ typing: true, filters: { docTypes: ['KẾT LUẬN'] } });
    expect(facetsRequest(filtered)).toMatchObject({ typing: true, filters: { docTypes: ['KẾT LUẬN'] } });
    // A saved search is run as submitted words.
    const applied = searchReducer(typing, { type: 'requestApplied', text: 'bàn giao', filters: {}, sort: 'date_desc' });
    expect(hitsRequest(applied)).toMatchObject({ text: 'bàn giao', typing: false, sort: 'date_desc' });
  });

  it('drops a reply that arrives after a newer request was sent', () => {
    let s = run([{ type: 'textChanged', text: 'ban' }]);
    s = sent(s, 'hits', 1);
    s = searchReducer(s, { type: 'textChanged', text: 'ban giao' });
    s = sent(s, 'hits', 2);
    s = searchReducer(s, { type: 'hitsReceived', id: 2, result: result(7, 2) });
    s = searchReducer(s, { type: 'hitsReceived', id: 1, result: result(900, 1) });
    expect(s.result?.total).toBe(7);
    expect(s.loading).toBe(false);
    // An old failure does not show an error over the newer answer, nor an old count.
    s = searchReducer(s, { type: 'hitsFailed', id: 1, error: 'mất kết nối' });
    expect(s.error).toBeNull();
    s = sent(s, 'facets', 3);
    s = sent(s, 'facets', 4);
    s = searchReducer(s, { type: 'facetsReceived', id: 4, facets: facets(7) });
    s = searchReducer(s, { type: 'facetsReceived', id: 3, facets: facets(900) });
    expect(s.facets?.total).toBe(7);
    s = searchReducer(s, { type: 'suggestRequested', id: 5 });
    s = searchReducer(s, { type: 'suggestRequested', id: 6 });
    s = searchReducer(s, { type: 'suggestionsReceived', id: 6, suggestions: [] });
    s = searchReducer(s, { type: 'suggestionsReceived', id: 5, suggestions: [{ kind: 'issuer', value: 'x', label: 'x', count: 1 }] });
    expect(s.suggestions).toEqual([]);
  });

  it('puts the facet counts beside the hits only when they count the same words, filters and mode', () => {
    let s = run([{ type: 'textChanged', text: 'công tác' }]);
    s = sent(s, 'hits', 1);
    s = sent(s, 'facets', 2);
    s = searchReducer(s, { type: 'hitsReceived', id: 1, result: result(1442) });
    expect(facetsMatchHits(s)).toBe(false);
    s = searchReducer(s, { type: 'facetsReceived', id: 2, facets: facets(1442) });
    expect(facetsMatchHits(s)).toBe(true);
    // The next keystroke's hits arrive first: the counts of the words before are no longer theirs.
    s = searchReducer(s, { type: 'textChanged', text: 'công tác c' });
    s = sent(s, 'hits', 3);
    s = searchReducer(s, { type: 'hitsReceived', id: 3, result: result(2884) });
    expect(facetsMatchHits(s)).toBe(false);
    // Enter: the same text, now submitted, is another question for the counts too.
    s = sent(s, 'facets', 4);
    s = searchReducer(s, { type: 'facetsReceived', id: 4, facets: facets(2884) });
    expect(facetsMatchHits(s)).toBe(true);
    s = searchReducer(s, { type: 'submitted' });
    s = sent(s, 'hits', 5);
    s = searchReducer(s, { type: 'hitsReceived', id: 5, result: result(12) });
    expect(facetsMatchHits(s)).toBe(false);
    // Another page or order asks nothing new of the counts.
    s = sent(s, 'facets', 6);
    s = searchReducer(s, { type: 'facetsReceived', id: 6, facets: facets(12) });
    s = searchReducer(s, { type: 'sortSet', sort: 'number' });
    s = sent(s, 'hits', 7);
    s = searchReducer(s, { type: 'hitsReceived', id: 7, result: result(12) });
    expect(facetsMatchHits(s)).toBe(true);
  });

  it('picks and drops facet values, the undated documents and those in no file included', () => {
    let f = toggleFilter({}, 'year', '2024');
    expect(f).toEqual({ dateFrom: '2024-01-01', dateTo: '2024-12-31' });
    f = toggleFilter(f, 'year', 'none');
    expect(selectedValues(f, 'year')).toEqual(['2024', 'none']);
    f = toggleFilter(f, 'year', '2023');
    expect(f).toEqual({ dateFrom: '2023-01-01', dateTo: '2023-12-31', undated: true });
    f = toggleFilter(toggleFilter(f, 'year', '2023'), 'year', 'none');
    expect(f).toEqual({});
    f = toggleFilter(toggleFilter({}, 'file', '12'), 'file', 'none');
    expect(f).toEqual({ fileIds: [12], unfiled: true });
    expect(selectedValues(f, 'file')).toEqual(['12', 'none']);
    expect(toggleFilter(toggleFilter(f, 'file', '12'), 'file', 'none')).toEqual({});
    expect(toggleFilter({ securityLevels: ['none'] }, 'security', 'none')).toEqual({});
    expect(toggleFilter({}, 'fonds', '3')).toEqual({ fondsIds: [3] });
    const s = run([{ type: 'facetToggled', key: 'fonds', value: '3' }, { type: 'lineageSet', on: false }, { type: 'datesSet', from: '2020-01-01', to: '' }]);
    expect(s.filters).toEqual({ fondsIds: [3], organizationLineage: false, dateFrom: '2020-01-01' });
    expect(run([{ type: 'filtersCleared' }], s).filters).toEqual({});
  });

  it('pages within the hits, back to the first page when the question changes', () => {
    let s = sent(run([{ type: 'submitted' }]), 'hits', 1);
    s = searchReducer(s, { type: 'hitsReceived', id: 1, result: result(45) });
    s = run([{ type: 'pageTurned', direction: 'prev' }], s);
    expect(s.offset).toBe(0);
    s = run([{ type: 'pageTurned', direction: 'next' }, { type: 'pageTurned', direction: 'next' }, { type: 'pageTurned', direction: 'next' }], s);
    expect(s.offset).toBe(40);
    expect(hitsRequest(s).offset).toBe(40);
    expect(run([{ type: 'facetToggled', key: 'docType', value: 'x' }], s).offset).toBe(0);
    expect(run([{ type: 'textChanged', text: 'x' }], s).offset).toBe(0);
    expect(run([{ type: 'sortSet', sort: 'date_asc' }], s).offset).toBe(0);
  });

  it('lists every facet value once asked, and asks only once', () => {
    const s = run([{ type: 'facetValuesExpanded' }]);
    expect(facetsRequest(s).limit).toBe(FACET_VALUES_ALL);
    expect(searchReducer(s, { type: 'facetValuesExpanded' })).toBe(s);
  });
});
