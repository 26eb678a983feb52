/**
 * Kiểm kê of one fonds, or of all the fonds an organization formed: statistics, the files missing
 * required data, and (for a fonds) the inventory exports.
 */
import { useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';
import { ErrorBanner } from '../common/ErrorBanner';
import { ExportButtons } from './ExportButtons';
import { InventoryCharts } from './InventoryCharts';
import { ProblemList } from './ProblemList';
import './handover.css';

export function InventoryView({ scope }: { scope: { fondsId: number } | { organizationId: number } }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);

  const fondsId = 'fondsId' in scope ? scope.fondsId : null;
  const organizationId = 'organizationId' in scope ? scope.organizationId : null;
  const inventory = useQuery('handover.inventory', fondsId !== null ? { fondsId } : { organizationId: organizationId! });
  const report = inventory.data;
  const error = inventory.message;

  return (
    <section className="view hv-view" data-testid="inventory-view">
      <header className="view-header">
        <div>
          <p className="eyebrow">
            {fondsId !== null ? (
              <button type="button" className="link" onClick={() => navigate({ kind: 'fonds', fondsId })}>
                {report ? report.scope.label : t('doc.fonds')}
              </button>
            ) : (
              <span>
                {report?.scope.label} · {report?.fonds.map((f) => f.code).join(', ')}
              </span>
            )}
          </p>
          <h1>{t('handover.inv.title')}</h1>
        </div>
        <div className="view-actions">
          <button type="button" onClick={() => navigate({ kind: 'handover' })} data-testid="inventory-to-handover">
            {t('handover.home.title')}
          </button>
        </div>
      </header>
      <ErrorBanner message={error} />
      {report ? (
        <>
          <InventoryCharts report={report} />
          <section className="panel hv-section">
            <ProblemList report={report} />
          </section>
          {fondsId !== null ? <ExportButtons scope={{ fondsId }} /> : null}
        </>
      ) : error ? null : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}
