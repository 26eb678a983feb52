/** Sửa văn bản: the metadata an archivist confirms or corrects, and the file it belongs to. */
import { useEffect, useState } from 'react';
import type { DocumentDetail } from '@shared/contract/types';
import { call } from '../../api/client';
import { useDocumentStore } from '../../stores/documentStore';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { errorMessage } from '../../util/errors';
import { useFormSubmit } from '../../util/useFormSubmit';
import { withoutChangedErrors } from '../../util/forms';
import { ErrorBanner } from '../common/ErrorBanner';
import { FormFooter } from '../common/FormFooter';
import { Modal } from '../common/Modal';
import { DocumentFormFields } from './DocumentFormFields';
import { documentPatch, documentToForm, validateDocumentForm, type DocumentFormValues } from './documentForm';

export function DocumentEditDialog({ documentId, onClose }: { documentId: number; onClose(): void }) {
  const t = useT();
  const [original, setOriginal] = useState<DocumentDetail | null>(null);
  const [values, setValues] = useState<DocumentFormValues | null>(null);
  const { errors, setErrors, banner, setBanner, busy, submit: run } = useFormSubmit();

  useEffect(() => {
    call('documents.get', { id: documentId })
      .then((d) => {
        setOriginal(d);
        setValues(documentToForm(d));
      })
      .catch((err: unknown) => setBanner(errorMessage(err)));
  }, [documentId]);

  const submit = async () => {
    if (!original || !values) return;
    await run(validateDocumentForm(values, t), async () => {
      const patch = documentPatch(original, values);
      if (Object.keys(patch).length > 0) {
        await call('documents.update', { id: original.id, patch });
        await refreshAfterChange();
        if (useDocumentStore.getState().documentId === original.id) await useDocumentStore.getState().reload();
      }
      onClose();
    });
  };

  return (
    <Modal title={t('doc.editTitle')} onClose={onClose} testId="document-dialog" wide>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="modal-body">
          <ErrorBanner message={banner} />
          {original && values ? (
            <DocumentFormFields fondsId={original.fondsId} reviewFields={original.reviewFields} values={values} errors={errors} onChange={(next) => {
              setErrors((e) => withoutChangedErrors(e, values, next));
              setValues(next);
            }} />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </div>
        <FormFooter busy={busy || !original} onCancel={onClose} testId="document-form" />
      </form>
    </Modal>
  );
}
