/**
 * The selection of the list on screen (search results, a file's documents, a fonds' files): one
 * at a time, reset when another list is shown. "All that match" is kept as the list's query and
 * resolved by the services, never as thousands of ids here.
 */
import { create } from 'zustand';
import type { InputOf } from '@shared/contract/api';
import * as s from '@shared/bulk/selection';

type BulkInput = InputOf<'bulk.start'>;
export type DocumentSelection = Extract<BulkInput, { action: 'documents.move' }>['selection'];
export type FileSelection = Extract<BulkInput, { action: 'files.setFields' }>['selection'];

/** The query of a list, as "select all that match" sends it (without the exceptions). */
export type ListQuery =
  | { target: 'documents'; query: Omit<Extract<DocumentSelection, { kind: 'search' }>, 'except'> | Omit<Extract<DocumentSelection, { kind: 'list' }>, 'except'> }
  | { target: 'files'; query: Omit<Extract<FileSelection, { kind: 'list' }>, 'except'> };

export type ListTarget = ListQuery['target'];

export interface ListInfo {
  /** Names the list (its query): a selection belongs to one list. */
  scope: string;
  target: ListTarget;
  /** The fonds the list belongs to, when it is one fonds' (offers its files as move targets). */
  fondsId: number | null;
}

interface SelectionState {
  list: ListInfo | null;
  selection: s.Selection<ListQuery>;
  /** Shows a list: keeps the selection if it is the same list, else starts empty. */
  bind(list: ListInfo): void;
  click(id: number, page: readonly number[], keys: s.ClickKeys): void;
  toggle(id: number, page: readonly number[], keys: s.ClickKeys): void;
  togglePage(page: readonly number[]): void;
  selectAll(query: ListQuery, total: number): void;
  clear(): void;
}

export const useSelectionStore = create<SelectionState>()((set, get) => ({
  list: null,
  selection: s.emptySelection(),
  bind(list) {
    const current = get().list;
    if (current && current.scope === list.scope && current.target === list.target) {
      if (current.fondsId !== list.fondsId) set({ list });
      return;
    }
    set({ list, selection: s.emptySelection() });
  },
  click: (id, page, keys) => set({ selection: s.click(get().selection, id, page, keys) }),
  toggle: (id, page, keys) => set({ selection: s.toggle(get().selection, id, page, keys) }),
  togglePage: (page) => set({ selection: s.togglePage(get().selection, page) }),
  selectAll: (query, total) => set({ selection: s.selectAll(query, total) }),
  clear: () => set({ selection: s.emptySelection() }),
}));

/** The selection as the services take it, or null when nothing is selected. */
export function selectionRequest(selection: s.Selection<ListQuery>): DocumentSelection | FileSelection | null {
  return s.toRequest(selection, (q, except) => ({ ...q.query, except }) as DocumentSelection | FileSelection);
}

export { isSelected, pageSelected, selectedCount } from '@shared/bulk/selection';
