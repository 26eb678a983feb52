/** Sửa văn bản: the metadata an archivist confirms or corrects, and the file it belongs to. */
import { useEffect, useState } from 'react';
import type { DocumentDetail } from '@shared/contract/types';
import { useMutation, useQuery } from '../../api/hooks';
import { useDocumentStore } from '../../stores/documentStore';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { useFormSubmit } from '../../util/useFormSubmit';
import { withoutChangedErrors } from '../../util/forms';
import { FormDialog } from '../common/FormDialog';
import { DocumentFormFields } from './DocumentFormFields';
import { documentPatch, documentToForm, validateDocumentForm, type DocumentFormValues } from './documentForm';

export function DocumentEditDialog({ documentId, onClose }: { documentId: number; onClose(): void }) {
  const t = useT();
  const [original, setOriginal] = useState<DocumentDetail | null>(null);
  const [values, setValues] = useState<DocumentFormValues | null>(null);
  const { errors, setErrors, banner, busy, submit: run } = useFormSubmit();
  // Read once: the form is the user's while it is open, and is not reset behind their back.
  const loaded = useQuery('documents.get', { id: documentId }, { followChanges: false });
  const update = useMutation('documents.update');

  useEffect(() => {
    if (!loaded.data) return;
    setOriginal(loaded.data);
    setValues(documentToForm(loaded.data));
  }, [loaded.data]);

  const submit = async () => {
    if (!original || !values) return;
    await run(validateDocumentForm(values, t), async () => {
      const patch = documentPatch(original, values);
      if (Object.keys(patch).length > 0) {
        await update.send({ id: original.id, patch });
        await refreshAfterChange();
        if (useDocumentStore.getState().documentId === original.id) await useDocumentStore.getState().reload();
      }
      onClose();
    });
  };

  return (
    <FormDialog title={t('doc.editTitle')} onClose={onClose} testId="document-dialog" formTestId="document-form" wide grid={false} banner={banner ?? loaded.message} busy={busy || !original} onSubmit={submit}>
      {original && values ? (
        <DocumentFormFields fondsId={original.fondsId} reviewFields={original.reviewFields} values={values} errors={errors} onChange={(next) => {
          setErrors((e) => withoutChangedErrors(e, values, next));
          setValues(next);
        }} />
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </FormDialog>
  );
}
