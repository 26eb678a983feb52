/** The job's progress bar and counts, with "Hủy" while it runs. */
import type { JobStatus } from '@shared/contract/types';
import { useImportStore } from '../../stores/importStore';
import { useT } from '../../i18n';

export function ImportProgress({ status }: { status: JobStatus }) {
  const t = useT();
  const cancel = useImportStore((s) => s.cancel);
  const running = status.state === 'running';
  return (
    <div className="import-progress" data-testid="import-progress" data-state={status.state}>
      <div className="progress-head">
        <strong data-testid="import-state">{t(`import.state.${status.state}`)}</strong>
        <span data-testid="import-progress-count">
          {status.counting ? t('import.counting', { n: status.total }) : t('import.progress', { processed: status.processed, total: status.total })}
        </span>
      </div>
      <progress max={Math.max(1, status.total)} value={status.processed} aria-label={t('import.progress', { processed: status.processed, total: status.total })} />
      <div className="progress-counts">
        <span className="ok-text" data-testid="import-count-imported">
          {t('import.imported', { n: status.imported })}
        </span>
        <span className="warn-text" data-testid="import-count-duplicates">
          {t('import.duplicates', { n: status.duplicates })}
        </span>
        <span className="error-text" data-testid="import-count-failed">
          {t('import.failed', { n: status.failed })}
        </span>
      </div>
      {status.error ? <p className="error-banner">{status.error}</p> : null}
      {running ? (
        <button type="button" onClick={() => void cancel()} data-testid="import-cancel">
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}
