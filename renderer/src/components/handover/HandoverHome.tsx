/** Bàn giao: every batch, sent or received, with a way to start one, receive one, or inventory a fonds. */
import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useCatalogueStore } from '../../stores/catalogueStore';
import { useT } from '../../i18n';
import { formatDate } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { NewBatchDialog } from './NewBatchDialog';
import './handover.css';

export function HandoverHome() {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const fonds = useCatalogueStore((s) => s.fonds);
  const list = useQuery('handover.batches.list', {});
  const batches = list.data;
  const error = list.message;
  const [creating, setCreating] = useState(false);

  return (
    <section className="view hv-view" data-testid="handover-home">
      <header className="view-header">
        <div>
          <h1>{t('handover.home.title')}</h1>
          <p className="muted">{t('handover.home.intro')}</p>
        </div>
        <div className="view-actions">
          <button type="button" onClick={() => navigate({ kind: 'handoverReceive' })} data-testid="hv-open-receive">
            {t('handover.home.receive')}
          </button>
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="hv-new-batch">
            + {t('handover.home.new')}
          </button>
        </div>
      </header>
      <ErrorBanner message={error} />
      {batches && batches.length > 0 ? (
        <table className="data-table" data-testid="hv-batches">
          <thead>
            <tr>
              <th>{t('handover.col.code')}</th>
              <th>{t('handover.col.direction')}</th>
              <th>{t('handover.col.from')}</th>
              <th>{t('handover.col.to')}</th>
              <th>{t('handover.col.status')}</th>
              <th className="num">{t('handover.col.files')}</th>
              <th className="num">{t('handover.col.documents')}</th>
              <th>{t('handover.col.date')}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id} data-testid={`hv-batch-row-${b.id}`}>
                <td className="nowrap">
                  <button type="button" className="link" onClick={() => navigate({ kind: 'handoverBatch', batchId: b.id })} data-testid={`hv-batch-link-${b.id}`}>
                    {b.code}
                  </button>
                </td>
                <td>{t(`handover.direction.${b.direction}`)}</td>
                <td>{b.fromOrganizationName}</td>
                <td>{b.toOrganizationName ?? '—'}</td>
                <td>
                  <span className={`hv-status hv-status-${b.status}`}>{t(`handover.status.${b.status}`)}</span>
                </td>
                <td className="num">{b.fileCount}</td>
                <td className="num">{b.documentCount}</td>
                <td>{formatDate(b.handoverDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : batches ? (
        <p className="muted" data-testid="hv-no-batches">
          {t('handover.home.empty')}
        </p>
      ) : null}

      <h2 className="section-title">{t('handover.home.inventories')}</h2>
      <ul className="hv-fonds-list">
        {fonds.map((f) => (
          <li key={f.id}>
            <button type="button" className="link" onClick={() => navigate({ kind: 'inventory', fondsId: f.id })} data-testid={`hv-inventory-${f.id}`}>
              {f.code} — {f.name}
            </button>
            <span className="muted"> · {t('handover.inv.filesDocs', { files: f.fileCount, documents: f.documentCount })}</span>
          </li>
        ))}
      </ul>
      <h2 className="section-title">{t('handover.home.orgInventories')}</h2>
      <ul className="hv-fonds-list">
        {[...new Map(fonds.map((f) => [f.organizationId, f.organizationName])).entries()].map(([id, name]) => (
          <li key={id}>
            <button type="button" className="link" onClick={() => navigate({ kind: 'orgInventory', organizationId: id })} data-testid={`hv-org-inventory-${id}`}>
              {name}
            </button>
          </li>
        ))}
      </ul>
      {creating ? <NewBatchDialog onClose={() => setCreating(false)} /> : null}
    </section>
  );
}
