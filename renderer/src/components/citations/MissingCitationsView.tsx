/** Documents cited in the catalogue but not in it: what an archivist should look for, most cited first. */
import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';
import { FondsFilter } from '../common/FondsFilter';
import { formatDate } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { Pager } from '../common/Pager';
import '../import/importArea.css';

const PAGE = 50;

export function MissingCitationsView({ fondsId }: { fondsId?: number }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const [form, setForm] = useState<'party' | 'state' | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const missing = useQuery('citations.missing', { fondsId, form, offset, limit: PAGE }, { keepPrevious: true });
  const page = missing.data;
  const error = missing.message;

  return (
    <section className="view" data-testid="missing-citations-view">
      <header className="view-header">
        <div>
          <h1>{t('import.missing.title')}</h1>
          <p className="muted">{t('import.missing.intro')}</p>
        </div>
      </header>
      <div className="review-filters">
        <FondsFilter
          value={fondsId}
          onChange={(id) => {
            setOffset(0);
            navigate({ kind: 'missingCitations', fondsId: id });
          }}
          testId="missing-fonds"
        />
        <label>
          {t('import.missing.form')}{' '}
          <select
            value={form ?? ''}
            onChange={(e) => {
              setOffset(0);
              setForm(e.target.value === 'party' || e.target.value === 'state' ? e.target.value : undefined);
            }}
            data-testid="missing-form"
          >
            <option value="">{t('import.missing.allForms')}</option>
            <option value="party">{t('import.missing.form.party')}</option>
            <option value="state">{t('import.missing.form.state')}</option>
          </select>
        </label>
      </div>
      <ErrorBanner message={error} />
      {page && page.total === 0 ? <p className="muted">{t('import.missing.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <table className="data-table" data-testid="missing-citations">
          <thead>
            <tr>
              <th>{t('import.missing.number')}</th>
              <th>{t('import.missing.type')}</th>
              <th>{t('import.missing.dates')}</th>
              <th className="num">{t('import.missing.citing')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {page.items.map((m) => (
              <tr key={m.numberKey} data-testid="missing-citation" data-number={m.numberSymbol}>
                <td>
                  <strong>{m.numberSymbol}</strong>
                  <div className="muted">{t(`import.missing.form.${m.form}`)}</div>
                </td>
                <td>{m.docType ?? '—'}</td>
                <td>{m.citedDates.length > 0 ? m.citedDates.map(formatDate).join(', ') : '—'}</td>
                <td className="num" data-testid="missing-citing">
                  {m.citingDocuments}
                </td>
                <td className="nowrap">
                  <button type="button" className="link" onClick={() => navigate({ kind: 'document', documentId: m.exampleDocumentId })}>
                    {t('import.missing.example')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {page ? <Pager offset={offset} limit={PAGE} total={page.total} onPrev={() => setOffset(Math.max(0, offset - PAGE))} onNext={() => setOffset(offset + PAGE)} testId="missing-pager" /> : null}
    </section>
  );
}
