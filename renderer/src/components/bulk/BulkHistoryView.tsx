/** Các thao tác hàng loạt gần đây: who did what to how many records, and undo of each (once). */
import { useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { formatDateTime } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import './bulk.css';

export function BulkHistoryView() {
  const t = useT();
  const list = useQuery('bulk.operations', { limit: 50 });
  const ops = list.data;
  const undoOp = useMutation('bulk.undo');
  const error = list.message ?? undoOp.error;
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const undo = async (id: number) => {
    setBusy(id);
    setNotice(null);
    const r = await undoOp.run({ operationId: id });
    if (r) {
      setNotice(t('bulk.undone', { n: r.restored.toLocaleString('vi-VN') }));
      await refreshAfterChange();
    }
    setBusy(null);
  };
  return (
    <section className="view" data-testid="bulk-history">
      <header className="view-header">
        <div>
          <h1>{t('bulk.history.title')}</h1>
          <p className="muted">{t('bulk.history.intro')}</p>
        </div>
      </header>
      <ErrorBanner message={error} />
      {notice ? (
        <p className="ok-text" role="status" data-testid="bulk-history-notice">
          {notice}
        </p>
      ) : null}
      {ops === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : ops.length === 0 ? (
        <p className="muted">{t('bulk.history.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('bulk.history.at')}</th>
              <th>{t('bulk.history.actor')}</th>
              <th>{t('bulk.history.action')}</th>
              <th className="num">{t('bulk.history.changed')}</th>
              <th className="num">{t('bulk.history.refused')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {ops.map((o) => (
              <tr key={o.id} data-testid={`bulk-op-${o.id}`}>
                <td className="nowrap">{formatDateTime(o.at)}</td>
                <td>{o.actor}</td>
                <td>{t(`bulk.op.${o.action}`)}</td>
                <td className="num">{o.changed.toLocaleString('vi-VN')}</td>
                <td className="num">{o.refused.toLocaleString('vi-VN')}</td>
                <td>
                  {o.undoneAt ? (
                    <span className="muted">{t('bulk.history.undone', { at: formatDateTime(o.undoneAt), by: o.undoneBy ?? '' })}</span>
                  ) : (
                    <button type="button" className="small" onClick={() => void undo(o.id)} disabled={busy !== null} data-testid={`bulk-op-undo-${o.id}`}>
                      {busy === o.id ? t('bulk.undoing') : t('bulk.undo')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
