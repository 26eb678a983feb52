import { createHash } from 'node:crypto';
import path from 'node:path';
import { ApiError, coded, notFound, type ErrorMessage } from '../../../shared/contract/errors';
import type { ImportFileResult } from '../../../shared/contract/types';
import type { ParseResult } from '../../../shared/parser/types';
import { mentionOf } from '../../../shared/importing/sameDocument';
import { type PendingWrites, addOriginal, writeDocument } from '../documents/writeDocument';
import { findSameDocument, probableDuplicateReason, sameDocumentMessage } from './sameDocument';
import type { ServiceContext } from '../context';
import type { Extraction } from './extractPool';
import { ReadingCancelled } from './fileBudget';
import { type ExtractedText, MAX_ORIGINAL_BYTES, SUPPORTED_EXTENSIONS } from './extractText';
import { type OriginalToStore, flushOriginals, mediaTypeOf } from './originalsStore';

export interface ImportTarget {
  fondsId: number;
  fileId?: number | null;
}

/** One original to import: a display name and a way to get its bytes (a file on disk is read off this thread). */
export interface ImportSource {
  name: string;
  size: number;
  read: () => Uint8Array | Promise<Uint8Array>;
}


/** Why a document without a text layer (a scan) waits for review. */
export const OCR_REASON: ErrorMessage = { code: 'review.needsOcr', params: {} };

