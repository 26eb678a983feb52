/**
 * The footer of a dialog that runs a bulk action: Undo once it is done, Stop while its job runs,
 * Close when it is over, else Cancel and the submit button. `prefix` names the test ids.
 */
import { useT } from '../../i18n';
import type { useBulkRun } from './useBulkRun';

interface Props {
  run: ReturnType<typeof useBulkRun>;
  prefix: string;
  submitLabel: string;
  canSubmit: boolean;
  onUndo(): void;
  onClose(): void;
}

export function BulkFooter({ run, prefix, submitLabel, canSubmit, onUndo, onClose }: Props) {
  const t = useT();
  const busy = run.state === 'running';
  const finished = run.state === 'done' || run.state === 'cancelled';
  return (
    <footer className="modal-footer">
      {run.state === 'done' && run.result?.operationId && run.undone === null ? (
        <button type="button" onClick={onUndo} disabled={run.undoing} data-testid={`${prefix}-undo`}>
          {run.undoing ? t('bulk.undoing') : t('bulk.undo')}
        </button>
      ) : null}
      {busy && run.job ? (
        <button type="button" onClick={() => void run.cancel()} data-testid={`${prefix}-cancel`}>
          {t('bulk.job.cancel')}
        </button>
      ) : null}
      {finished || run.state === 'failed' ? (
        <button type="button" className="primary" onClick={onClose} data-testid={`${prefix}-close`}>
          {t('common.close')}
        </button>
      ) : (
        <>
          <button type="button" onClick={onClose} disabled={busy} data-testid={`${prefix}-cancel-dialog`}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !canSubmit} data-testid={`${prefix}-submit`}>
            {busy ? t('bulk.running') : submitLabel}
          </button>
        </>
      )}
    </footer>
  );
}
