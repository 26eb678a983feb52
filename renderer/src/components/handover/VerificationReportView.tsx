/** A package's check: valid or not, what it holds, and each problem found (missing, changed, extra, unsafe…). */
import type { VerificationReport } from '@shared/contract/types/handover';
import { useLocale, useT } from '../../i18n';
import { textOf } from '../../util/errors';

export function VerificationReportView({ report }: { report: VerificationReport }) {
  const t = useT();
  const locale = useLocale();
  const c = report.contents;
  return (
    <div className={`hv-report ${report.valid ? 'hv-report-ok' : 'hv-report-bad'}`} data-testid="hv-report" data-valid={report.valid}>
      <h3 className={report.valid ? 'ok-text' : 'error-text'} data-testid="hv-report-verdict">
        {report.valid ? `✓ ${t('handover.recv.valid')}` : `✗ ${t('handover.recv.invalid')}`}
      </h3>
      <p className="muted break">{report.source}</p>
      <p>{t('handover.recv.files', { files: report.payloadFiles, mb: (report.payloadBytes / (1024 * 1024)).toFixed(2) })}</p>
      {c ? (
        <>
          <p data-testid="hv-report-contents">{t('handover.recv.contents', { fonds: c.fondsCodes.join(', '), files: c.files, documents: c.documents, attachments: c.attachments })}</p>
          {c.from ? <p>{t('handover.recv.fromTo', { from: c.from, to: c.to ?? '—' })}</p> : null}
        </>
      ) : null}
      {report.digest ? (
        <p className="hash">
          {t('handover.batch.digest')}: <code>{report.digest}</code>
        </p>
      ) : null}
      {!report.valid ? (
        <>
          <p className="error-text" data-testid="hv-report-counts">
            {t('handover.recv.counts', { ...report.counts })}
          </p>
          <h4>{t('handover.recv.problemsTitle')}</h4>
          <ul className="hv-problem-list" data-testid="hv-report-problems">
            {report.problems.map((p, i) => (
              <li key={i} data-kind={p.kind}>
                <code>{p.kind}</code> {textOf(p, locale)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.expectedDigest?.matches ? (
        <p className="ok-text" data-testid="hv-report-digest">
          {t(report.expectedDigest.source === 'given' ? 'handover.recv.digestGiven' : 'handover.recv.digestRecorded')}
        </p>
      ) : null}
      {report.alreadyHeld.length + (report.alreadyHeldSecret ?? 0) > 0 ? <p className="warn-text">{t('handover.recv.held', { n: report.alreadyHeld.length + (report.alreadyHeldSecret ?? 0) })}</p> : null}
      {report.alreadyReceivedBatchId !== null ? <p className="warn-text">{t('handover.recv.already')}</p> : null}
    </div>
  );
}