export function checkTarget(ctx: ServiceContext, target: ImportTarget): void {
  const { fonds, files } = ctx.catalogue.repos;
  if (!fonds.get(target.fondsId)) {
    throw new ApiError('import.fondsMissing', { fondsId: target.fondsId });
  }
  if (target.fileId != null) {
    const file = files.get(target.fileId);
    if (!file) throw notFound('file', target.fileId);
    if (file.fondsId !== target.fondsId) {
      throw new ApiError('import.fileOfOtherFonds');
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
  | { kind: 'sameAsPending'; name: string; sha256: string; size: number }
  /** Its reading was stopped by a cancel: nothing is reported, and a resume reads it again. */
  | { kind: 'cancelled'; name: string };

/** A prepared file that goes into the catalogue or the report (every kind but a cancelled one). */
export type CommittableImport = Exclude<PreparedImport, { kind: 'cancelled' }>;

/**
 * SHA-256 of files being imported and not yet committed, each with the promise of its own
 * preparation: a second copy of the same bytes read meanwhile waits for the first one's outcome.
 */
export type PendingShas = Map<string, Promise<PreparedImport>>;

/** A file's place in the order files claim their SHA-256: wait for the one before, then let the next go. */
export interface ClaimTurn {
  ready: Promise<void>;
  done: () => void;
}

/**
 * Files claim their SHA-256 in the order they are listed, whichever is read first (reads run in
 * parallel and finish in any order on a loaded machine). Files are committed in that order too, so
 * of two copies the first listed is the one imported and the other is reported as its duplicate; a
 * copy claimed out of order would be committed before the document it waits for and fail.
 * Only the claim is ordered: reading and parsing still overlap.
 */
export class ClaimOrder {
  private last: Promise<void> = Promise.resolve();

  next(): ClaimTurn {
    const ready = this.last;
    let done!: () => void;
    this.last = new Promise<void>((resolve) => (done = resolve));
    return { ready, done };
  }
}

function failure(name: string, err: unknown): ImportFileResult {
  if (err instanceof ApiError) return { name, outcome: 'failed', documentId: null, message: err.message, text: { code: err.code, params: err.params } as ErrorMessage };
  return { name, outcome: 'failed', documentId: null, ...coded('import.unexpectedFile', { fileName: name, detail: String(err) }) };
}

function duplicateOf(ctx: ServiceContext, name: string, documentId: number): ImportFileResult {
  const held = ctx.catalogue.repos.documents.mention(documentId);
  const document: ErrorMessage = held ? mentionOf(held) : { code: 'mention.removed', params: {} };
  return { name, outcome: 'duplicate', documentId, ...coded('importNote.sameBytes', { document: [document] }) };
}

/**
 * Reads one original, skips it when the same bytes are catalogued (or already being imported),
 * reads its text, pre-fills the metadata with the parser (never guessing) and writes the original
 * beside the catalogue. Nothing is committed yet. Never throws: a bad file becomes a failed result.
 * The SHA-256 is claimed in `pendingShas` before anything slow happens, so two copies of one file
 * read at once are told apart; the caller releases it when the file is committed. A copy waits
 * for the first one: if the first is a document, the copy is the same document; if the first
 * could not be read (say the copy has another extension), the copy is read on its own, so each
 * file gets its own outcome and its own reason. With a `turn`, the claim waits for the files listed
 * before this one to make theirs (`ClaimOrder`).
 */
export async function prepareImport(
  ctx: ServiceContext,
  source: ImportSource,
  pendingShas: PendingShas,
  extract: (name: string, bytes: Uint8Array, store: OriginalToStore) => Promise<Extraction> = (n, b, s) => ctx.readers.extract(n, b, s),
  turn?: ClaimTurn,
): Promise<PreparedImport> {
  try {
    return await prepareInTurn(ctx, source, pendingShas, extract, turn);
  } finally {
    // Whatever happened to this file (unsupported, unreadable, cancelled), the next one may claim.
    turn?.done();
  }
}

async function prepareInTurn(
  ctx: ServiceContext,
  source: ImportSource,
  pendingShas: PendingShas,
  extract: (name: string, bytes: Uint8Array, store: OriginalToStore) => Promise<Extraction>,
  turn: ClaimTurn | undefined,
): Promise<PreparedImport> {
  const name = source.name;
  let sha256: string | null = null;
  let size: number | null = null;
  try {
    const ext = path.extname(name).toLowerCase();
    if (!SUPPORTED_EXTENSIONS.has(ext)) {
      throw new ApiError('import.unsupportedFormat', { ext, fileName: path.basename(name), supported: [...SUPPORTED_EXTENSIONS] });
    }
    size = source.size;
    if (source.size > MAX_ORIGINAL_BYTES) {
      throw new ApiError('import.fileTooLarge', { fileName: path.basename(name), mb: (source.size / 1048576).toFixed(0), maxMb: MAX_ORIGINAL_BYTES / 1048576 });
    }
    const bytes = await source.read();
    size = bytes.byteLength;
    sha256 = createHash('sha256').update(bytes).digest('hex');
    const sha = sha256;
    await turn?.ready;
    for (let earlier = pendingShas.get(sha); earlier; earlier = pendingShas.get(sha)) {
      // Claims made, or waited on, in listed order: the files after this one may go on.
      turn?.done();
      const first = await earlier;
      if (first.kind === 'document' || first.kind === 'sameAsPending') return { kind: 'sameAsPending', name, sha256: sha, size };
      // The first copy failed and gave up its claim: this one is read on its own.
      if (pendingShas.get(sha) === earlier) pendingShas.delete(sha);
    }
    const existing = ctx.catalogue.repos.attachments.documentIdBySha256(sha);
    if (existing !== undefined) return { kind: 'settled', result: duplicateOf(ctx, name, existing), sha256: sha, size };
    let settle!: (p: PreparedImport) => void;
    const claim = new Promise<PreparedImport>((resolve) => (settle = resolve));
    pendingShas.set(sha, claim);
    turn?.done();
    try {
      const { extracted, parsed, storedPath, indexedBody } = await extract(name, bytes, { dir: ctx.catalogue.originalsDir, sha256: sha, extension: ext, key: ctx.catalogue.originals.key });
      const prepared: PreparedImport = { kind: 'document', name, sha256: sha, size, storedPath, extracted, parsed, indexedBody };
      settle(prepared);
      return prepared;
    } catch (err) {
      const failed: PreparedImport = err instanceof ReadingCancelled ? { kind: 'cancelled', name } : { kind: 'settled', result: failure(name, err), sha256: sha, size };
      // Nothing of this file will be committed: give up the claim (copies waiting on it read themselves).
      if (pendingShas.get(sha) === claim) pendingShas.delete(sha);
      settle(failed);
      return failed;
    }
  } catch (err) {
    return { kind: 'settled', result: failure(name, err), sha256, size };
  }
}

/**
 * Writes a prepared document with its original, index entry, citations and audit rows
 * (`writeDocument`), or settles a file that is not one. Call inside a transaction (with the run's
 * report rows, so both commit or neither); `pending` as for `writeDocument`.
 */
export function commitPrepared(ctx: ServiceContext, target: ImportTarget, item: CommittableImport, pending?: PendingWrites): ImportFileResult {
  const { repos } = ctx.catalogue;
  if (item.kind === 'settled') return item.result;
  // Another import (or an earlier file of this batch) may have stored the same bytes meanwhile.
  const raced = repos.attachments.documentIdBySha256(item.sha256);
  if (raced !== undefined) return duplicateOf(ctx, item.name, raced);
  if (item.kind === 'sameAsPending') {
    // The earlier file failed to commit: this copy is not a duplicate of anything catalogued.
    return { name: item.name, outcome: 'failed', documentId: null, ...coded('import.twinNotSaved') };
  }
  const { extracted, parsed } = item;
  // Pages (word boxes) go to their own table, not into parse_info.
  const { text, pages, ...readInfo } = extracted;
  const m = parsed.metadata;
  const reviewFields: string[] = [...parsed.review];
  if (extracted.needsOcr) reviewFields.push('fullText');
  // Fields the reader doubts (OCR read them from poor words, the text layer may be garbled).
  for (const field of Object.keys(extracted.reviewReasons ?? {})) if (!reviewFields.includes(field)) reviewFields.push(field);
  const fileName = path.basename(item.name);
  const original = { fileName, mediaType: mediaTypeOf(item.name), size: item.size, sha256: item.sha256, storedPath: item.storedPath };
  // The same document as another file (the Word file of a PDF held, a scan of a printed copy):
  // another original of that record; a probable one is a new record listed for the archivist.
  const same = findSameDocument(ctx, target.fondsId, m);
  if (same?.kind === 'same') {
    addOriginal(ctx, same.document.id, original, { sameDocument: true }, pending);
    return { name: item.name, outcome: 'duplicate', documentId: same.document.id, ...sameDocumentMessage(same.document) };
  }
  const probable = same?.kind === 'probable' ? { field: 'numberSymbol', reason: probableDuplicateReason(same.document), of: same.document.id } : null;
  if (probable && !reviewFields.includes(probable.field)) reviewFields.push(probable.field);
  // Why fields wait, stored with the document: a scan not read yet, what the reader doubts, a probable duplicate.
  const reviewReasons: Record<string, ErrorMessage> = {
    ...(extracted.needsOcr ? { fullText: OCR_REASON } : {}),
    ...extracted.reviewReasons,
    ...(probable ? { [probable.field]: probable.reason } : {}),
  };
  const { id } = writeDocument(
    ctx,
    {
      fields: {
        fondsId: target.fondsId,
        fileId: target.fileId ?? null,
        orderInFile: 'next',
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
          ...(Object.keys(reviewReasons).length > 0 ? { reviewReasons } : {}),
          ...(probable ? { probableDuplicateOf: probable.of } : {}),
        },
      },
      originals: [original],
      citations: parsed.citationDetails,
      indexedBody: item.indexedBody,
      origin: { action: 'document.import', source: fileName },
    },
    pending,
  );
  // OCR pages carry each word's range in the text: stored for the viewer and the review queue.
  const ranged = pages?.filter((p) => p.items.some((w) => w.start !== undefined));
  if (ranged && ranged.length > 0) repos.documentPages.insertMany(id, ranged);
  const notes: ErrorMessage[] = [];
  if (extracted.needsOcr) notes.push({ code: 'importNote.needsOcr', params: {} });
  if (probable) notes.push({ code: 'importNote.waitsForReview', params: { reason: [probable.reason] } });
  const note = notes.length === 0 ? null : notes.length === 1 ? coded(notes[0]!.code, notes[0]!.params as never) : coded('importNote.notes', { notes });
  return { name: item.name, outcome: 'imported', documentId: id, ...(note ?? { message: null }) };
}

/** Imports one original on its own (the sample fonds, single uploads): prepare, flush, commit. */
export async function importDocument(ctx: ServiceContext, target: ImportTarget, source: ImportSource): Promise<ImportFileResult> {
  const prepared = await prepareImport(ctx, source, new Map());
  if (prepared.kind === 'cancelled') return failure(source.name, new Error('cancelled'));
  try {
    if (prepared.kind === 'document') flushOriginals(ctx.catalogue.originalsDir, [prepared.storedPath]);
    return ctx.catalogue.transaction(() => commitPrepared(ctx, target, prepared));
  } catch (err) {
    return failure(source.name, err);
  }
}
