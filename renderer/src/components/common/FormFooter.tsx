/** The buttons under a dialog's form. */
import { useT } from '../../i18n';

interface FormFooterProps {
  busy: boolean;
  onCancel(): void;
  submitLabel?: string;
  testId: string;
}

export function FormFooter({ busy, onCancel, submitLabel, testId }: FormFooterProps) {
  const t = useT();
  return (
    <footer className="modal-footer">
      <button type="button" onClick={onCancel} disabled={busy} data-testid={`${testId}-cancel`}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="primary" disabled={busy} data-testid={`${testId}-submit`}>
        {busy ? t('common.saving') : (submitLabel ?? t('common.save'))}
      </button>
    </footer>
  );
}
