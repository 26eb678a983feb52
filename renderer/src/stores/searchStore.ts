/**
 * Full-text search: the query, the filters, one page of results. Typing is debounced and a reply
 * that arrives after a newer request has been sent is dropped.
 */
import { create } from 'zustand';
import type { HandoverStatus, SearchResult } from '@shared/contract/types';
import { call } from '../api/client';
import { errorMessage } from '../util/errors';

export type RetentionFilter = 'permanent' | 'fixed' | 'none';

export interface SearchFilters {
  fondsId: number | null;
  docType: string;
  dateFrom: string;
  dateTo: string;
  retentionClasses: RetentionFilter[];
  handoverStatuses: HandoverStatus[];
}

export const emptyFilters: SearchFilters = {
  fondsId: null,
  docType: '',
  dateFrom: '',
  dateTo: '',
  retentionClasses: [],
  handoverStatuses: [],
};

export const PAGE_SIZE = 20;
const DEBOUNCE_MS = 150;

interface SearchState {
  text: string;
  filters: SearchFilters;
  offset: number;
  result: SearchResult | null;
  loading: boolean;
  error: string | null;
  setText(text: string): void;
  setFilters(patch: Partial<SearchFilters>): void;
  clearFilters(): void;
  nextPage(): void;
  prevPage(): void;
  run(): Promise<void>;
}

let sequence = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function toInput(s: Pick<SearchState, 'text' | 'filters' | 'offset'>) {
  const f = s.filters;
  return {
    text: s.text,
    offset: s.offset,
    limit: PAGE_SIZE,
    filters: {
      ...(f.fondsId !== null ? { fondsIds: [f.fondsId] } : {}),
      ...(f.docType ? { docTypes: [f.docType] } : {}),
      ...(f.dateFrom ? { dateFrom: f.dateFrom } : {}),
      ...(f.dateTo ? { dateTo: f.dateTo } : {}),
      ...(f.retentionClasses.length > 0 ? { retentionClasses: f.retentionClasses } : {}),
      ...(f.handoverStatuses.length > 0 ? { handoverStatuses: f.handoverStatuses } : {}),
    },
  };
}

export const useSearchStore = create<SearchState>()((set, get) => ({
  text: '',
  filters: emptyFilters,
  offset: 0,
  result: null,
  loading: false,
  error: null,

  setText(text) {
    set({ text, offset: 0 });
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void get().run();
    }, DEBOUNCE_MS);
  },

  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch }, offset: 0 });
    void get().run();
  },

  clearFilters() {
    set({ filters: emptyFilters, offset: 0 });
    void get().run();
  },

  nextPage() {
    const { offset, result } = get();
    if (!result || offset + PAGE_SIZE >= result.total) return;
    set({ offset: offset + PAGE_SIZE });
    void get().run();
  },

  prevPage() {
    const { offset } = get();
    if (offset === 0) return;
    set({ offset: Math.max(0, offset - PAGE_SIZE) });
    void get().run();
  },

  async run() {
    const mine = ++sequence;
    set({ loading: true, error: null });
    try {
      const result = await call('search.query', toInput(get()));
      if (mine === sequence) set({ result, loading: false });
    } catch (err) {
      if (mine === sequence) set({ loading: false, error: errorMessage(err) });
    }
  },
}));
