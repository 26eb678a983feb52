/** An import job's state, progress bar and counts (imported, duplicate, failed) and its error. */
import type { JobStatus } from '@shared/contract/types';
import { useLocale, useT } from '../../i18n';
import { jobErrorText } from '../../util/errors';

/** `testPrefix` names the test ids (`import-state`, `register-count-failed`…). */
export function JobCounts({ status, testPrefix }: { status: JobStatus; testPrefix: string }) {
  const t = useT();
  const locale = useLocale();
  const progress = t('import.progress', { processed: status.processed, total: status.total });
  return (
    <>
      <div className="progress-head">
        <strong data-testid={`${testPrefix}-state`}>{t(`import.state.${status.state}`)}</strong>
        <span data-testid={`${testPrefix}-progress-count`}>{status.counting ? t('import.counting', { n: status.total }) : progress}</span>
      </div>
      <progress max={Math.max(1, status.total)} value={status.processed} aria-label={progress} />
      <div className="progress-counts">
        <span className="ok-text" data-testid={`${testPrefix}-count-imported`}>
          {t('import.imported', { n: status.imported })}
        </span>
        <span className="warn-text" data-testid={`${testPrefix}-count-duplicates`}>
          {t('import.duplicates', { n: status.duplicates })}
        </span>
        <span className="error-text" data-testid={`${testPrefix}-count-failed`}>
          {t('import.failed', { n: status.failed })}
        </span>
      </div>
      {status.error ? <p className="error-banner">{jobErrorText(status, locale)}</p> : null}
    </>
  );
}
