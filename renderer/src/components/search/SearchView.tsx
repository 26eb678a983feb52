/**
 * Tìm kiếm: facets on the left; above the hits the total, sort, saved searches and history, the
 * filters in force, suggested filters, spelling corrections and — for a number-symbol — a button
 * straight to the document; then one page of hits.
 */
import { useEffect } from 'react';
import type { FacetKey } from '@shared/contract/types/search';
import { PAGE_SIZE, facetsMatchHits, selectedValues, useSearchStore } from '../../stores/searchStore';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';
import { ErrorBanner } from '../common/ErrorBanner';
import { Pager } from '../common/Pager';
import { SearchFiltersPanel, valueLabel } from './SearchFiltersPanel';
import { SearchHitItem } from './SearchHitItem';
import { SearchToolbar } from './SearchToolbar';
import './search.css';
// Selection and bulk actions
import { SelectionBar } from '../bulk/SelectionBar';
import { useListSelection } from '../bulk/useListSelection';

const CHIP_KEYS: FacetKey[] = ['docType', 'year', 'organization', 'fonds', 'issuer', 'signer', 'file', 'retentionClass', 'retention', 'completion', 'handover', 'security'];

function ActiveFilters() {
  const t = useT();
  const filters = useSearchStore((s) => s.filters);
  const facets = useSearchStore((s) => s.facets);
  const toggle = useSearchStore((s) => s.toggleFacet);
  const setDates = useSearchStore((s) => s.setDates);
  const chips: Array<{ key: FacetKey; value: string; label: string }> = [];
  for (const key of CHIP_KEYS) {
    for (const value of selectedValues(filters, key)) {
      const known = facets?.groups.find((g) => g.key === key)?.values.find((v) => v.value === value);
      chips.push({ key, value, label: `${t(`search.facet.${key}`)}: ${valueLabel(t, key, known ?? { value, label: value })}` });
    }
  }
  const customDates = (filters.dateFrom || filters.dateTo) && selectedValues(filters, 'year').length === 0;
  if (chips.length === 0 && !customDates) return null;
  return (
    <div className="search-chips" data-testid="search-active-filters">
      <span className="muted">{t('search.active')}</span>
      {chips.map((c) => (
        <button key={`${c.key}:${c.value}`} type="button" className="chip" onClick={() => toggle(c.key, c.value)} aria-label={t('search.removeFilter', { label: c.label })}>
          {c.label} ×
        </button>
      ))}
      {customDates ? (
        <button type="button" className="chip" onClick={() => setDates('', '')}>
          {filters.dateFrom ?? '…'} – {filters.dateTo ?? '…'} ×
        </button>
      ) : null}
    </div>
  );
}

function Suggestions() {
  const t = useT();
  const suggestions = useSearchStore((s) => s.suggestions);
  const toggle = useSearchStore((s) => s.toggleFacet);
  if (suggestions.length === 0) return null;
  const key = (kind: string): FacetKey => (kind === 'docType' ? 'docType' : (kind as FacetKey));
  return (
    <div className="search-chips search-suggestions" data-testid="search-suggestions">
      <span className="muted">{t('search.suggest')}</span>
      {suggestions.map((s) => (
        <button key={`${s.kind}:${s.value}`} type="button" className="chip chip-suggest" onClick={() => toggle(key(s.kind), s.value)} data-testid="search-suggestion">
          <span className="muted">{t(`search.suggest.${s.kind}`)}:</span> {s.label} <span className="facet-count">{s.count}</span>
        </button>
      ))}
    </div>
  );
}

/**
 * "Có phải bạn muốn tìm …": the words typed found nothing, so the hits are those of the query
 * offered (one word changed by one letter, as the documents spell it); picking it searches it.
 */
function DidYouMean() {
  const t = useT();
  const offer = useSearchStore((s) => s.result?.didYouMean);
  const filters = useSearchStore((s) => s.filters);
  const sort = useSearchStore((s) => s.sort);
  const apply = useSearchStore((s) => s.apply);
  if (!offer) return null;
  return (
    <p className="search-correction" data-testid="search-did-you-mean">
      {t('search.didYouMean')}{' '}
      <button type="button" className="link" onClick={() => apply({ text: offer.text, filters, sort })} data-testid="search-did-you-mean-text">
        {offer.text}
      </button>
      ?{offer.searched ? <span className="muted"> {t('search.didYouMean.shown')}</span> : null}
    </p>
  );
}

