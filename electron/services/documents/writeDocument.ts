import { findCitations } from '../../../shared/parser/citations';
import type { Citation } from '../../../shared/parser/types';
import type { AuditInput } from '../../data/repositories/audit';
import { type DocumentFields, insertedRecord } from '../../data/repositories/documents';
import type { IndexedText } from '../../data/repositories/searchIndex';
import { type ServiceContext, auditInput, nowOf } from '../context';

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
 * What the documents of a batch (an import's) leave to be written together at the end of its
 * transaction, by {@link writePending}: their audit rows, in the order they were made, then their
 * search index entries.
 */
export interface PendingWrites {
  audit: AuditInput[];
  index: PendingIndexEntries;
}

export function pendingWrites(): PendingWrites {
  return { audit: [], index: [] };
}

/**
 * Writes what a batch left pending: the audit rows first (`audit.appendMany`: the digests of the
 * records they speak of read in one statement), the full-text index last (see
 * `searchIndex.upsertMany`: nothing after it in the transaction).
 */
export function writePending(ctx: ServiceContext, pending: PendingWrites): void {
  ctx.catalogue.repos.audit.appendMany(pending.audit);
  ctx.catalogue.repos.searchIndex.upsertMany(pending.index);
}

/**
 * Texts up to this long have the digest of their document read back from the row SQLite wrote
 * (`recordDigestsOf`: the row's JSON made in C and hashed as read; for a batch's documents in one
 * statement), which costs less than hashing the values here (17 µs a document in a batch of 200,
 * against 41: 5,000-character texts). A longer text's digest is hashed from the values written
 * (`insertedDigest`, in pieces), so that it is never read back whole.
 */
const READ_BACK_MAX_CHARS = 100_000;

function appendAudit(ctx: ServiceContext, input: AuditInput, pending: PendingWrites | undefined): void {
  if (pending) pending.audit.push(input);
  else ctx.catalogue.repos.audit.append(input);
}

/**
 * The one way a new document enters the catalogue, whatever brought it (an imported file, a row of
 * a register, a received package): the record, its originals, its search index entry, its
 * citations and the audit rows of each. Call inside a transaction. With `pending`, the audit rows
 * and the index entry are added to it for the caller to write at the end ({@link writePending}).
 */
export function writeDocument(ctx: ServiceContext, doc: NewDocument, pending?: PendingWrites): WrittenDocument {
  const { repos } = ctx.catalogue;
  const now = nowOf(ctx);
  const f = doc.fields;
  const orderInFile = f.orderInFile !== 'next' ? f.orderInFile : f.fileId !== null ? repos.documents.nextOrderInFile(f.fileId) : null;
  const fields: DocumentFields = { ...f, orderInFile };
  const id = repos.documents.insert(fields, now);
  const indexed: IndexedText = { numberSymbol: fields.numberSymbol, subject: fields.subject, body: fields.fullText, indexedBody: doc.indexedBody };
  if (pending) pending.index.push({ documentId: id, text: indexed });
  else repos.searchIndex.upsert(id, indexed);
  repos.citations.insertForDocument(id, doc.citations ?? findCitations(fields.fullText, fields.numberSymbol));
  const { action, ...origin } = doc.origin;
  const digest = fields.fullText.length > READ_BACK_MAX_CHARS ? repos.documents.insertedDigest(fields) : undefined;
  // The record as inserted, without reading it back.
  const after = { ...insertedRecord(id, fields, now), ...origin, textLength: fields.fullText.length };
  appendAudit(ctx, auditInput(ctx, action, 'document', id, undefined, after, digest), pending);
  const attachmentIds = doc.originals.map((o) => addOriginal(ctx, id, o, doc.origin.action === 'document.receive' ? { source: doc.origin.source } : {}, pending));
  return { id, attachmentIds };
}

/** Adds an original to a document (a new one, or one already catalogued that arrived again as another file), audited. */
export function addOriginal(ctx: ServiceContext, documentId: number, o: NewOriginal, auditExtra: Record<string, unknown> = {}, pending?: PendingWrites): number {
  const { attachments } = ctx.catalogue.repos;
  const fields = { documentId, ...o };
  const attachmentId = attachments.insert(fields, nowOf(ctx));
  const after = { documentId, fileName: o.fileName, size: o.size, sha256: o.sha256, ...auditExtra };
  appendAudit(ctx, auditInput(ctx, 'attachment.add', 'attachment', attachmentId, undefined, after, attachments.insertedDigest(fields)), pending);
  return attachmentId;
}
