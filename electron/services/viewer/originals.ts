import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { ApiError, notFound } from '../../../shared/contract/errors';
import type { Attachment } from '../../../shared/contract/types';
import type { OriginalContent, OriginalKind, OriginalPreview } from '../../../shared/contract/types/viewer';
import type { ServiceContext } from '../context';
import { decodeText } from '../import/decodeText';
import { ZipError, openZip } from '../import/formats/zip';
import { assertDocumentVisible } from '../safety/secretsAccess';
import type { OriginalFiles } from '../../data/originals/originalFiles';
import { SealedFileError } from '../../data/originals/sealedFormat';

/**
 * The original beside its record: an original's bytes for the renderer's viewer (pdf.js, images),
 * and a readable preview made here (text decoded as on import, Word as HTML by mammoth). Both are
 * read from the originals store and checked against the SHA-256 recorded at import, so what the
 * archivist compares the record with is what was filed.
 */

/** Past this an original is not sent through the contract (base64 in one reply): save it instead. */
export const MAX_VIEW_BYTES = 100 * 1024 * 1024;
/** Word files: the same caps as the importer's reader (a zip bomb is refused before mammoth). */
const DOCX_LIMITS = { maxEntries: 10_000, maxPartBytes: 32 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

const BY_EXTENSION: Record<string, OriginalKind> = {
  '.pdf': 'pdf',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.gif': 'image',
  '.webp': 'image',
  '.bmp': 'image',
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.txt': 'text',
  '.md': 'text',
  '.csv': 'text',
  '.docx': 'docx',
};

/** How an original is shown: by its media type, else its name, else its first bytes. */
export function originalKind(a: Pick<Attachment, 'mediaType' | 'fileName'>, head?: Uint8Array): OriginalKind {
  const type = a.mediaType.toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (type === 'image/tiff') return 'tiff';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('text/')) return 'text';
  if (type.includes('wordprocessingml')) return 'docx';
  const byName = BY_EXTENSION[path.extname(a.fileName).toLowerCase()];
  if (byName) return byName;
  if (head && head.length >= 4) {
    const magic = Buffer.from(head.subarray(0, 4)).toString('latin1');
    if (magic === '%PDF') return 'pdf';
    if (magic === 'II*\0' || magic === 'MM\0*') return 'tiff';
    if (magic.startsWith('\x89PNG') || magic.startsWith('\xff\xd8\xff')) return 'image';
  }
  return 'other';
}

interface Located {
  attachment: Attachment;
  file: string;
  files: OriginalFiles;
}

function locate(ctx: ServiceContext, attachmentId: number): Located {
  const row = ctx.catalogue.repos.attachments.get(attachmentId);
  if (!row) throw notFound('attachment', attachmentId);
  // The original is shown only to whoever may see its record (secret records stay hidden).
  assertDocumentVisible(ctx, row.documentId);
  const { storedPath, movedOutTo, ...attachment } = row;
  if (movedOutTo) {
    throw new ApiError('original.movedOut', { fileName: attachment.fileName, to: movedOutTo });
  }
  const root = path.resolve(ctx.catalogue.originalsDir);
  const file = path.resolve(root, storedPath);
  if (!file.startsWith(root + path.sep)) {
    throw new ApiError('original.pathOutsideStore', { fileName: attachment.fileName });
  }
  return { attachment, file, files: ctx.catalogue.originals };
}

function readChecked({ attachment, file, files }: Located): Buffer {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) {
    throw new ApiError('original.missing', { fileName: attachment.fileName });
  }
  const size = files.plainSize(file);
  if (size > MAX_VIEW_BYTES) {
    const mb = Math.ceil(size / (1024 * 1024));
    throw new ApiError('original.tooLargeToView', { fileName: attachment.fileName, mb, maxMb: MAX_VIEW_BYTES / (1024 * 1024) });
  }
  let bytes: Buffer;
  try {
    // Opened (decrypted) when the catalogue stores originals sealed.
    bytes = files.readWholeSync(file);
  } catch (err) {
    if (err instanceof SealedFileError) throw new ApiError('original.changed', { fileName: attachment.fileName });
    throw err;
  }
  if (createHash('sha256').update(bytes).digest('hex') !== attachment.sha256) {
    throw new ApiError('original.changed', { fileName: attachment.fileName });
  }
  return bytes;
}

export function originalContent(ctx: ServiceContext, attachmentId: number, purpose: 'view' | 'save'): OriginalContent {
  const located = locate(ctx, attachmentId);
  // A copy leaving the app is an export: a secret original needs a scope unlocked for export.
  if (purpose === 'save' && !ctx.access.secretsVisible('export') && ctx.catalogue.repos.removals.isSecret(located.attachment.documentId)) {
    throw new ApiError('original.secretSave');
  }
  const bytes = readChecked(located);
  return { attachment: located.attachment, kind: originalKind(located.attachment, bytes), contentBase64: bytes.toString('base64') };
}

async function docxHtml(bytes: Buffer, fileName: string): Promise<string> {
  try {
    const zip = await openZip(bytes, DOCX_LIMITS);
    zip.close();
  } catch (err) {
    if (err instanceof ZipError) {
      throw new ApiError('original.wordUnpackFailed', { fileName, detail: err.message });
    }
    throw err;
  }
  try {
    // Pictures come as data: URIs (the only images the window's policy admits besides its own).
    const result = await mammoth.convertToHtml({ buffer: bytes });
    return result.value;
  } catch (err) {
    throw new ApiError('original.wordUnreadable', { fileName, detail: String(err) });
  }
}

export async function originalPreview(ctx: ServiceContext, attachmentId: number): Promise<OriginalPreview> {
  const located = locate(ctx, attachmentId);
  const { attachment } = located;
  const kind = originalKind(attachment);
  if (kind === 'text') {
    const decoded = decodeText(readChecked(located), attachment.fileName);
    return { attachment, kind, text: decoded.text, encoding: decoded.encoding };
  }
  if (kind === 'docx') return { attachment, kind, html: await docxHtml(readChecked(located), attachment.fileName) };
  return { attachment, kind };
}
