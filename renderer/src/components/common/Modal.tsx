/** A modal dialog on the native <dialog>: focus stays inside, Esc closes it, the focus goes back where it was. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  testId: string;
  wide?: boolean;
}

export function Modal({ title, onClose, children, testId, wide }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const t = useT();

  useEffect(() => {
    const dialog = ref.current;
    // Esc (or any close) gives the focus back to what had it when the dialog opened.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      requestAnimationFrame(() => {
        // Only where the focus was left with the dialog: a key pressed meanwhile (`/` to the search
        // box) may already have put it somewhere, and taking it back would send the next key to
        // the opener (Enter would open the dialog again).
        const active = document.activeElement;
        const left = active === null || active === document.body || (dialog?.contains(active) ?? false);
        if (left && opener?.isConnected && !document.querySelector('dialog[open]')) opener.focus();
      });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'modal modal-wide' : 'modal'}
      data-testid={testId}
      aria-labelledby={titleId}
      onCancel={(e) => {
        // A file picker inside the dialog sends its own `cancel` when dismissed: that one bubbles
        // up here but is not the dialog's, and must not close it.
        if (e.target !== e.currentTarget) return;
        e.preventDefault();
        onClose();
      }}
    >
      <header className="modal-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose} data-testid="modal-close">
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
