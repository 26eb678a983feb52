/** Progress of a background job: what it is doing, files and megabytes done, and "Hủy" while it can still stop. */
import type { JobStatus } from '@shared/contract/types';
import { useLocale, useT } from '../../i18n';
import { jobErrorText, jobPhaseText } from '../../util/errors';
import './jobProgress.css';

const mb = (bytes: number | undefined) => ((bytes ?? 0) / (1024 * 1024)).toFixed(1);

export function JobProgress({ status, onCancel, testId }: { status: JobStatus; onCancel(): void; testId: string }) {
  const t = useT();
  const locale = useLocale();
  const phase = jobPhaseText(status, locale);
  const failure = jobErrorText(status, locale);
  const running = status.state === 'running';
  const byBytes = (status.bytesTotal ?? 0) > 0;
  const max = byBytes ? status.bytesTotal! : Math.max(1, status.total);
  const value = byBytes ? (status.bytesProcessed ?? 0) : status.processed;
  return (
    <div className="job-progress" data-testid={testId} data-state={status.state}>
      <div className="job-progress-head">
        <strong data-testid={`${testId}-state`}>{t(`job.${status.state}`)}</strong>
        {phase ? <span className="muted">{phase}</span> : null}
      </div>
      <progress max={max} value={running ? value : max} aria-label={phase ?? t(`job.${status.state}`)} />
      <div className="job-progress-counts muted">
        <span>{t('job.progress', { processed: status.processed, total: status.total })}</span>
        {byBytes ? <span>{t('job.bytes', { done: mb(status.bytesProcessed), total: mb(status.bytesTotal) })}</span> : null}
      </div>
      {failure ? <p className="error-banner">{failure}</p> : null}
      {running && status.cancellable !== false ? (
        <button type="button" onClick={onCancel} data-testid={`${testId}-cancel`}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}
