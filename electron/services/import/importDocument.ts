import { createHash } from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { ImportFileResult } from '../../../shared/contract/types';
import type { ParseResult } from '../../../shared/parser/types';
import type { IndexedText } from '../../data/repositories/searchIndex';
import { type ServiceContext, audit, nowOf } from '../context';
import { type Extraction, extractInProcess } from './extractPool';
import { type ExtractedText, MAX_ORIGINAL_BYTES, SUPPORTED_EXTENSIONS } from './extractText';
import { type OriginalToStore, flushOriginals, mediaTypeOf } from './originalsStore';

export interface ImportTarget {
  fondsId: number;
  fileId?: number | null;
}

/** One original to import: a display name and a way to get its bytes. */
export interface ImportSource {
  name: string;
  size: number;
  read: () => Uint8Array;
}


/** Why a document without a text layer (a scan) waits for review. */
export const OCR_REASON = 'cần nhận dạng chữ (OCR)';

export function checkTarget(ctx: ServiceContext, target: ImportTarget): void {
  const { fonds, files } = ctx.catalogue.repos;
  if (!fonds.get(target.fondsId)) {
    throw new ApiError('not_found', `Không tìm thấy phông (mã ${target.fondsId}) để nhập tài liệu vào.`, `Fonds ${target.fondsId} not found`);
  }
  if (target.fileId != null) {
    const file = files.get(target.fileId);
    if (!file) throw new ApiError('not_found', `Không tìm thấy hồ sơ (mã ${target.fileId}).`, `File ${target.fileId} not found`);
    if (file.fondsId !== target.fondsId) {
      throw new ApiError('conflict', 'Hồ sơ này thuộc phông khác: tài liệu của các phông không được trộn lẫn.', 'File belongs to another fonds');
    }
  }
}

/**
 * A file read and understood, not yet in the catalogue: a document to insert, a result already
 * settled (failed, or a duplicate of a catalogued original), or the same bytes as a file earlier in
 * the same batch.
 */
export type PreparedImport =
  | {
      kind: 'document';
      name: string;
      sha256: string;
      size: number;
      storedPath: string;
      extracted: ExtractedText;
      parsed: ParseResult;
      /** The search index's folded body, computed with the parse (see `Extraction`). */
      indexedBody?: string;
    }
  | { kind: 'settled'; result: ImportFileResult; sha256: string | null; size: number | null }
  | { kind: 'sameAsPending'; name: string; sha256: string; size: number };

/**
 * SHA-256 of files being imported and not yet committed, each with the promise of its own
 * preparation: a second copy of the same bytes read meanwhile waits for the first one's outcome.
 */
export type PendingShas = Map<string, Promise<PreparedImport>>;

function failure(name: string, err: unknown): ImportFileResult {
  if (err instanceof ApiError) return { name, outcome: 'failed', documentId: null, message: err.message };
  return { name, outcome: 'failed', documentId: null, message: `Lỗi không xác định khi nhập “${name}”: ${String(err)}` };
}

function duplicateOf(name: string, documentId: number): ImportFileResult {
  return { name, outcome: 'duplicate', documentId, message: `Đã có trong danh mục (văn bản mã ${documentId}).` };
}

/**
 * Reads one original, skips it when the same bytes are catalogued (or already being imported),
 * reads its text, pre-fills the metadata with the parser (never guessing) and writes the original
 * beside the catalogue. Nothing is committed yet. Never throws: a bad file becomes a failed result.
 * The SHA-256 is claimed in `pendingShas` before anything slow happens, so two copies of one file
 * read at once are told apart; the caller releases it when the file is committed. A copy waits
 * for the first one: if the first is a document, the copy is the same document; if the first
 * could not be read (say the copy has another extension), the copy is read on its own, so each
 * file gets its own outcome and its own reason.
 */
