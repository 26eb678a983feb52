import { findCitations } from '../../../shared/parser/citations';
import type { Citation } from '../../../shared/parser/types';
import { type DocumentFields, insertedRecord } from '../../data/repositories/documents';
import type { IndexedText } from '../../data/repositories/searchIndex';
import { type ServiceContext, audit, nowOf } from '../context';

/** An original stored (written and flushed) for a new document. */
export interface NewOriginal {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Relative to the originals folder. */
  storedPath: string;
}

/** Where a new document came from, named in its audit rows (an imported file, a register row, a handover package). */
export type DocumentOrigin =
  | { action: 'document.import'; source: string; registerRow?: number }
  | { action: 'document.receive'; source: { handoverBatch: string; batchCode: string | null } };

export interface NewDocument {
  /** The record; `orderInFile: 'next'` places it after the last document of its file (none outside a file). */
  fields: Omit<DocumentFields, 'orderInFile'> & { orderInFile: DocumentFields['orderInFile'] | 'next' };
  originals: readonly NewOriginal[];
  /** Citations the parser read; when absent they are read from the full text. */
  citations?: readonly Citation[];
  /** `indexBody(fullText)`, when it was computed off this thread. */
  indexedBody?: string;
  origin: DocumentOrigin;
}

export interface WrittenDocument {
  id: number;
  attachmentIds: number[];
}

/** Search index entries of a batch, written together last in its transaction (`searchIndex.upsertMany`). */
export type PendingIndexEntries = Array<{ documentId: number; text: IndexedText }>;

/**
 * The one way a new document enters the catalogue, whatever brought it (an imported file, a row of
 * a register, a received package): the record, its originals, its search index entry, its
 * citations and the audit rows of each. Call inside a transaction. With `pendingIndex`, the index
 * entry is added to it for the caller to write last (see `searchIndex.upsertMany`).
 */
export function writeDocument(ctx: ServiceContext, doc: NewDocument, pendingIndex?: PendingIndexEntries): WrittenDocument {
  const { repos } = ctx.catalogue;
  const now = nowOf(ctx);
  const f = doc.fields;
  const orderInFile = f.orderInFile !== 'next' ? f.orderInFile : f.fileId !== null ? repos.documents.nextOrderInFile(f.fileId) : null;
  const fields: DocumentFields = { ...f, orderInFile };
  const id = repos.documents.insert(fields, now);
  const indexed: IndexedText = { numberSymbol: fields.numberSymbol, subject: fields.subject, body: fields.fullText, indexedBody: doc.indexedBody };
  if (pendingIndex) pendingIndex.push({ documentId: id, text: indexed });
  else repos.searchIndex.upsert(id, indexed);
  repos.citations.insertForDocument(id, doc.citations ?? findCitations(fields.fullText, fields.numberSymbol));
  const { action, ...origin } = doc.origin;
  // The record as inserted, without reading it back.
  audit(ctx, action, 'document', id, undefined, { ...insertedRecord(id, fields, now), ...origin, textLength: fields.fullText.length }, repos.documents.insertedDigest(fields));
  const attachmentIds = doc.originals.map((o) => addOriginal(ctx, id, o, doc.origin.action === 'document.receive' ? { source: doc.origin.source } : {}));
  return { id, attachmentIds };
}

/** Adds an original to a document (a new one, or one already catalogued that arrived again as another file), audited. */
export function addOriginal(ctx: ServiceContext, documentId: number, o: NewOriginal, auditExtra: Record<string, unknown> = {}): number {
  const { attachments } = ctx.catalogue.repos;
  const fields = { documentId, ...o };
  const attachmentId = attachments.insert(fields, nowOf(ctx));
  audit(ctx, 'attachment.add', 'attachment', attachmentId, undefined, { documentId, fileName: o.fileName, size: o.size, sha256: o.sha256, ...auditExtra }, attachments.insertedDigest(fields));
  return attachmentId;
}
