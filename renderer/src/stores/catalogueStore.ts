/**
 * The catalogue tree: fonds (phông), their files (hồ sơ) and which nodes are open in the sidebar.
 * `revision` goes up after every reload so that views showing lists can fetch again.
 */
import { create } from 'zustand';
import type { ArchiveFile, Fonds } from '@shared/contract/types';
import { call } from '../api/client';
import { errorMessage } from '../util/errors';

interface CatalogueState {
  fonds: Fonds[];
  filesByFonds: Record<number, ArchiveFile[]>;
  expanded: Record<number, boolean>;
  loaded: boolean;
  error: string | null;
  revision: number;
  load(): Promise<void>;
  toggle(fondsId: number): void;
  expand(fondsId: number): void;
}

export const useCatalogueStore = create<CatalogueState>()((set, get) => ({
  fonds: [],
  filesByFonds: {},
  expanded: {},
  loaded: false,
  error: null,
  revision: 0,

  async load() {
    try {
      const fonds = await call('fonds.list', {});
      const lists = await Promise.all(fonds.map((f) => call('files.list', { fondsId: f.id })));
      const filesByFonds: Record<number, ArchiveFile[]> = {};
      fonds.forEach((f, i) => {
        filesByFonds[f.id] = lists[i] ?? [];
      });
      set({ fonds, filesByFonds, loaded: true, error: null, revision: get().revision + 1 });
    } catch (err) {
      set({ loaded: true, error: errorMessage(err) });
    }
  },

  toggle(fondsId) {
    const expanded = get().expanded;
    set({ expanded: { ...expanded, [fondsId]: !expanded[fondsId] } });
  },

  expand(fondsId) {
    const expanded = get().expanded;
    if (!expanded[fondsId]) set({ expanded: { ...expanded, [fondsId]: true } });
  },
}));

/** The file with this id, wherever it is in the tree. */
export function findFile(filesByFonds: Record<number, ArchiveFile[]>, fileId: number): ArchiveFile | undefined {
  for (const files of Object.values(filesByFonds)) {
    const found = files.find((f) => f.id === fileId);
    if (found) return found;
  }
  return undefined;
}

/** Documents of a fonds that sit in no file: the fonds total less what its files hold. */
export function unfiledCount(fonds: Fonds, files: ArchiveFile[] | undefined): number {
  const filed = (files ?? []).reduce((sum, f) => sum + f.documentCount, 0);
  return Math.max(0, fonds.documentCount - filed);
}
