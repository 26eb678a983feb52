/** The document the main pane shows, with its change history (lịch sử thay đổi). */
import { create } from 'zustand';
import type { AuditEntry, DocumentDetail } from '@shared/contract/types';
import { call } from '../api/client';
import { errorMessage } from '../util/errors';

interface DocumentState {
  documentId: number | null;
  detail: DocumentDetail | null;
  audit: AuditEntry[];
  loading: boolean;
  error: string | null;
  load(documentId: number): Promise<void>;
  reload(): Promise<void>;
}

let sequence = 0;

export const useDocumentStore = create<DocumentState>()((set, get) => ({
  documentId: null,
  detail: null,
  audit: [],
  loading: false,
  error: null,

  async load(documentId) {
    const mine = ++sequence;
    const keep = get().documentId === documentId;
    set({ documentId, loading: true, error: null, ...(keep ? {} : { detail: null, audit: [] }) });
    try {
      const [detail, audit] = await Promise.all([
        call('documents.get', { id: documentId }),
        call('audit.list', { documentId, limit: 200 }),
      ]);
      if (mine === sequence) set({ detail, audit, loading: false });
    } catch (err) {
      if (mine === sequence) set({ loading: false, error: errorMessage(err) });
    }
  },

  async reload() {
    const id = get().documentId;
    if (id !== null) await get().load(id);
  },
}));