export async function prepareImport(
  ctx: ServiceContext,
  source: ImportSource,
  pendingShas: PendingShas,
  extract: (name: string, bytes: Uint8Array, store: OriginalToStore) => Promise<Extraction> = extractInProcess,
): Promise<PreparedImport> {
  const name = source.name;
  let sha256: string | null = null;
  let size: number | null = null;
  try {
    const ext = path.extname(name).toLowerCase();
    if (!SUPPORTED_EXTENSIONS.has(ext)) {
      throw new ApiError(
        'unsupported_file',
        `Chưa hỗ trợ định dạng “${ext || 'không có đuôi'}” của “${path.basename(name)}” (hỗ trợ: ${[...SUPPORTED_EXTENSIONS].join(', ')}).`,
        `Unsupported format ${ext} for ${name}`,
      );
    }
    size = source.size;
    if (source.size > MAX_ORIGINAL_BYTES) {
      throw new ApiError(
        'unreadable_file',
        `Tệp “${path.basename(name)}” quá lớn (${(source.size / 1048576).toFixed(0)} MB; tối đa ${MAX_ORIGINAL_BYTES / 1048576} MB).`,
        `File ${name} too large: ${source.size} bytes`,
      );
    }
    const bytes = source.read();
    size = bytes.byteLength;
    sha256 = createHash('sha256').update(bytes).digest('hex');
    const sha = sha256;
    for (let earlier = pendingShas.get(sha); earlier; earlier = pendingShas.get(sha)) {
      const first = await earlier;
      if (first.kind === 'document' || first.kind === 'sameAsPending') return { kind: 'sameAsPending', name, sha256: sha, size };
      // The first copy failed and gave up its claim: this one is read on its own.
      if (pendingShas.get(sha) === earlier) pendingShas.delete(sha);
    }
    const existing = ctx.catalogue.repos.attachments.documentIdBySha256(sha);
    if (existing !== undefined) return { kind: 'settled', result: duplicateOf(name, existing), sha256: sha, size };
    let settle!: (p: PreparedImport) => void;
    const claim = new Promise<PreparedImport>((resolve) => (settle = resolve));
    pendingShas.set(sha, claim);
    try {
      const { extracted, parsed, storedPath, indexedBody } = await extract(name, bytes, { dir: ctx.catalogue.originalsDir, sha256: sha, extension: ext });
      const prepared: PreparedImport = { kind: 'document', name, sha256: sha, size, storedPath, extracted, parsed, indexedBody };
      settle(prepared);
      return prepared;
    } catch (err) {
      const failed: PreparedImport = { kind: 'settled', result: failure(name, err), sha256: sha, size };
      // Nothing of this file will be committed: give up the claim (copies waiting on it read themselves).
      if (pendingShas.get(sha) === claim) pendingShas.delete(sha);
      settle(failed);
      return failed;
    }
  } catch (err) {
    return { kind: 'settled', result: failure(name, err), sha256, size };
  }
}

/** Search index entries of a batch's documents, written together at the end of its transaction. */
export type PendingIndexEntries = Array<{ documentId: number; text: IndexedText }>;

/**
 * Writes a prepared document, its attachment, its index entry, its citations and the audit rows.
 * Call inside a transaction (with the run's report rows, so both commit or neither). With
 * `pendingIndex`, the index entry is added to it instead, for the caller to write with
 * `searchIndex.upsertMany` before the transaction ends (much cheaper for a batch: see there).
 */
