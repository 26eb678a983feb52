/**
 * App-wide state: what the host told us (info, counts, code lists), the user's locale and name,
 * and which view the main pane shows.
 */
import { create } from 'zustand';
import type { AppInfo, CodeLists, Counts, Locale } from '@shared/contract/types';
import { ApiError } from '@shared/contract/errors';
import { call } from '../api/client';
import { errorMessage } from '../util/errors';

/** What the main pane shows. */
export type View =
  | { kind: 'home' }
  | { kind: 'fonds'; fondsId: number }
  | { kind: 'file'; fileId: number }
  | { kind: 'unfiled'; fondsId: number }
  | { kind: 'document'; documentId: number }
  | { kind: 'search' }
  // Reading documents, formats, bulk import, review
  | { kind: 'registerImport' }
  | { kind: 'review'; fondsId?: number; field?: string }
  | { kind: 'importRuns' }
  | { kind: 'importRun'; runId: number }
  | { kind: 'missingCitations'; fondsId?: number }
  // Handover
  | { kind: 'handover' }
  | { kind: 'handoverBatch'; batchId: number }
  | { kind: 'handoverReceive' }
  | { kind: 'inventory'; fondsId: number }
  | { kind: 'orgInventory'; organizationId: number }
  // The review queue walked one document at a time, the original beside it
  | { kind: 'reviewWalk'; fondsId?: number; field?: string }
  // Integrity, backups, access
  | { kind: 'safety'; tab?: 'check' | 'backups' | 'removed' | 'destruction' | 'access' }
  // Selection and bulk actions, bodies and fonds
  | { kind: 'bulkHistory' }
  | { kind: 'structure' }
  ;

interface AppState {
  info: AppInfo | null;
  counts: Counts | null;
  codeLists: CodeLists | null;
  locale: Locale;
  actor: string;
  view: View;
  booting: boolean;
  bootError: string | null;
  /** The catalogue is encrypted and waits for its passphrase (the unlock screen shows). */
  locked: boolean;
  boot(): Promise<void>;
  refreshCounts(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
  setActor(actor: string): Promise<void>;
  navigate(view: View): void;
}

export const useAppStore = create<AppState>()((set, get) => ({
  info: null,
  counts: null,
  codeLists: null,
  locale: 'vi',
  actor: '',
  view: { kind: 'home' },
  booting: true,
  bootError: null,
  locked: false,

  async boot() {
    set({ booting: true, bootError: null });
    try {
      const [info, counts, codeLists] = await Promise.all([
        call('app.info', {}),
        call('app.counts', {}),
        call('app.codeLists', {}),
      ]);
      set({ info, counts, codeLists, locale: info.locale, actor: info.actor, booting: false, locked: false });
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'locked') return set({ booting: false, locked: true, bootError: null });
      set({ booting: false, bootError: errorMessage(err) });
    }
  },

  async refreshCounts() {
    const counts = await call('app.counts', {});
    set({ counts });
  },

  async setLocale(locale) {
    const previous = get().locale;
    // Switch at once; persist in the background and go back if the host refuses.
    set({ locale });
    document.documentElement.lang = locale;
    try {
      const info = await call('settings.update', { locale });
      set({ info });
    } catch {
      set({ locale: previous });
      document.documentElement.lang = previous;
    }
  },

  async setActor(actor) {
    const info = await call('settings.update', { actor });
    set({ info, actor: info.actor });
  },

  navigate(view) {
    set({ view });
  },
}));
