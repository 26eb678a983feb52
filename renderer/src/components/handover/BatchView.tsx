/** Một đợt bàn giao: its steps, next action, package, particulars, files, statistics and forms. */
import { useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { useLocale, useT } from '../../i18n';
import { formatDateTime } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { BatchActions } from './BatchActions';
import { BatchFiles } from './BatchFiles';
import { BatchParticulars } from './BatchParticulars';
import { BatchStepper } from './BatchStepper';
import { ExportButtons } from './ExportButtons';
import { InventoryCharts } from './InventoryCharts';
import { ProblemList } from './ProblemList';
import { VerificationReportView } from './VerificationReportView';
import './handover.css';
import { nameAsShown } from '../../util/withheld';

export function BatchView({ batchId }: { batchId: number }) {
  const t = useT();
  const locale = useLocale();
  const navigate = useAppStore((s) => s.navigate);
  const batch = useQuery('handover.batches.get', { id: batchId });
  const detail = batch.data;
  const error = batch.message;
  const setDetail = batch.replace;
  const reload = async () => {
    await batch.reload();
  };

  if (!detail) return <section className="view">{error ? <ErrorBanner message={error} /> : <p className="muted">{t('common.loading')}</p>}</section>;
  const outgoing = detail.direction === 'outgoing';
  const editable = outgoing && (detail.status === 'draft' || detail.status === 'listed' || detail.status === 'packed');

  return (
    <section className="view hv-view" data-testid="hv-batch-view" data-status={detail.status}>
      <header className="view-header">
        <div>
          <p className="eyebrow">
            <button type="button" className="link" onClick={() => navigate({ kind: 'handover' })}>
              {t('handover.batch.eyebrow')}
            </button>{' '}
            · {t(`handover.direction.${detail.direction}`)} · {t(`handover.recipient.${detail.recipientKind}`)}
          </p>
          <h1 data-testid="hv-batch-title">
            {t('handover.col.code')} {detail.code}
          </h1>
          <p className="muted">{t('handover.batch.fromTo', { from: detail.fromOrganizationName, to: detail.toOrganizationName ?? '—' })}</p>
        </div>
        <span className={`hv-status hv-status-${detail.status}`} data-testid="hv-batch-status">
          {t(`handover.status.${detail.status}`)}
        </span>
      </header>
      <ErrorBanner message={error} />
      <BatchStepper status={detail.status} />
      <BatchActions detail={detail} onChange={setDetail} reload={reload} />

      {detail.package ? (
        <section className="panel hv-section" data-testid="hv-package">
          <h2 className="section-title">{t('handover.batch.package')}</h2>
          <dl className="summary-grid compact">
            <dt>{t('handover.batch.packagePath')}</dt>
            <dd className="break" data-testid="hv-package-path">
              {detail.package.path}
            </dd>
            <dt>{t('handover.batch.digest')}</dt>
            <dd className="hash">
              <code data-testid="hv-package-digest">{detail.package.digest}</code>
            </dd>
            <dt>{t('handover.batch.oxum')}</dt>
            <dd>{detail.package.payloadOxum}</dd>
          </dl>
          {detail.status === 'packed' && detail.changedSince.packed > 0 ? <p className="warn-text">{t('handover.batch.changedSince', { n: detail.changedSince.packed })}</p> : null}
        </section>
      ) : null}

      {detail.receipt ? (
        <section className="panel hv-section" data-testid="hv-receipt">
          <h2 className="section-title">{t('handover.batch.receipt')}</h2>
          <p className="ok-text">{t('handover.batch.receiptLine', { at: formatDateTime(detail.receipt.receivedAt), by: detail.receipt.receivedBy })}</p>
          {detail.receipt.note ? <p className="muted break">{detail.receipt.note}</p> : null}
        </section>
      ) : null}

      {!outgoing && detail.verification ? (
        <section className="panel hv-section">
          <h2 className="section-title">{t('handover.batch.verification')}</h2>
          <VerificationReportView report={detail.verification} />
        </section>
      ) : null}

      <BatchParticulars detail={detail} editable={editable} onSaved={setDetail} />
      <BatchFiles detail={detail} onChange={setDetail} />

      {detail.secretConfirmations.length > 0 ? (
        <section className="panel hv-section" data-testid="hv-secrets">
          <h2 className="section-title secret-text">{t('handover.batch.secrets')}</h2>
          <ul className="plain-list">
            {detail.secretConfirmations.map((c) => (
              <li key={c.documentId}>
                {t('handover.batch.secretLine', { number: c.numberSymbol ?? `#${c.documentId}`, level: t(`security.${c.securityLevel}`), by: c.confirmedBy, at: formatDateTime(c.confirmedAt), reason: nameAsShown(c.reason, locale) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="panel hv-section">
        <InventoryCharts report={detail.inventory} />
        <ProblemList report={detail.inventory} />
      </section>
      <ExportButtons scope={{ batchId: detail.id }} />
    </section>
  );
}
