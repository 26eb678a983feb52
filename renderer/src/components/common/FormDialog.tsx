/**
 * A dialog holding one form, the way every edit dialog is laid out: the fields (in a grid unless
 * `grid` is false), a banner above them for an error that names no field, Cancel and the submit
 * button under them. Submitting never reloads the page; validation is the form's own (`noValidate`).
 */
import type { ReactNode } from 'react';
import { ErrorBanner } from './ErrorBanner';
import { FormFooter } from './FormFooter';
import { Modal } from './Modal';

interface FormDialogProps {
  title: string;
  onClose(): void;
  /** The dialog's test id; the footer's buttons are `<formTestId>-cancel` and `<formTestId>-submit`. */
  testId: string;
  formTestId: string;
  wide?: boolean;
  grid?: boolean;
  banner: string | null;
  busy: boolean;
  submitLabel?: string;
  onSubmit(): void | Promise<void>;
  children: ReactNode;
}

export function FormDialog({ title, onClose, testId, formTestId, wide, grid = true, banner, busy, submitLabel, onSubmit, children }: FormDialogProps) {
  return (
    <Modal title={title} onClose={onClose} testId={testId} wide={wide}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <div className={grid ? 'modal-body form-grid' : 'modal-body'}>
          <ErrorBanner message={banner} />
          {children}
        </div>
        <FormFooter busy={busy} onCancel={onClose} submitLabel={submitLabel} testId={formTestId} />
      </form>
    </Modal>
  );
}