export function commitPrepared(ctx: ServiceContext, target: ImportTarget, item: PreparedImport, pendingIndex?: PendingIndexEntries): ImportFileResult {
  const { repos } = ctx.catalogue;
  if (item.kind === 'settled') return item.result;
  // Another import (or an earlier file of this batch) may have stored the same bytes meanwhile.
  const raced = repos.attachments.documentIdBySha256(item.sha256);
  if (raced !== undefined) return duplicateOf(item.name, raced);
  if (item.kind === 'sameAsPending') {
    // The earlier file failed to commit: this copy is not a duplicate of anything catalogued.
    return { name: item.name, outcome: 'failed', documentId: null, message: 'Tệp có cùng nội dung với một tệp khác trong lần nhập này nhưng tệp đó chưa được lưu; hãy nhập lại.' };
  }
  const { extracted, parsed } = item;
  // Pages (word boxes) go to their own table, not into parse_info.
  const { text, pages, ...readInfo } = extracted;
  const m = parsed.metadata;
  const reviewFields: string[] = [...parsed.review];
  if (extracted.needsOcr) reviewFields.push('fullText');
  // Fields the reader doubts (OCR read them from poor words, the text layer may be garbled).
  for (const field of Object.keys(extracted.reviewReasons ?? {})) if (!reviewFields.includes(field)) reviewFields.push(field);
  const now = nowOf(ctx);
  const fileId = target.fileId ?? null;
  const fileName = path.basename(item.name);
  const id = repos.documents.insert(
    {
      fondsId: target.fondsId,
      fileId,
      orderInFile: fileId !== null ? repos.documents.nextOrderInFile(fileId) : null,
      sheetNumber: null,
      docType: m.docType,
      numberSymbol: m.numberSymbol,
      issueDate: m.issueDate,
      issuer: m.issuer,
      parentIssuer: m.parentIssuer,
      place: m.place,
      subject: m.subject,
      signerName: m.signerName,
      signerTitle: m.signerTitle,
      signingAuthority: m.signingAuthority,
      addressees: m.addressees,
      recipients: m.recipients,
      securityLevel: parsed.securityLevel,
      urgency: parsed.urgency,
      language: 'vi',
      // What the reader counted (PDF pages); never guessed for other formats.
      pageCount: extracted.pageCount ?? null,
      reliability: null,
      incomingStamp: m.incomingStamp,
      notes: null,
      reviewFields,
      fullText: text,
      parseInfo: {
        ...readInfo,
        spans: parsed.spans,
        citations: parsed.citationDetails,
        ...(extracted.needsOcr ? { reviewReasons: { fullText: OCR_REASON, ...extracted.reviewReasons } } : {}),
      },
    },
    now,
  );
  const attachmentId = repos.attachments.insert(
    { documentId: id, fileName, mediaType: mediaTypeOf(item.name), size: item.size, sha256: item.sha256, storedPath: item.storedPath },
    now,
  );
  // OCR pages carry each word's range in the text: stored for the viewer and the review queue.
  const ranged = pages?.filter((p) => p.items.some((w) => w.start !== undefined));
  if (ranged && ranged.length > 0) repos.documentPages.insertMany(id, ranged);
  const indexed: IndexedText = { numberSymbol: m.numberSymbol, subject: m.subject, body: text, indexedBody: item.indexedBody };
  if (pendingIndex) pendingIndex.push({ documentId: id, text: indexed });
  else repos.searchIndex.upsert(id, indexed);
  repos.citations.insertForDocument(id, parsed.citationDetails);
  const record = repos.documents.get(id);
  audit(ctx, 'document.import', 'document', id, undefined, { ...record, source: fileName, textLength: text.length });
  audit(ctx, 'attachment.add', 'attachment', attachmentId, undefined, { documentId: id, fileName, size: item.size, sha256: item.sha256 });
  return { name: item.name, outcome: 'imported', documentId: id, message: extracted.needsOcr ? `Đã nhập bản gốc; ${OCR_REASON}.` : null };
}

/** Imports one original on its own (the sample fonds, single uploads): prepare, flush, commit. */
export async function importDocument(ctx: ServiceContext, target: ImportTarget, source: ImportSource): Promise<ImportFileResult> {
  const prepared = await prepareImport(ctx, source, new Map());
  try {
    if (prepared.kind === 'document') flushOriginals(ctx.catalogue.originalsDir, [prepared.storedPath]);
    return ctx.catalogue.transaction(() => commitPrepared(ctx, target, prepared));
  } catch (err) {
    return failure(source.name, err);
  }
}
