/** A page of documents (of a file, or unfiled in a fonds): number-symbol, date, type, subject. */
import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';
import { formatDate, orDash } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { Pager } from '../common/Pager';
// Selection and bulk actions
import { SelectionBar } from '../bulk/SelectionBar';
import { useListSelection } from '../bulk/useListSelection';

const LIMIT = 100;

type Query = { fileId: number } | { fondsId: number; unfiled: true };

/** `fondsId`: the fonds of the file listed (its files are offered as targets of a move). */
export function DocumentsTable({ query, emptyText, fondsId }: { query: Query; emptyText: string; fondsId?: number }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const [offset, setOffset] = useState(0);
  const key = JSON.stringify(query);
  const list = useQuery('documents.list', { ...query, offset, limit: LIMIT }, { keepPrevious: true });
  const page = list.data;
  const error = list.message;
  const fondsOfList = 'fondsId' in query ? query.fondsId : (fondsId ?? null);
  const pageIds = page?.items.map((d) => d.id) ?? [];
  const select = useListSelection({ scope: `documents:${key}`, target: 'documents', fondsId: fondsOfList }, pageIds);

  if (error) return <ErrorBanner message={error} />;
  if (!page) return <p className="muted">{t('common.loading')}</p>;
  if (page.total === 0) {
    return (
      <p className="muted" data-testid="no-documents">
        {emptyText}
      </p>
    );
  }
  return (
    <>
      <SelectionBar query={{ target: 'documents', query: { kind: 'list', ...(JSON.parse(key) as Query) } }} total={page.total} page={pageIds} />
      <table className="data-table" data-testid="documents-table">
        <thead>
          <tr>
            <th className="col-check">{select.pageCheckbox()}</th>
            <th>{t('doc.numberSymbol')}</th>
            <th>{t('doc.issueDate')}</th>
            <th>{t('doc.type')}</th>
            <th>{t('doc.subject')}</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((d) => (
            <tr key={d.id} data-testid={`document-row-${d.id}`} {...select.rowProps(d.id)}>
              <td className="col-check">{select.checkbox(d.id, d.numberSymbol ?? t('doc.untitled'))}</td>
              <td className="nowrap">
                <button type="button" className="link" onClick={() => navigate({ kind: 'document', documentId: d.id })} data-testid={`document-link-${d.id}`}>
                  {d.numberSymbol ?? t('doc.untitled')}
                </button>
                {d.reviewFields.length > 0 ? <span className="dot-review" title={t('doc.reviewSummary', { n: d.reviewFields.length })} /> : null}
              </td>
              <td className="nowrap">{formatDate(d.issueDate)}</td>
              <td>{orDash(d.docType)}</td>
              <td className="col-title">{orDash(d.subject)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager offset={offset} limit={LIMIT} total={page.total} onPrev={() => setOffset(Math.max(0, offset - LIMIT))} onNext={() => setOffset(offset + LIMIT)} />
    </>
  );
}
