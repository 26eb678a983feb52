import path from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import type { PlacedPage } from '../../../shared/parser/layout';
import { decodeText, normalizeText, refuseMarkFlood, unreadable } from './decodeText';

/** The text of an original, ready for the parser, and what was done to get it. */
export interface ExtractedText {
  /** NFC Unicode; empty when the original has no text layer (a scan). */
  text: string;
  /**
   * How the characters were stored, recorded with the document: for text files the byte encoding
   * (`utf-8`, `utf-16le`, `windows-1258`, `tcvn3`, `vni`…); for Word and PDF `unicode`, or the
   * legacy encoding (`tcvn3`, `vni`) their text turned out to be in.
   */
  encoding: string;
  /** Conversions applied (e.g. `tcvn3→unicode`, `nfd→nfc`), recorded with the document. */
  conversions: string[];
  /** The original has no text to read (a scanned PDF): import it as an attachment, flagged. */
  needsOcr: boolean;
  /** The format read: `txt`, `md`, `docx` or `pdf` (optional for callers that build one by hand). */
  format?: string;
  /** Pages, when the format has them (PDF). */
  pageCount?: number | null;
  /**
   * Positioned text, where the reader knows where each word sits (OCR word boxes, PDF text items,
   * Word table cells): the parser reads the header's two columns from it. The items' text is the
   * text of {@link text}, so what is read from them can be pointed at in it. Absent for plain text.
   */
  pages?: PlacedPage[];
}

/** Formats this build reads, by extension. */
export const SUPPORTED_EXTENSIONS = new Set(['.txt', '.md', '.docx', '.pdf']);

/** Above this an original is not a party document but an export, a log or a damaged file. */
export const MAX_ORIGINAL_BYTES = 50 * 1024 * 1024;

/** What a reader may report while it reads one file (a reader thread passes it on to the import's progress and budget). */
export interface ExtractOptions {
  /** `done` of `total` units (pages) read; each one earns the file more time (`FileBudget.perProgressMs`). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads an original's text according to its format. The one place that knows formats: the
 * importer calls this and nothing else. Throws an ApiError (`unreadable_file`, with the file's
 * name and the reason in Vietnamese) for anything it cannot read. A format's library is loaded
 * the first time a file of that format is read.
 */
export async function extractText(fileName: string, bytes: Uint8Array, _options: ExtractOptions = {}): Promise<ExtractedText> {
  const ext = path.extname(fileName).toLowerCase();
  const base = path.basename(fileName);
  if (bytes.byteLength === 0) throw unreadable(base, 'tệp rỗng', 'the file is empty');
  switch (ext) {
    case '.txt':
    case '.md': {
      const decoded = decodeText(bytes, base);
      return { text: decoded.text, encoding: decoded.encoding, conversions: decoded.conversions, needsOcr: false, format: ext.slice(1), pageCount: null };
    }
    case '.docx': {
      const { readDocx } = await import('./formats/docx');
      const docx = await readDocx(bytes, base);
      const conversions = docx.legacyFonts.map((e) => `${e}→unicode (phông chữ)`);
      refuseMarkFlood(docx.text, base);
      const { text, legacy } = normalizeText(docx.text, conversions);
      if (text.trim() === '') throw unreadable(base, 'tệp Word không có nội dung chữ', 'no text in the document');
      return { text, encoding: legacy ?? docx.legacyFonts[0] ?? 'unicode', conversions, needsOcr: false, format: 'docx', pageCount: null };
    }
    case '.pdf': {
      const { readPdf } = await import('./formats/pdf');
      const pdf = await readPdf(bytes, base);
      const conversions = pdf.legacyFonts.map((e) => `${e}→unicode (phông chữ)`);
      if (pdf.needsOcr) return { text: '', encoding: 'none', conversions, needsOcr: true, format: 'pdf', pageCount: pdf.pageCount };
      refuseMarkFlood(pdf.text, base);
      const { text, legacy } = normalizeText(pdf.text, conversions);
      return { text, encoding: legacy ?? pdf.legacyFonts[0] ?? 'unicode', conversions, needsOcr: false, format: 'pdf', pageCount: pdf.pageCount };
    }
    default:
      throw new ApiError(
        'unsupported_file',
        `Chưa hỗ trợ định dạng “${ext || 'không có đuôi'}” của “${base}” (hỗ trợ: ${[...SUPPORTED_EXTENSIONS].join(', ')}).`,
        `Unsupported format ${ext} for ${fileName}`,
      );
  }
}
