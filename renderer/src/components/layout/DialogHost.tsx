/** Renders the open dialog, if any. */
import { useDialogStore } from '../../stores/dialogStore';
import { NewFondsDialog } from '../fonds/NewFondsDialog';
import { FileFormDialog } from '../files/FileFormDialog';
import { DocumentEditDialog } from '../documents/DocumentEditDialog';
import { ImportDialog } from '../import/ImportDialog';

export function DialogHost() {
  const dialog = useDialogStore((s) => s.dialog);
  const close = useDialogStore((s) => s.close);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'newFonds':
      return <NewFondsDialog onClose={close} />;
    case 'newFile':
      return <FileFormDialog key={`new-${dialog.fondsId}`} mode={{ kind: 'new', fondsId: dialog.fondsId }} onClose={close} />;
    case 'editFile':
      return <FileFormDialog key={`edit-${dialog.fileId}`} mode={{ kind: 'edit', fileId: dialog.fileId }} onClose={close} />;
    case 'editDocument':
      return <DocumentEditDialog documentId={dialog.documentId} onClose={close} />;
    case 'import':
      return <ImportDialog fondsId={dialog.fondsId} fileId={dialog.fileId} onClose={close} />;
  }
}
