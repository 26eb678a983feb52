/** The job's progress bar and counts, with "Hủy" while it runs. */
import type { JobStatus } from '@shared/contract/types';
import { useImportStore } from '../../stores/importStore';
import { useT } from '../../i18n';
import { JobCounts } from './JobCounts';

export function ImportProgress({ status }: { status: JobStatus }) {
  const t = useT();
  const cancel = useImportStore((s) => s.cancel);
  const running = status.state === 'running';
  return (
    <div className="import-progress" data-testid="import-progress" data-state={status.state}>
      <JobCounts status={status} testPrefix="import" />
      {running ? (
        <button type="button" onClick={() => void cancel()} data-testid="import-cancel">
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}
