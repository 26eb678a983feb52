import { createHash } from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { ImportFileResult } from '../../../shared/contract/types';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { type ServiceContext, audit, nowOf } from '../context';
import { decodeText } from './decodeText';
import { mediaTypeOf, storeOriginal } from './originalsStore';

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

/** Text formats this build reads; other formats arrive with the formats issue. */
export const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

/** Above this a "text" file is not a party document but an export or a log. */
export const MAX_TEXT_BYTES = 50 * 1024 * 1024;

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

function failed(name: string, err: unknown): ImportFileResult {
  if (err instanceof ApiError) return { name, outcome: 'failed', documentId: null, message: err.message };
  return { name, outcome: 'failed', documentId: null, message: `Lỗi không xác định khi nhập “${name}”: ${String(err)}` };
}

/**
 * Imports one original: skips it when the same bytes are already catalogued, otherwise reads its
 * text, pre-fills the metadata with the parser (empty fields flagged for review, never guessed),
 * stores the original beside the catalogue, then writes the document, its attachment, its index
 * entry and the audit row in one transaction.
 */
export function importDocument(ctx: ServiceContext, target: ImportTarget, source: ImportSource): ImportFileResult {
  const name = source.name;
  try {
    const ext = path.extname(name).toLowerCase();
    if (!TEXT_EXTENSIONS.has(ext)) {
      throw new ApiError(
        'unsupported_file',
        `Chưa hỗ trợ định dạng “${ext || 'không có đuôi'}” của “${name}” (hỗ trợ: .txt, .md).`,
        `Unsupported format ${ext} for ${name}`,
      );
    }
    if (source.size > MAX_TEXT_BYTES) {
      throw new ApiError(
        'unreadable_file',
        `Tệp “${name}” quá lớn (${(source.size / 1048576).toFixed(0)} MB; văn bản tối đa ${MAX_TEXT_BYTES / 1048576} MB).`,
        `File ${name} too large: ${source.size} bytes`,
      );
    }
    const bytes = source.read();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { repos } = ctx.catalogue;
    const existing = repos.attachments.findBySha256(sha256);
    if (existing) {
      return { name, outcome: 'duplicate', documentId: existing.documentId, message: `Đã có trong danh mục (văn bản mã ${existing.documentId}).` };
    }
    const decoded = decodeText(bytes, name);
    const parsed = parseDocument(decoded.text);
    const storedPath = storeOriginal(ctx.catalogue.originalsDir, sha256, ext, bytes);
    const m = parsed.metadata;

    const documentId = ctx.catalogue.transaction(() => {
      const now = nowOf(ctx);
      const fileId = target.fileId ?? null;
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
          pageCount: null,
          reliability: null,
          incomingStamp: m.incomingStamp,
          notes: null,
          reviewFields: parsed.review,
          fullText: decoded.text,
          parseInfo: { encoding: decoded.encoding, normalizedToNfc: decoded.normalized, spans: parsed.spans, citations: parsed.citationDetails },
        },
        now,
      );
      const attachmentId = repos.attachments.insert(
        { documentId: id, fileName: path.basename(name), mediaType: mediaTypeOf(name), size: bytes.byteLength, sha256, storedPath },
        now,
      );
      repos.searchIndex.upsert(id, { numberSymbol: m.numberSymbol, subject: m.subject, body: decoded.text });
      const record = repos.documents.get(id);
      audit(ctx, 'document.import', 'document', id, undefined, { ...record, source: path.basename(name), textLength: decoded.text.length });
      audit(ctx, 'attachment.add', 'attachment', attachmentId, undefined, { documentId: id, fileName: path.basename(name), size: bytes.byteLength, sha256 });
      return id;
    });
    return { name, outcome: 'imported', documentId, message: null };
  } catch (err) {
    return failed(name, err);
  }
}
