/**
 * `parse <file> [--json]`: what the parser reads from one document, in any format and encoding
 * Kho Lưu imports (through the same `extractText` as an import). Needs no catalogue: it reads the
 * file and prints, nothing is stored.
 *
 * `--json` prints one object whose keys are exactly the metadata keys of the seeds' truth.json
 * (shared/parser/types.ts `ParsedMetadata`), `null` or `[]` where the text states nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import { parseDocument } from '../../shared/parser/parseDocument';
import { METADATA_FIELDS } from '../../shared/parser/review';
import type { MetadataField, ParseResult } from '../../shared/parser/types';
import { conversionText } from '../../shared/importing/conversions';
import { reviewOcrFields } from '../../shared/ocr/fieldBoxes';
import { MAX_ORIGINAL_BYTES, extractText, type ExtractedText } from '../services/import/extractText';
import { OcrEngine, ocrWorkersFrom } from '../services/ocr/engine';
import type { ParsedArgs } from './args';

/** The keys of `--json`: the parser's metadata fields, in truth.json's order. */
export const PARSE_JSON_KEYS = METADATA_FIELDS;

const LABELS: Record<MetadataField, string> = {
  numberSymbol: 'Số, ký hiệu',
  docType: 'Tên loại',
  issuer: 'Cơ quan ban hành',
  parentIssuer: 'Cơ quan cấp trên',
  issueDate: 'Ngày ban hành',
  place: 'Địa danh',
  subject: 'Trích yếu',
  addressees: 'Kính gửi',
  recipients: 'Nơi nhận',
  signingAuthority: 'Thẩm quyền ký',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Người ký',
  incomingStamp: 'Dấu đến',
  citations: 'Văn bản được dẫn',
};

function notFound(file: string): ApiError {
  return new ApiError('import.fileNotFound', { path: file });
}

/** Reads the file after checking its size on disk, so a huge file is refused without being read. */
function readChecked(file: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw notFound(file);
  }
  if (!stat.isFile()) throw new ApiError('cli.notAFile', { path: file });
  if (stat.size > MAX_ORIGINAL_BYTES) {
    throw new ApiError('import.fileTooLarge', { fileName: path.basename(file), mb: (stat.size / 1048576).toFixed(0), maxMb: MAX_ORIGINAL_BYTES / 1048576 });
  }
  return fs.readFileSync(file);
}

/**
 * What `parse` reads from one file: the import's `extractText` (scans — images, image-only or
 * garbled PDFs — read by OCR, on workers started only for one), then the parser, with the fields
 * read from doubtful OCR words added to its review list. The evaluation on real documents
 * (tests/support/realEvaluation.ts) calls this too, so it measures exactly this path.
 */
export async function parseFile(fileName: string, bytes: Uint8Array, engine?: OcrEngine): Promise<{ extracted: ExtractedText; parsed: ParseResult }> {
  const own = engine ?? new OcrEngine({ workers: ocrWorkersFrom(null) });
  let extracted: ExtractedText;
  try {
    extracted = await extractText(fileName, bytes, { ocr: { engine: own } });
  } finally {
    if (!engine) await own.close();
  }
  const parsed = parseDocument(extracted.text, extracted.pages);
  reviewOcrFields(parsed, extracted.pages);
  return { extracted, parsed };
}

export async function parseCommand(args: ParsedArgs, userPath: (p: string) => string): Promise<number> {
  const given = args.positional[1];
  if (!given) {
    console.error('Thiếu tên tệp: npm run cli -- parse <tệp> [--json]');
    return 1;
  }
  const file = userPath(given);
  const { extracted, parsed } = await parseFile(file, readChecked(file));
  const metadata = Object.fromEntries(PARSE_JSON_KEYS.map((k) => [k, parsed.metadata[k]]));
  if (args.options.has('json')) {
    process.stdout.write(`${JSON.stringify(metadata, null, 2)}\n`);
  } else {
    const lines = [`${path.basename(file)} — ${extracted.format}, ${extracted.encoding}${extracted.conversions.length ? ` (${extracted.conversions.map((c) => conversionText('vi', c)).join(', ')})` : ''}`];
    if (extracted.needsOcr) lines.push('Bản quét không có lớp chữ: cần nhận dạng chữ (OCR), không đọc được thông tin nào.');
    if (extracted.ocrConfidence != null) lines.push(`Đọc bằng nhận dạng chữ (OCR), ${extracted.pageCount ?? 0} trang, độ tin cậy trung bình ${Math.round(extracted.ocrConfidence)}%.`);
    if (extracted.textLayer) lines.push(`Lớp chữ của PDF ${extracted.textLayer === 'garbled' ? 'bị' : 'có thể bị'} lỗi phông (mã chữ sai).`);
    for (const key of PARSE_JSON_KEYS) {
      const value = parsed.metadata[key];
      const flag = parsed.review.includes(key) ? '  [cần rà soát]' : '';
      if (Array.isArray(value)) {
        lines.push(`${LABELS[key]}:${value.length ? '' : ' —'}${flag}`);
        for (const item of value) lines.push(`  - ${item}`);
      } else if (value && typeof value === 'object') {
        lines.push(`${LABELS[key]}: ${[value.receiver, value.number && `số ${value.number}`, value.date && `ngày ${value.date}`].filter(Boolean).join(', ')}${flag}`);
      } else lines.push(`${LABELS[key]}: ${value ?? '—'}${flag}`);
    }
    console.log(lines.join('\n'));
  }
  // A scan has nothing to read: still a success (the file is fine), but worth a note on stderr.
  if (extracted.needsOcr) console.error(`“${path.basename(file)}” là bản quét: cần nhận dạng chữ (OCR).`);
  return 0;
}
