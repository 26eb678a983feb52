/**
 * A fonds' files in the order being arranged: the rows to show, the number each would take if the
 * order were saved now, and the moves (buttons and Alt+↑/↓, Alt+Home/End), which move the selected
 * files together when the row acted on is one of them.
 */
import type { KeyboardEvent } from 'react';
import { inCodeOrder, reorderCodes, type OrderedFile, type OrderPlan } from '@shared/bulk/fileOrder';
import type { ArchiveFile } from '@shared/contract/types';
import { isArranged, shownOrder, useFileOrderStore } from '../../stores/fileOrderStore';
import { isSelected, useSelectionStore } from '../../stores/selectionStore';

/** A file in a handover batch past the draft keeps its number (the service refuses to change it). */
export function orderedFile(f: ArchiveFile): OrderedFile {
  return { id: f.id, code: f.code, locked: f.handoverStatus !== 'not_started' };
}

export interface FileOrder {
  rows: ArchiveFile[];
  /** True when the order on screen is not the stored one. */
  arranged: boolean;
  /** What saving the order on screen would do. */
  plan: OrderPlan;
  newCode: Map<number, string>;
  move(id: number, selected: boolean, step: -1 | 1): void;
  onKey(e: KeyboardEvent, id: number, selected: boolean): void;
  discard(): void;
}

/** After a move, the focus stays on the control it was on (a disabled one passes it to its twin). */
function keepFocus(): void {
  const el = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  requestAnimationFrame(() => {
    if (!el?.isConnected) return;
    if (el instanceof HTMLButtonElement && el.disabled) {
      const twin = el.parentElement?.querySelector<HTMLButtonElement>('button:not([disabled])');
      twin?.focus();
    } else if (document.activeElement !== el) el.focus();
  });
}

export function useFileOrder(fondsId: number, files: ArchiveFile[]): FileOrder {
  const arrangedOrder = useFileOrderStore((s) => (s.fondsId === fondsId ? s.order : null));
  const store = useFileOrderStore.getState;
  const stored = inCodeOrder(files);
  const base = stored.map((f) => f.id);
  const byId = new Map(files.map((f) => [f.id, f]));
  const rows = shownOrder(base, arrangedOrder).map((id) => byId.get(id)!);
  const arranged = isArranged(base, arrangedOrder);
  const plan = arranged ? reorderCodes(rows.map(orderedFile)) : { changes: [], kept: [] };
  const newCode = new Map(plan.changes.map((c) => [c.id, c.to]));

  const chosen = (id: number, selected: boolean): number[] => {
    if (!selected) return [id];
    const selection = useSelectionStore.getState().selection;
    return rows.map((f) => f.id).filter((x) => isSelected(selection, x));
  };
  const move = (id: number, selected: boolean, step: -1 | 1) => {
    keepFocus();
    store().move({ fondsId, base, chosen: chosen(id, selected) }, step);
  };
  const onKey = (e: KeyboardEvent, id: number, selected: boolean) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const m = { fondsId, base, chosen: chosen(id, selected) };
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      keepFocus();
      store().move(m, e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      keepFocus();
      store().moveToEnd(m, e.key === 'Home' ? 'top' : 'bottom');
    }
  };
  return { rows, arranged, plan, newCode, move, onKey, discard: () => store().discard() };
}
