/**
 * The catalogue tree: fonds (phông), their files (hồ sơ) and which nodes are open in the sidebar.
 * `revision` goes up after every reload so that views showing lists can fetch again.
 *
 * A fonds' files are fetched when something shows them (an open tree node, the fonds view, a form
 * offering them), not all at start: a provincial archive holds thousands of fonds, and asking for
 * every one's files before showing the tree left it empty for seconds.
 */
import { useEffect } from 'react';
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
  /** Fetches a fonds' files unless they are here or on their way. */
  ensureFiles(fondsId: number): Promise<void>;
  toggle(fondsId: number): void;
  expand(fondsId: number): void;
}

/** Fonds whose files are being fetched. */
const fetching = new Set<number>();

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
      // Fetch again only the files already shown (or of open nodes); the rest come when asked for.
      const { filesByFonds: shown, expanded } = get();
      const again = fonds.filter((f) => shown[f.id] !== undefined || expanded[f.id]);
      const lists = await Promise.all(again.map((f) => call('files.list', { fondsId: f.id })));
      const filesByFonds: Record<number, ArchiveFile[]> = {};
      again.forEach((f, i) => {
        filesByFonds[f.id] = lists[i] ?? [];
      });
      set({ fonds, filesByFonds, loaded: true, error: null, revision: get().revision + 1 });
    } catch (err) {
      set({ loaded: true, error: errorMessage(err) });
    }
  },

  async ensureFiles(fondsId) {
    if (get().filesByFonds[fondsId] !== undefined || fetching.has(fondsId)) return;
    fetching.add(fondsId);
    try {
      const files = await call('files.list', { fondsId });
      set({ filesByFonds: { ...get().filesByFonds, [fondsId]: files } });
    } catch (err) {
      set({ error: errorMessage(err) });
    } finally {
      fetching.delete(fondsId);
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

/** A fonds' files, fetched when first shown (undefined until they arrive; none for a null fonds). */
export function useFondsFiles(fondsId: number | null): ArchiveFile[] | undefined {
  const files = useCatalogueStore((s) => (fondsId === null ? undefined : s.filesByFonds[fondsId]));
  const ensureFiles = useCatalogueStore((s) => s.ensureFiles);
  useEffect(() => {
    if (fondsId !== null && files === undefined) void ensureFiles(fondsId);
  }, [fondsId, files, ensureFiles]);
  return files;
}
