/**
 * The statistics of an inventory at a glance: totals, a bar per retention period, the handover
 * progress and the completion split as stacked bars, documents by security level, files by box.
 * Plain SVG and CSS; every figure is also written as text beside its bar.
 */
import type { HandoverStatus } from '@shared/contract/types';
import type { InventoryReport, Tally } from '@shared/contract/types/handover';
import { useLocale, useT } from '../../i18n';
import { formatDate } from '../../util/format';

const HANDOVER_ORDER: HandoverStatus[] = ['not_started', 'listed', 'packed', 'handed_over', 'received'];
const MAX_BOXES_SHOWN = 60;

/** One labelled horizontal bar. */
function Bar({ label, value, max, tone, detail, testId }: { label: string; value: number; max: number; tone: string; detail: string; testId?: string }) {
  const pct = max > 0 ? (value / max) * 100 : 0;
  return (
    <div className="hv-bar-row" data-testid={testId}>
      <span className="hv-bar-label">{label}</span>
      <svg className="hv-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={`${label}: ${detail}`}>
        <rect x="0" y="0" width="100" height="10" className="hv-bar-track" />
        <rect x="0" y="0" width={pct} height="10" className={`hv-bar-fill hv-tone-${tone}`} />
      </svg>
      <span className="hv-bar-value">{detail}</span>
    </div>
  );
}

/** Parts of a whole side by side in one bar, with a legend. */
function Stacked({ parts, testId }: { parts: Array<{ key: string; label: string; value: number; tone: string }>; testId: string }) {
  const total = parts.reduce((s, p) => s + p.value, 0);
  return (
    <div data-testid={testId}>
      <div className="hv-stack" role="img" aria-label={parts.map((p) => `${p.label}: ${p.value}`).join('; ')}>
        {parts
          .filter((p) => p.value > 0)
          .map((p) => (
            <span key={p.key} className={`hv-stack-part hv-tone-${p.tone}`} style={{ flexGrow: p.value }} title={`${p.label}: ${p.value}`} />
          ))}
        {total === 0 ? <span className="hv-stack-part hv-stack-empty" style={{ flexGrow: 1 }} /> : null}
      </div>
      <ul className="hv-legend">
        {parts.map((p) => (
          <li key={p.key}>
            <span className={`hv-swatch hv-tone-${p.tone}`} aria-hidden="true" />
            {p.label}: <strong>{p.value}</strong>
            {total > 0 ? <span className="muted"> ({Math.round((p.value / total) * 100)}%)</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function InventoryCharts({ report }: { report: InventoryReport }) {
  const t = useT();
  const locale = useLocale();
  const tot = report.totals;
  const fd = (x: Tally) => t('handover.inv.filesDocs', { files: x.files, documents: x.documents });
  const maxRetention = Math.max(1, ...report.byRetention.map((r) => r.files));
  const maxSecurity = Math.max(1, report.bySecurity.none, report.bySecurity.mat, report.bySecurity.toi_mat, report.bySecurity.tuyet_mat);
  const span = report.dateSpan.start || report.dateSpan.end ? `${formatDate(report.dateSpan.start)} – ${formatDate(report.dateSpan.end)}` : t('common.notSet');
  const cards: Array<[string, string | number, string]> = [
    ['files', tot.files, t('handover.inv.files')],
    ['documents', tot.documents, t('handover.inv.documents')],
    ['sheets', tot.sheets, t('handover.inv.sheets')],
    ['boxes', tot.boxes, t('handover.inv.boxes')],
    ['unfiled', tot.unfiledDocuments, t('handover.inv.unfiled')],
    ['review', tot.documentsNeedingReview, t('handover.inv.review')],
  ];
  const boxes = report.byBox.slice(0, MAX_BOXES_SHOWN);

  return (
    <div className="hv-charts" data-testid="hv-charts">
      <div className="hv-cards">
        {cards.map(([key, value, label]) => (
          <div key={key} className="hv-card" data-testid={`hv-total-${key}`}>
            <span className="hv-card-value">{value}</span>
            <span className="hv-card-label">{label}</span>
          </div>
        ))}
        <div className="hv-card hv-card-wide" data-testid="hv-total-span">
          <span className="hv-card-value">{span}</span>
          <span className="hv-card-label">{t('handover.inv.span')}</span>
        </div>
      </div>
      {tot.filesWithoutSheetCount > 0 ? <p className="muted">{t('handover.inv.noSheets', { n: tot.filesWithoutSheetCount })}</p> : null}

      <div className="hv-chart-grid">
        <section className="panel">
          <h3 className="section-title">{t('handover.inv.byRetention')}</h3>
          {report.byRetention.map((r) => (
            <Bar
              key={r.code ?? 'none'}
              label={r.code === null ? t('handover.inv.noRetention') : locale === 'vi' ? r.labelVi : r.labelEn}
              value={r.files}
              max={maxRetention}
              tone={r.retentionClass ?? 'none'}
              detail={fd(r)}
              testId={`hv-retention-${r.code ?? 'none'}`}
            />
          ))}
          {report.byRetention.length === 0 ? <p className="muted">{t(report.scope.kind === 'batch' ? 'handover.batch.noFiles' : 'fonds.noFiles')}</p> : null}
        </section>

        <section className="panel">
          <h3 className="section-title">{t('handover.inv.byHandover')}</h3>
          <Stacked
            testId="hv-handover-progress"
            parts={HANDOVER_ORDER.map((s, i) => ({ key: s, label: t(`handover.${s}`), value: report.byHandover[s].files, tone: `step${i}` }))}
          />
          <h3 className="section-title">{t('handover.inv.byCompletion')}</h3>
          <Stacked
            testId="hv-completion"
            parts={[
              { key: 'completed', label: t('file.completion.completed'), value: report.byCompletion.completed.files, tone: 'ok' },
              { key: 'unfinished', label: t('file.completion.unfinished'), value: report.byCompletion.unfinished.files, tone: 'warn' },
              { key: 'none', label: t('common.notSet'), value: report.byCompletion.none.files, tone: 'none' },
            ]}
          />
        </section>

        <section className="panel">
          <h3 className="section-title">{t('handover.inv.bySecurity')}</h3>
          <Bar label={t('handover.inv.notSecret')} value={report.bySecurity.none} max={maxSecurity} tone="none" detail={String(report.bySecurity.none)} />
          {(['mat', 'toi_mat', 'tuyet_mat'] as const).map((level) => (
            <Bar key={level} label={t(`security.${level}`)} value={report.bySecurity[level]} max={maxSecurity} tone="secret" detail={String(report.bySecurity[level])} testId={`hv-security-${level}`} />
          ))}
        </section>

        <section className="panel">
          <h3 className="section-title">{t('handover.inv.byBox')}</h3>
          <ul className="hv-boxes" data-testid="hv-boxes">
            {boxes.map((b) => (
              <li key={b.box ?? 'none'} className={b.box === null ? 'hv-box hv-box-none' : 'hv-box'}>
                <strong>{b.box ?? t('handover.inv.unboxed')}</strong>
                <span className="muted">{fd(b)}</span>
              </li>
            ))}
          </ul>
          {report.byBox.length > MAX_BOXES_SHOWN ? <p className="muted">… {report.byBox.length - MAX_BOXES_SHOWN}</p> : null}
        </section>
      </div>
    </div>
  );
}
