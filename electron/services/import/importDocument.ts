import { createHash } from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { ImportFileResult } from '../../../shared/contract/types';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { type ServiceContext, audit, nowOf } from '../context';
import { SUPPORTED_EXTENSIONS, extractText } from './extractText';
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
export async function importDocument(ctx: ServiceContext, target: ImportTarget, source: ImportSource): Promise<ImportFileResult> {
  const name = source.name;
  try {
    const ext = path.extname(name).toLowerCase();
    if (!SUPPORTED_EXTENSIONS.has(ext)) {
      throw new ApiError(
        'unsupported_file',
        `Chưa hỗ trợ định dạng “${ext || 'không có đuôi'}” của “${name}” (hỗ trợ: ${[...SUPPORTED_EXTENSIONS].join(', ')}).`,
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
    const extracted = await extractText(name, bytes);
    const parsed = parseDocument(extracted.text);
    const storedPath = storeOriginal(ctx.catalogue.originalsDir, sha256, ext, bytes);
    const m = parsed.metadata;

    const outcome = ctx.catalogue.transaction((): { duplicateOf: number } | { documentId: number } => {
      // Another import may have stored the same bytes while this one was reading them.
      const raced = repos.attachments.findBySha256(sha256);
      if (raced) return { duplicateOf: raced.documentId };
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
          fullText: extracted.text,
          parseInfo: { encoding: extracted.encoding, conversions: extracted.conversions, needsOcr: extracted.needsOcr, spans: parsed.spans, citations: parsed.citationDetails },
        },
        now,
      );
      const attachmentId = repos.attachments.insert(
        { documentId: id, fileName: path.basename(name), mediaType: mediaTypeOf(name), size: bytes.byteLength, sha256, storedPath },
        now,
      );
      repos.searchIndex.upsert(id, { numberSymbol: m.numberSymbol, subject: m.subject, body: extracted.text });
      const record = repos.documents.get(id);
      audit(ctx, 'document.import', 'document', id, undefined, { ...record, source: path.basename(name), textLength: extracted.text.length });
      audit(ctx, 'attachment.add', 'attachment', attachmentId, undefined, { documentId: id, fileName: path.basename(name), size: bytes.byteLength, sha256 });
      return { documentId: id };
    });
    if ('duplicateOf' in outcome) {
      return { name, outcome: 'duplicate', documentId: outcome.duplicateOf, message: `Đã có trong danh mục (văn bản mã ${outcome.duplicateOf}).` };
    }
    return { name, outcome: 'imported', documentId: outcome.documentId, message: null };
  } catch (err) {
    return failed(name, err);
  }
}
