/**
 * What an import run's report says of a file that was imported or skipped (an original already
 * held, another copy of a catalogued record, a scan waiting for OCR), why a document waits for
 * review, and how these texts name a catalogued document. The report keeps them as codes with
 * parameters, so they read in the interface's language; the command line prints the Vietnamese.
 */
import { defineErrors, error, type NestedMessage } from './define';

/** A catalogued document as a message names it (`mentionOf`); `date` is already dd/mm/yyyy. */
type Mention = { numberSymbol: string | null; date: string | null; issuer: string | null; subject: string | null; secret: boolean };
/** `document`: one `mention.document` (or `mention.removed`) message. */
type Of = { document: readonly NestedMessage[] };

const SUBJECT_CHARS = 80;
const subjectOf = (s: string) => (s.length > SUBJECT_CHARS ? `${s.slice(0, SUBJECT_CHARS)}…` : s);

function mentionVi(p: Mention): string {
  if (p.secret) return 'một văn bản mật (không nêu số, ký hiệu)';
  const date = p.date ? ` ngày ${p.date}` : '';
  const issuer = p.issuer ? ` của ${p.issuer}` : '';
  if (p.numberSymbol) return `văn bản số ${p.numberSymbol}${date}${issuer}`;
  return `văn bản chưa có số, ký hiệu${p.subject ? ` “${subjectOf(p.subject)}”` : ''}${date}${issuer}`;
}

function mentionEn(p: Mention): string {
  if (p.secret) return 'a secret document (its number-symbol withheld)';
  const date = p.date ? ` of ${p.date}` : '';
  const issuer = p.issuer ? ` by ${p.issuer}` : '';
  if (p.numberSymbol) return `document No. ${p.numberSymbol}${date}${issuer}`;
  return `a document without a number-symbol${p.subject ? ` “${subjectOf(p.subject)}”` : ''}${date}${issuer}`;
}

