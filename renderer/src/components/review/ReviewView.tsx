/** Cần rà soát: documents with fields waiting for an archivist, by fonds and by field, a page at a time. */
import { useEffect, useState } from 'react';
import { useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { FondsFilter } from '../common/FondsFilter';
import { ErrorBanner } from '../common/ErrorBanner';
import { Pager } from '../common/Pager';
import { ReviewCard } from './ReviewCard';
import { FIELD_LABELS } from './reviewFields';
import '../import/importArea.css';

const PAGE = 10;

export function ReviewView({ fondsId, field }: { fondsId?: number; field?: string }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery('review.list', { fondsId, field, offset, limit: PAGE }, { keepPrevious: true });
  const summaryRead = useQuery('review.summary', { fondsId }, { keepPrevious: true });
  const page = list.data;
  const summary = summaryRead.data;
  const error = list.message ?? summaryRead.message;

  // Confirming the last documents of the last page leaves it empty: step back.
  useEffect(() => {
    if (page && page.items.length === 0 && offset > 0 && page.total > 0) setOffset(Math.max(0, Math.floor((page.total - 1) / PAGE) * PAGE));
  }, [page, offset]);

  const setFilter = (next: { fondsId?: number; field?: string }) => {
    setOffset(0);
    navigate({ kind: 'review', ...next });
  };

  return (
    <section className="view review-view" data-testid="review-view">
      <header className="view-header">
        <div>
          <h1>{t('import.review.title')}</h1>
          <p className="muted">{t('import.review.intro')}</p>
        </div>
        <div className="view-actions">
          <button
            type="button"
            className="primary"
            disabled={!page || page.total === 0}
            onClick={() => navigate({ kind: 'reviewWalk', ...(fondsId !== undefined ? { fondsId } : {}), ...(field ? { field } : {}) })}
            data-testid="review-walk-start"
          >
            {t('review.walk.open')}
          </button>
        </div>
      </header>
      <div className="review-filters">
        <FondsFilter value={fondsId} onChange={(id) => setFilter({ fondsId: id, field })} testId="review-fonds" />
        <label>
          {t('import.review.fieldFilter')}{' '}
          <select value={field ?? ''} onChange={(e) => setFilter({ fondsId, field: e.target.value || undefined })} data-testid="review-field-filter">
            <option value="">{t('import.review.allFields')}</option>
            {(summary?.byField ?? []).map((b) => (
              <option key={b.field} value={b.field}>
                {FIELD_LABELS[b.field] ? t(FIELD_LABELS[b.field]!) : b.field} ({b.count})
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBanner message={error} />
      {notice ? (
        <p className="notice" role="status" data-testid="review-notice">
          {notice}
        </p>
      ) : null}
      {page ? (
        <>
          <p className="muted" data-testid="review-total">
            {t('import.review.total', { n: page.total })}
          </p>
          {page.items.length === 0 ? <p className="muted">{t('import.review.empty')}</p> : null}
          {page.items.map((item) => (
            <ReviewCard
              key={`${item.document.id}-${item.fields.map((f) => f.field).join(',')}`}
              item={item}
              onConfirmed={(message) => {
                setNotice(message);
                void refreshAfterChange();
              }}
            />
          ))}
          <Pager offset={offset} limit={PAGE} total={page.total} onPrev={() => setOffset(Math.max(0, offset - PAGE))} onNext={() => setOffset(offset + PAGE)} testId="review-pager" />
        </>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}
