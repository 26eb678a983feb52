/** Thêm hồ sơ / Sửa hồ sơ. An edit sends only the fields that changed. */
import { useEffect, useState } from 'react';
import type { ArchiveFile } from '@shared/contract/types';
import { useMutation, useQuery } from '../../api/hooks';
import { useAppStore } from '../../stores/appStore';
import { refreshAfterChange } from '../../stores/refresh';
import { useT } from '../../i18n';
import { useFormSubmit } from '../../util/useFormSubmit';
import { withoutChangedErrors } from '../../util/forms';
import { FormDialog } from '../common/FormDialog';
import { FileFormFields } from './FileFormFields';
import { changedFields, emptyFileForm, fileToForm, formToPayload, validateFileForm, type FileFormValues } from './fileForm';

type Mode = { kind: 'new'; fondsId: number } | { kind: 'edit'; fileId: number };

export function FileFormDialog({ mode, onClose }: { mode: Mode; onClose(): void }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  const [original, setOriginal] = useState<ArchiveFile | null>(null);
  const [values, setValues] = useState<FileFormValues>(emptyFileForm);
  const { errors, setErrors, banner, busy, submit: run } = useFormSubmit();
  const editId = mode.kind === 'edit' ? mode.fileId : null;
  // Read once: the form is the user's while it is open, and is not reset behind their back.
  const loaded = useQuery('files.get', { id: editId ?? 0 }, { enabled: editId !== null, followChanges: false });
  const create = useMutation('files.create');
  const update = useMutation('files.update');

  useEffect(() => {
    if (!loaded.data) return;
    setOriginal(loaded.data);
    setValues(fileToForm(loaded.data));
  }, [loaded.data]);

  const submit = () =>
    run(validateFileForm(values, t), async () => {
      const payload = formToPayload(values);
      if (mode.kind === 'new') {
        const file = await create.send({ fondsId: mode.fondsId, ...payload });
        await refreshAfterChange();
        navigate({ kind: 'file', fileId: file.id });
      } else if (original) {
        const patch = changedFields(formToPayload(fileToForm(original)), payload);
        if (Object.keys(patch).length > 0) {
          await update.send({ id: original.id, patch });
          await refreshAfterChange();
        }
      }
      onClose();
    });

  const loading = mode.kind === 'edit' && !original;
  return (
    <FormDialog title={mode.kind === 'new' ? t('file.new') : t('file.edit')} onClose={onClose} testId="file-dialog" formTestId="file-form" wide grid={false} banner={banner ?? loaded.message} busy={busy || loading} submitLabel={mode.kind === 'new' ? t('common.create') : t('common.save')} onSubmit={submit}>
          {loading ? <p className="muted">{t('common.loading')}</p> : <FileFormFields values={values} errors={errors} onChange={(next) => {
            setErrors((e) => withoutChangedErrors(e, values, next));
            setValues(next);
          }} />}
    </FormDialog>
  );
}
