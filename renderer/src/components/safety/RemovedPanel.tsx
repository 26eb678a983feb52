/** Bản ghi đã gỡ bỏ: who removed what, when and why, with "Khôi phục". */
import type { RemovedRecord } from '@shared/contract/types/safety';
import { useMutation, useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { formatDateTime } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';

export function RemovedPanel() {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const list = useQuery('removed.list', { limit: 500 });
  const restoreDocument = useMutation('documents.restore');
  const restoreFile = useMutation('files.restore');
  const undo = async (r: RemovedRecord) => {
    const restored = r.kind === 'document' ? await restoreDocument.run({ id: r.id }) : await restoreFile.run({ id: r.id });
    if (restored !== null) await refreshAfterChange();
  };
  const restore = { busy: restoreDocument.busy || restoreFile.busy, error: restoreDocument.error ?? restoreFile.error };
  const page = list.data;
  return (
    <section className="panel" aria-labelledby="safety-removed-title">
      <h2 id="safety-removed-title" className="section-title">
        {t('safety.removed.title')}
      </h2>
      <p className="muted">{t('safety.removed.hint')}</p>
      <ErrorBanner message={list.message ?? restore.error} />
      {page && page.total === 0 ? <p className="muted">{t('safety.removed.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <table className="data-table" data-testid="removed-table">
          <thead>
            <tr>
              <th>{t('safety.removed.kind')}</th>
              <th>{t('safety.removed.record')}</th>
              <th>{t('safety.removed.by')}</th>
              <th>{t('safety.removed.reason')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {page.items.map((r) => (
              <tr key={`${r.kind}-${r.id}`} data-testid={`removed-${r.kind}-${r.id}`}>
                <td className="nowrap">{t(`safety.removed.kind.${r.kind}`)}</td>
                <td>
                  {r.kind === 'document' ? (
                    <button type="button" className="link" onClick={() => navigate({ kind: 'document', documentId: r.id })}>
                      {r.reference ?? `#${r.id}`}
                    </button>
                  ) : (
                    <span className="code">{r.reference}</span>
                  )}{' '}
                  {r.title}
                  <div className="muted small">
                    {r.fondsCode}
                    {r.removal.withFileId !== null && r.kind === 'document' ? ` · ${t('safety.removed.withFile')}` : ''}
                    {r.kind === 'file' && r.documentCount > 0 ? ` · ${t('safety.removed.documentsWith', { n: r.documentCount })}` : ''}
                  </div>
                </td>
                <td className="nowrap">
                  {r.removal.by}
                  <div className="muted small">{formatDateTime(r.removal.at)}</div>
                </td>
                <td>{r.removal.reason}</td>
                <td className="nowrap">
                  {r.removal.destructionDecisionId !== null ? (
                    <span className="muted">{t('safety.removed.destroyed')}</span>
                  ) : r.removal.withFileId !== null && r.kind === 'document' ? null : (
                    <button type="button" className="small" onClick={() => void undo(r)} disabled={restore.busy} data-testid={`restore-${r.kind}-${r.id}`}>
                      {t('safety.removed.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {page && page.hiddenSecret > 0 ? <p className="muted">{t('safety.removed.hiddenSecret', { n: page.hiddenSecret })}</p> : null}
    </section>
  );
}
