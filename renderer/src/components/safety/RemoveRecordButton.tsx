/** "Gỡ bỏ" on a document or a file: asks for the reason; nothing is deleted and it can be restored. */
import { type FormEvent, useState } from 'react';
import { useMutation } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { fieldErrors } from '../../util/errors';
import { formatDateTime } from '../../util/format';
import { ErrorBanner } from '../common/ErrorBanner';
import { Field, invalidProps } from '../common/Field';
import { FormFooter } from '../common/FormFooter';
import { Modal } from '../common/Modal';
import './safety.css';

export function RemoveRecordButton({ kind, id, fondsId }: { kind: 'document' | 'file'; id: number; fondsId: number }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const removeDocument = useMutation('documents.remove');
  const removeFile = useMutation('files.remove');
  const remove = kind === 'document' ? removeDocument : removeFile;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await remove.run({ id, reason })) === null) return;
    setOpen(false);
    setReason('');
    if (kind === 'file') navigate({ kind: 'fonds', fondsId });
    await refreshAfterChange();
  };
  const error = fieldErrors(remove.failure)?.reason ?? null;
  return (
    <>
      <button type="button" className="danger-outline" onClick={() => setOpen(true)} data-testid={`remove-${kind}`}>
        {t(kind === 'document' ? 'safety.remove.document' : 'safety.remove.file')}
      </button>
      {open ? (
        <Modal title={t(kind === 'document' ? 'safety.remove.titleDocument' : 'safety.remove.titleFile')} onClose={() => setOpen(false)} testId="remove-dialog">
          <form onSubmit={(e) => void submit(e)}>
            <div className="modal-body">
              <p className="muted">{t('safety.remove.explain')}</p>
              <Field id="remove-reason" label={t('safety.remove.reason')} required error={error} wide>
                <textarea id="remove-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="remove-reason" {...invalidProps('remove-reason', error)} />
              </Field>
              <ErrorBanner message={error ? null : remove.error} />
            </div>
            <FormFooter busy={remove.busy} onCancel={() => setOpen(false)} submitLabel={t('safety.remove.submit')} testId="remove-dialog" />
          </form>
        </Modal>
      ) : null}
    </>
  );
}

/** Shown on a removed document: who removed it, when, why, and (unless destroyed) "Khôi phục". */
export function RemovedBanner({ documentId, removal }: { documentId: number; removal: { at: string; by: string; reason: string; withFileId: number | null; destructionDecisionId: number | null } }) {
  const t = useT();
  const restore = useMutation('documents.restore');
  return (
    <div className="safety-removed-banner" role="status" data-testid="removed-banner">
      <span>{t('safety.remove.banner', { at: formatDateTime(removal.at), by: removal.by, reason: removal.reason })}</span>
      {removal.destructionDecisionId === null ? (
        <button type="button" className="small" disabled={restore.busy} onClick={() => void restore.run({ id: documentId }).then((r) => r && refreshAfterChange())} data-testid="removed-banner-restore">
          {t('safety.remove.restore')}
        </button>
      ) : null}
      <ErrorBanner message={restore.error} />
    </div>
  );
}
