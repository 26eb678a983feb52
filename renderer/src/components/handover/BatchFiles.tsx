/** The files of a batch, with adding, removing and box numbering while that is still allowed. */
import { useState } from 'react';
import type { BatchDetail } from '@shared/contract/types/handover';
import { useMutation } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useLocale, useT } from '../../i18n';
import { errorMessage } from '../../util/errors';
import { formatDate, orDash, retentionLabel } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { AddFilesDialog } from './AddFilesDialog';

const PAGE = 100;

export function BatchFiles({ detail, onChange }: { detail: BatchDetail; onChange(d: BatchDetail): void }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useAppStore((s) => s.navigate);
  const [adding, setAdding] = useState(false);
  const [perBox, setPerBox] = useState('10');
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const assignBoxes = useMutation('handover.batches.assignBoxes');
  const removeFiles = useMutation('handover.batches.removeFiles');
  const outgoing = detail.direction === 'outgoing';
  const draft = outgoing && detail.status === 'draft';
  const boxing = outgoing && (detail.status === 'draft' || detail.status === 'listed');
  const shown = detail.files.slice(page * PAGE, (page + 1) * PAGE);

  const act = async (fn: () => Promise<BatchDetail>) => {
    setError(null);
    try {
      onChange(await fn());
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="panel hv-section" data-testid="hv-files">
      <div className="hv-section-head">
        <h2 className="section-title">{t('handover.batch.files', { n: detail.files.length })}</h2>
        <div className="view-actions">
          {boxing ? (
            <span className="hv-inline">
              <label htmlFor="hv-per-box">{t('handover.batch.filesPerBox')}</label>
              <input id="hv-per-box" className="hv-narrow" inputMode="numeric" value={perBox} onChange={(e) => setPerBox(e.target.value)} />
              <button
                type="button"
                onClick={() => void act(() => assignBoxes.send({ batchId: detail.id, filesPerBox: Math.max(1, Number(perBox) || 1) }))}
                data-testid="hv-assign-boxes"
              >
                {t('handover.batch.assignBoxes')}
              </button>
            </span>
          ) : null}
          {draft ? (
            <button type="button" onClick={() => setAdding(true)} data-testid="hv-add-files">
              + {t('handover.batch.addFiles')}
            </button>
          ) : null}
        </div>
      </div>
      <ErrorBanner message={error} testId="hv-files-error" />
      {detail.files.length === 0 ? (
        <p className="muted">{t('handover.batch.noFiles')}</p>
      ) : (
        <table className="data-table" data-testid="hv-files-table">
          <thead>
            <tr>
              <th>{t('file.codeShort')}</th>
              <th>{t('file.title')}</th>
              <th>{t('file.dates')}</th>
              <th>{t('file.retention')}</th>
              <th>{t('file.box')}</th>
              <th className="num">{t('file.documents')}</th>
              <th>{t('file.handover')}</th>
              {draft ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={f.id} data-testid={`hv-file-${f.id}`}>
                <td className="nowrap">
                  <button type="button" className="link" onClick={() => navigate({ kind: 'file', fileId: f.id })}>
                    {f.code}
                  </button>
                </td>
                <td className="col-title">{f.title}</td>
                <td className="nowrap">{f.startDate || f.endDate ? `${formatDate(f.startDate)} – ${formatDate(f.endDate)}` : <span className="warn-text">{t('common.notSet')}</span>}</td>
                <td className={f.retention ? '' : 'warn-text'}>{retentionLabel(f.retention, locale) ?? t('common.notSet')}</td>
                <td>{orDash(f.box)}</td>
                <td className="num">{f.documentCount}</td>
                <td>{t(`handover.${f.handoverStatus}`)}</td>
                {draft ? (
                  <td className="nowrap">
                    <button type="button" className="link" onClick={() => void act(() => removeFiles.send({ batchId: detail.id, fileIds: [f.id] }))}>
                      {t('handover.batch.removeFile')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail.files.length > PAGE ? (
        <div className="pager">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('common.prevPage')}
          </button>
          <span className="pager-range">{t('common.range', { from: page * PAGE + 1, to: Math.min(detail.files.length, (page + 1) * PAGE), total: detail.files.length })}</span>
          <button type="button" disabled={(page + 1) * PAGE >= detail.files.length} onClick={() => setPage(page + 1)}>
            {t('common.nextPage')}
          </button>
        </div>
      ) : null}
      {adding ? <AddFilesDialog batchId={detail.id} onClose={() => setAdding(false)} onAdded={onChange} /> : null}
    </section>
  );
}
