/** Kết quả tìm kiếm: the filter panel, the total, one page of hits. */
import { useEffect } from 'react';
import { PAGE_SIZE, useSearchStore } from '../../stores/searchStore';
import { useT } from '../../i18n';
import { ErrorBanner } from '../common/ErrorBanner';
import { Pager } from '../common/Pager';
import { SearchFiltersPanel } from './SearchFiltersPanel';
import { SearchHitItem } from './SearchHitItem';

export function SearchView() {
  const t = useT();
  const result = useSearchStore((s) => s.result);
  const loading = useSearchStore((s) => s.loading);
  const error = useSearchStore((s) => s.error);
  const offset = useSearchStore((s) => s.offset);
  const nextPage = useSearchStore((s) => s.nextPage);
  const prevPage = useSearchStore((s) => s.prevPage);

  useEffect(() => {
    const s = useSearchStore.getState();
    if (!s.result && !s.loading) void s.run();
  }, []);

  return (
    <section className="view search-view" data-testid="search-view">
      <SearchFiltersPanel />
      <div className="search-results">
        <header className="search-header">
          <h1 className="visually-hidden">{t('search.title')}</h1>
          <p className="search-total" aria-live="polite" data-testid="search-total">
            {result ? (result.total === 0 ? t('search.none') : t('search.total', { n: result.total })) : t('search.searching')}
            {loading && result ? <span className="muted"> · {t('search.searching')}</span> : null}
          </p>
        </header>
        <ErrorBanner message={error} />
        {result ? (
          <ol className="hit-list" data-testid="search-results" start={offset + 1} aria-busy={loading}>
            {result.hits.map((hit) => (
              <SearchHitItem key={hit.documentId} hit={hit} />
            ))}
          </ol>
        ) : null}
        {result ? <Pager offset={offset} limit={PAGE_SIZE} total={result.total} onPrev={prevPage} onNext={nextPage} testId="search-pager" /> : null}
      </div>
    </section>
  );
}
