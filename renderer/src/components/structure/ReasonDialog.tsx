/** Asks why before removing something (removal needs a reason, kept with who and when). */
import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormSubmit } from '../../util/useFormSubmit';
import { Field, invalidProps } from '../common/Field';
import { FormDialog } from '../common/FormDialog';

export function ReasonDialog({ title, onConfirm, onClose }: { title: string; onConfirm(reason: string): Promise<void>; onClose(): void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const { errors, banner, busy, submit } = useFormSubmit();
  const confirm = () =>
    submit(reason.trim().length < 5 ? { reason: t('bulk.remove.tooShort') } : {}, async () => {
      await onConfirm(reason.trim());
      onClose();
    });
  return (
    <FormDialog title={title} onClose={onClose} testId="reason-dialog" formTestId="reason-form" banner={banner} busy={busy} submitLabel={t('structure.remove')} onSubmit={confirm}>
      <Field id="structure-reason" label={t('structure.reason')} error={errors.reason} required wide>
        <textarea id="structure-reason" rows={3} maxLength={2_000} value={reason} onChange={(e) => setReason(e.target.value)} {...invalidProps('structure-reason', errors.reason)} data-testid="structure-reason" />
      </Field>
    </FormDialog>
  );
}