export const importNoteErrors = defineErrors({
  codes: {
    'mention.document': error<Mention>('conflict'),
    'mention.removed': error('conflict'),
    'importNote.sameBytes': error<Of>('conflict'),
    'importNote.sameDocument': error<Of>('conflict'),
    /** A file of a secret document, told to a caller who may not see it. */
    'importNote.secretDuplicate': error('hidden'),
    /** Notes of one imported file, one after the other. */
    'importNote.notes': error<{ notes: readonly NestedMessage[] }>('conflict'),
    'importNote.needsOcr': error('unreadable_file'),
    'importNote.waitsForReview': error<{ reason: readonly NestedMessage[] }>('conflict'),
    'importRun.interrupted': error('cancelled'),
    // What could not be taken from a register row (the document is made, the field left for review).
    'registers.dateUnreadable': error<{ raw: string }>('invalid_input'),
    'registers.fileNotInFonds': error<{ fileCode: string }>('not_found'),
    // Why a document waits for the archivist (stored with it, shown in the review queue).
    'review.needsOcr': error('unreadable_file'),
    'review.probableDuplicate': error<Of>('conflict'),
    'review.garbledTextLayer': error('unreadable_file'),
    'review.doubtfulTextLayer': error('unreadable_file'),
    'review.lowOcrConfidence': error<{ percent: number }>('unreadable_file'),
    // What was done to a document's characters (`shared/importing/conversions.ts` names them).
    'conversion.legacyFont': error<{ from: string }>('invalid_input'),
    'conversion.marksSplit': error('invalid_input'),
    'conversion.garbledLayer': error('unreadable_file'),
    'conversion.doubtfulLayer': error('unreadable_file'),
  },
  vi: {
    'mention.document': mentionVi,
    'mention.removed': () => 'một văn bản đã bị gỡ',
    'importNote.sameBytes': (p) => `Tệp này (cùng nội dung từng byte) đã có trong danh mục: ${p.document.join('')}.`,
    'importNote.sameDocument': (p) =>
      `Cùng ${p.document.join('')} đã có trong phông: tệp được lưu thêm làm một bản gốc khác của văn bản đó, không tạo hồ sơ văn bản mới.`,
    'importNote.secretDuplicate': () => 'Đã có trong danh mục (tài liệu mật).',
    'importNote.notes': (p) => p.notes.join(' '),
    'importNote.needsOcr': () => 'Đã nhập bản gốc; cần nhận dạng chữ (OCR).',
    'importNote.waitsForReview': (p) => `Đã nhập; ${p.reason.join('')}: chờ người lưu trữ xem xét.`,
    'importRun.interrupted': () => 'Lần nhập bị dừng đột ngột (chương trình bị đóng hoặc mất điện); các tệp đã lưu vẫn còn nguyên, có thể nhập tiếp.',
    'registers.dateUnreadable': (p) => `Ngày “${p.raw}” không đọc được thành một ngày đầy đủ: để trống, cần rà soát.`,
    'registers.fileNotInFonds': (p) => `Hồ sơ số “${p.fileCode}” chưa có trong phông: văn bản để ở mục chưa lập hồ sơ.`,
    'review.needsOcr': () => 'cần nhận dạng chữ (OCR)',
    'review.probableDuplicate': (p) => `có thể trùng với ${p.document.join('')} đã có trong phông`,
    'review.garbledTextLayer': () => 'lớp chữ của PDF bị lỗi phông (mã chữ sai), cần nhận dạng chữ (OCR) hoặc nhập lại',
    'review.doubtfulTextLayer': () => 'lớp chữ của PDF có thể bị lỗi phông (nhiều chữ sai dấu), cần đối chiếu với bản gốc',
    'review.lowOcrConfidence': (p) => `đọc từ chữ nhận dạng (OCR) kém tin cậy (${p.percent}%)`,
    'conversion.legacyFont': (p) => `${p.from}→unicode (phông chữ)`,
    'conversion.marksSplit': () => 'nfd→nfc (dấu kết hợp quá 30 liền nhau được tách, UAX #15)',
    'conversion.garbledLayer': () => 'lớp chữ hỏng',
    'conversion.doubtfulLayer': () => 'lớp chữ đáng ngờ',
  },
  en: {
    'mention.document': mentionEn,
    'mention.removed': () => 'a removed document',
    'importNote.sameBytes': (p) => `This file (the same content, byte for byte) is already in the catalogue: ${p.document.join('')}.`,
    'importNote.sameDocument': (p) => `Already in the fonds: ${p.document.join('')}. The file was kept as another original of that document; no new record was made.`,
    'importNote.secretDuplicate': () => 'Already in the catalogue (a secret document).',
    'importNote.notes': (p) => p.notes.join(' '),
    'importNote.needsOcr': () => 'The original was imported; it needs text recognition (OCR).',
    'importNote.waitsForReview': (p) => `Imported; ${p.reason.join('')}: waiting for the archivist's review.`,
    'importRun.interrupted': () => 'The import stopped abruptly (the program was closed or the power failed); the files saved are intact and the import can be resumed.',
    'registers.dateUnreadable': (p) => `The date “${p.raw}” does not read as a whole day: left empty, to be reviewed.`,
    'registers.fileNotInFonds': (p) => `File No. “${p.fileCode}” is not in the fonds yet: the document is left among the documents not yet filed.`,
    'review.needsOcr': () => 'needs text recognition (OCR)',
    'review.probableDuplicate': (p) => `may be the same as ${p.document.join('')}, already in the fonds`,
    'review.garbledTextLayer': () => "the PDF's text layer has broken fonts (wrong character codes): it needs text recognition (OCR) or a new import",
    'review.doubtfulTextLayer': () => "the PDF's text layer may have broken fonts (many wrongly accented words): compare it with the original",
    'review.lowOcrConfidence': (p) => `read from text recognition (OCR) of low confidence (${p.percent}%)`,
    'conversion.legacyFont': (p) => `${p.from}→unicode (font)`,
    'conversion.marksSplit': () => 'nfd→nfc (runs of more than 30 combining marks split, UAX #15)',
    'conversion.garbledLayer': () => 'broken text layer',
    'conversion.doubtfulLayer': () => 'doubtful text layer',
  },
});
