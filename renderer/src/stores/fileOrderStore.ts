/**
 * The order of a fonds' files (mục lục hồ sơ) being arranged on screen, before it is saved: moves
 * are made here, one step each, and saved at once as one bulk action (one transaction, one undo).
 * Until then the catalogue is untouched; leaving the fonds or "discard" forgets the order.
 */
import { create } from 'zustand';
import { moveChosen, moveChosenToEnd } from '@shared/bulk/fileOrder';

export interface Move {
  fondsId: number;
  /** The fonds' files as stored (in the order of their numbers). */
  base: readonly number[];
  chosen: readonly number[];
}

export interface FileOrderState {
  /** The fonds whose files are being arranged, or null. */
  fondsId: number | null;
  /** The ids in the order arranged so far; null when nothing was moved. */
  order: number[] | null;
  /** Moves `chosen` one place up or down in the order arranged so far (at first `base`, the list as stored). */
  move(m: Move, step: -1 | 1): void;
  moveToEnd(m: Move, end: 'top' | 'bottom'): void;
  discard(): void;
}

/**
 * The order to show: the one arranged, brought up to date with the list as it is now (files added
 * since go last, files gone are dropped), or the stored order when nothing was arranged.
 */
export function shownOrder(base: readonly number[], arranged: readonly number[] | null): number[] {
  if (!arranged) return [...base];
  const present = new Set(base);
  const kept = arranged.filter((id) => present.has(id));
  const known = new Set(kept);
  return [...kept, ...base.filter((id) => !known.has(id))];
}

/** True when the order arranged differs from the stored one. */
export function isArranged(base: readonly number[], arranged: readonly number[] | null): boolean {
  if (!arranged) return false;
  const shown = shownOrder(base, arranged);
  return shown.some((id, i) => id !== base[i]);
}

export const useFileOrderStore = create<FileOrderState>((set, get) => {
  const current = (fondsId: number, base: readonly number[]) => shownOrder(base, get().fondsId === fondsId ? get().order : null);
  return {
    fondsId: null,
    order: null,
    move({ fondsId, base, chosen }, step) {
      set({ fondsId, order: moveChosen(current(fondsId, base), new Set(chosen), step) });
    },
    moveToEnd({ fondsId, base, chosen }, end) {
      set({ fondsId, order: moveChosenToEnd(current(fondsId, base), new Set(chosen), end) });
    },
    discard() {
      set({ fondsId: null, order: null });
    },
  };
});
