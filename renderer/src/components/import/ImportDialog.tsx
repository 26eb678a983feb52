/** Nhập tài liệu: choose target and files, watch the job, then see what happened to each file. */
import { useEffect } from 'react';
import { useImportStore } from '../../stores/importStore';
import { useT } from '../../i18n';
import { ErrorBanner } from '../common/ErrorBanner';
import { Modal } from '../common/Modal';
import { ImportForm } from './ImportForm';
import { ImportProgress } from './ImportProgress';
import { ImportResults } from './ImportResults';

interface Props {
  fondsId: number | undefined;
  fileId: number | null | undefined;
  onClose(): void;
}

export function ImportDialog({ fondsId, fileId, onClose }: Props) {
  const t = useT();
  const phase = useImportStore((s) => s.phase);
  const status = useImportStore((s) => s.status);
  const error = useImportStore((s) => s.error);
  const reset = useImportStore((s) => s.reset);
  const sent = useImportStore((s) => s.sent);

  // A finished job's results stay until the dialog is closed; a running one keeps going.
  useEffect(() => {
    if (useImportStore.getState().phase === 'finished') reset();
  }, [reset]);

  const close = () => {
    if (useImportStore.getState().phase === 'finished') reset();
    onClose();
  };

  return (
    <Modal title={t('import.title')} onClose={close} testId="import-dialog" wide>
      <div className="modal-body">
        {phase === 'idle' || phase === 'reading' ? (
          <ImportForm initialFondsId={fondsId} initialFileId={fileId ?? null} reading={phase === 'reading'} />
        ) : (
          <>
            {phase === 'running' && error ? <ErrorBanner message={error} /> : null}
            {sent && phase === 'running' && sent.sent < sent.total ? (
              <p className="muted" data-testid="import-sent">
                {t('intake.sent', { sent: sent.sent.toLocaleString('vi-VN'), total: sent.total.toLocaleString('vi-VN') })}
              </p>
            ) : null}
            {phase === 'finished' && error && status ? <ErrorBanner message={error} /> : null}
            {status ? <ImportProgress status={status} /> : <p className="muted">{t('import.state.running')}</p>}
            {phase === 'finished' && status ? <ImportResults status={status} onOpen={close} /> : null}
            {phase === 'finished' && !status ? <ErrorBanner message={error} /> : null}
          </>
        )}
      </div>
      {phase === 'finished' ? (
        <footer className="modal-footer">
          <button type="button" onClick={reset} data-testid="import-again">
            {t('import.again')}
          </button>
          <button type="button" className="primary" onClick={close} data-testid="import-close">
            {t('common.close')}
          </button>
        </footer>
      ) : null}
    </Modal>
  );
}
