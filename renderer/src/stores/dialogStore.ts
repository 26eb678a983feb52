/** Which modal form is open (one at a time). */
import { create } from 'zustand';

export type Dialog =
  | { kind: 'newFonds' }
  | { kind: 'newFile'; fondsId: number }
  | { kind: 'editFile'; fileId: number }
  | { kind: 'editDocument'; documentId: number }
  | { kind: 'import'; fondsId?: number; fileId?: number | null };

interface DialogState {
  dialog: Dialog | null;
  open(dialog: Dialog): void;
  close(): void;
}

export const useDialogStore = create<DialogState>()((set) => ({
  dialog: null,
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
}));