/**
 * The hit count. Tens of thousands of hits are first estimated (the count would cost more than
 * the page); the exact figure comes with the facet counts a moment later.
 */
function TotalText() {
  const t = useT();
  const result = useSearchStore((s) => s.result)!;
  const facets = useSearchStore((s) => s.facets);
  const counted = useSearchStore(facetsMatchHits);
  if (result.total === 0) return <>{t('search.none')}</>;
  if (result.totalExact === false) {
    if (facets && counted) return <>{t('search.total', { n: facets.total.toLocaleString('vi-VN') })}</>;
    return <>{t('search.totalApprox', { n: result.total.toLocaleString('vi-VN') })}</>;
  }
  return <>{t('search.total', { n: result.total.toLocaleString('vi-VN') })}</>;
}

export function SearchView() {
  const t = useT();
  const result = useSearchStore((s) => s.result);
  const loading = useSearchStore((s) => s.loading);
  const error = useSearchStore((s) => s.error);
  const offset = useSearchStore((s) => s.offset);
  const nextPage = useSearchStore((s) => s.nextPage);
  const prevPage = useSearchStore((s) => s.prevPage);
  const navigate = useAppStore((s) => s.navigate);
  const direct = result?.direct ? result.hits.find((h) => h.documentId === result.direct) : undefined;
  const text = useSearchStore((s) => s.text);
  const filters = useSearchStore((s) => s.filters);
  const pageIds = result?.hits.map((h) => h.documentId) ?? [];
  const single = filters.fondsIds?.length === 1 ? filters.fondsIds[0]! : null;
  const select = useListSelection({ scope: `search:${JSON.stringify([text.trim(), filters])}`, target: 'documents', fondsId: single }, pageIds);

  useEffect(() => {
    const s = useSearchStore.getState();
    if (!s.result && !s.loading) void s.run();
    if (!s.facets) void s.runFacets();
  }, []);

  return (
    <section className="view search-view" data-testid="search-view">
      <SearchFiltersPanel />
      <div className="search-results">
        <header className="search-header">
          <h1 className="visually-hidden">{t('search.title')}</h1>
          <p className="search-total" aria-live="polite" data-testid="search-total">
            {result ? <TotalText /> : t('search.searching')}
            {result?.tookMs !== undefined ? <span className="muted search-took"> {t('search.tookMs', { ms: Math.round(result.tookMs) })}</span> : null}
            {loading && result ? <span className="muted"> · {t('search.searching')}</span> : null}
          </p>
          <SearchToolbar />
        </header>
        <ActiveFilters />
        <Suggestions />
        {result?.didYouMean ? <DidYouMean /> : null}
        {result && !result.didYouMean
          ? result.corrections?.map((c) => (
              <p key={c.word} className="search-correction" data-testid="search-correction">
                {t('search.corrected', { word: c.word, alts: c.alternatives.join(', ') })}
              </p>
            ))
          : null}
        {direct ? (
          <button type="button" className="primary search-direct" onClick={() => navigate({ kind: 'document', documentId: direct.documentId })} data-testid="search-direct">
            {t('search.direct', { number: direct.numberSymbol ?? '' })} <kbd>{t('search.directHint')}</kbd>
          </button>
        ) : null}
        <ErrorBanner message={error} />
        {result && result.total === 0 && !loading ? <p className="muted search-hint">{t('search.hint')}</p> : null}
 {result && result.total > 0 ? (
          <label className="select-page-line">
            {select.pageCheckbox()} {t('bulk.select.page')}
          </label>
        ) : null}
        {result && result.total > 0 ? (
          <SelectionBar query={{ target: 'documents', query: { kind: 'search', text, filters, typing: false } }} total={result.total} page={pageIds} />
        ) : null}
        {result ? (
          <ol className="hit-list" data-testid="search-results" start={offset + 1} aria-busy={loading}>
            {result.hits.map((hit) => (
              <SearchHitItem key={hit.documentId} hit={hit} select={{ checkbox: select.checkbox(hit.documentId, hit.numberSymbol ?? t('doc.untitled')), rowProps: select.rowProps(hit.documentId) }} />
            ))}
          </ol>
        ) : null}
        {result ? <Pager offset={offset} limit={PAGE_SIZE} total={result.total} onPrev={prevPage} onNext={nextPage} testId="search-pager" /> : null}
      </div>
    </section>
  );
}
