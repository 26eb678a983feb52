/** Files dropped on the window or picked, waiting for the import dialog to take them. */
import { create } from 'zustand';
import type { Picked } from '../components/intake/pickedFiles';

export const useIntakeStore = create<{ pending: Picked | null; hand(picked: Picked | null): void }>()((set) => ({
  pending: null,
  hand: (pending) => set({ pending }),
}));
