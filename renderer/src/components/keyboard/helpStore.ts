/** Whether the keyboard shortcuts' help is open (the top bar's button and the ? key both open it). */
import { create } from 'zustand';

export const useHelpStore = create<{ open: boolean; set(open: boolean): void }>()((set) => ({
  open: false,
  set: (open) => set({ open }),
}));
