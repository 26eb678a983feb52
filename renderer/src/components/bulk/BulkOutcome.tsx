/**
 * The part every dialog that runs a bulk action shares once it ran: why it failed, its report and
 * how many changes Undo took back (`prefix` names the test ids); and the dialog's own state of the
 * run — busy, finished, Undo (the views refreshed after it) and Close (refused while it runs).
 */
import { useT } from '../../i18n';
import { refreshAfterChange } from '../../stores/refresh';
import { ErrorBanner } from '../common/ErrorBanner';
import { BulkReport } from './BulkReport';
import type { useBulkRun } from './useBulkRun';

type BulkRun = ReturnType<typeof useBulkRun>;

export function BulkOutcome({ run, prefix, error }: { run: BulkRun; prefix: string; error: string | null }) {
  const t = useT();
  return (
    <>
      <ErrorBanner message={error} testId={`${prefix}-error`} />
      {run.result ? <BulkReport result={run.result} /> : null}
      {run.undone !== null ? (
        <p className="ok-text" role="status" data-testid={`${prefix}-undone`}>
          {t('bulk.undone', { n: run.undone.toLocaleString('vi-VN') })}
        </p>
      ) : null}
    </>
  );
}

export function useBulkDialog(run: BulkRun, onClose: () => void) {
  const busy = run.state === 'running';
  const finished = run.state === 'done' || run.state === 'cancelled';
  const undo = async () => {
    if (await run.undo()) await refreshAfterChange();
  };
  const close = () => {
    if (!busy) onClose();
  };
  return { busy, finished, undo, close };
}
