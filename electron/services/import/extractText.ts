import path from 'node:path';
import { ApiError, fieldError, type ErrorMessage } from '../../../shared/contract/errors';
import type { PlacedPage } from '../../../shared/parser/layout';
import { textLayerQuality, vietnameseShare } from '../../../shared/text/syllables';
import type { OcrReading, OcrRun } from '../ocr/ocrDocument';
import { decodeText, normalizeText, refuseMarkFlood, unreadable } from './decodeText';
import { CONVERSION } from '../../../shared/importing/conversions';

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
  /** Read by OCR: the mean word confidence (0–100) over the document. */
  ocrConfidence?: number | null;
  /**
   * The PDF's own text layer does not read as Vietnamese (a broken font map): `garbled` (its text
   * is not used), `doubtful` (kept unless OCR reads the pages better). Absent when sound.
   */
  textLayer?: 'garbled' | 'doubtful';
  /** Why fields wait for review, by field, stored with the document (e.g. a scan not yet read). */
  reviewReasons?: Record<string, ErrorMessage>;
}

/** How to read a scan: with OCR (its engine, a stop signal, page progress), or not at all (flagged). */
export interface ExtractOptions {
  ocr?: OcrRun | null;
}

/** Why a PDF whose text layer is garbled waits for review. */
export const GARBLED_REASON: ErrorMessage = { code: 'review.garbledTextLayer', params: {} };
/** Why a PDF whose text layer may be garbled waits for review. */
export const DOUBTFUL_REASON: ErrorMessage = { code: 'review.doubtfulTextLayer', params: {} };

/** Formats this build reads, by extension. */
export const SUPPORTED_EXTENSIONS = new Set(['.txt', '.md', '.docx', '.pdf', '.jpg', '.jpeg', '.png', '.tif', '.tiff']);

/** The OCR modules (sharp, pdf.js drawing, tesseract.js) load only when a scan is met: start-up stays light. */
const ocrModule = () => import('../ocr/ocrDocument');
const imagesModule = () => import('../ocr/images');

function imageFormat(ext: string): string {
  return ext === '.jpg' || ext === '.jpeg' ? 'jpeg' : ext === '.tif' || ext === '.tiff' ? 'tiff' : 'png';
}

/** A document read by OCR; a scan with no word found stays flagged. */
function fromOcr(reading: OcrReading, format: string, conversions: string[]): ExtractedText {
  return {
    text: reading.text,
    encoding: 'ocr',
    conversions: [...conversions, 'ocr'],
    needsOcr: reading.text.trim() === '',
    format,
    pageCount: reading.pageCount,
    pages: reading.pages,
    ocrConfidence: reading.confidence ?? null,
  };
}

/** Above this an original is not a party document but an export, a log or a damaged file. */
export const MAX_ORIGINAL_BYTES = 50 * 1024 * 1024;

/**
 * Reads an original's text according to its format. The one place that knows formats: the
 * importer calls this and nothing else. Throws an ApiError (`unreadable_file`, with the file's
 * name and the reason in Vietnamese) for anything it cannot read. A format's library is loaded
 * the first time a file of that format is read.
 */
export async function extractText(fileName: string, bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedText> {
  const ext = path.extname(fileName).toLowerCase();
  const base = path.basename(fileName);
  if (bytes.byteLength === 0) throw unreadable(base, fieldError('read.empty'));
  switch (ext) {
    case '.txt':
    case '.md': {
      const decoded = decodeText(bytes, base);
      return { text: decoded.text, encoding: decoded.encoding, conversions: decoded.conversions, needsOcr: false, format: ext.slice(1), pageCount: null };
    }
    case '.docx': {
      const { readDocx } = await import('./formats/docx');
      const docx = await readDocx(bytes, base);
      const conversions = docx.legacyFonts.map(CONVERSION.legacyFont);
      refuseMarkFlood(docx.text, base);
      const { text, legacy } = normalizeText(docx.text, conversions);
      if (text.trim() === '') throw unreadable(base, fieldError('read.wordNoText'));
      return {
        text,
        encoding: legacy ?? docx.legacyFonts[0] ?? 'unicode',
        conversions,
        needsOcr: false,
        format: 'docx',
        pageCount: null,
        ...(docx.placed ? { pages: [docx.placed] } : {}),
      };
    }
    case '.pdf': {
      const { readPdf } = await import('./formats/pdf');
      const pdf = await readPdf(bytes, base);
      const conversions = pdf.legacyFonts.map(CONVERSION.legacyFont);
      if (pdf.needsOcr) {
        if (options.ocr) return fromOcr(await (await ocrModule()).ocrPdf(bytes, base, options.ocr), 'pdf', conversions);
        return { text: '', encoding: 'none', conversions, needsOcr: true, format: 'pdf', pageCount: pdf.pageCount };
      }
      refuseMarkFlood(pdf.text, base);
      const { text, legacy } = normalizeText(pdf.text, conversions);
      const quality = textLayerQuality(text);
      if (quality !== 'sound') return readGarbled(bytes, base, text, quality, legacy ?? pdf.legacyFonts[0] ?? 'unicode', conversions, pdf.pageCount, options);
      return {
        text,
        encoding: legacy ?? pdf.legacyFonts[0] ?? 'unicode',
        conversions,
        needsOcr: false,
        format: 'pdf',
        pageCount: pdf.pageCount,
        ...(pdf.placed.length > 0 ? { pages: pdf.placed } : {}),
      };
    }
    case '.jpg':
    case '.jpeg':
    case '.png':
    case '.tif':
    case '.tiff': {
      const image = await (await imagesModule()).openImage(bytes, base);
      if (options.ocr) return fromOcr(await (await ocrModule()).ocrImage(bytes, base, options.ocr, image), imageFormat(ext), []);
      return { text: '', encoding: 'none', conversions: [], needsOcr: true, format: imageFormat(ext), pageCount: image.pages.length };
    }
    default:
      throw new ApiError('import.unsupportedFormat', { ext, fileName: base, supported: [...SUPPORTED_EXTENSIONS] });
  }
}

/**
 * A PDF whose text layer does not read as Vietnamese (its font's ToUnicode map is wrong): its pages
 * are read by OCR, and the reading kept when it is sounder Vietnamese than the layer. Otherwise a
 * garbled layer gives no text (its words would be wrong values) and a doubtful one is kept; both
 * are flagged.
 */
async function readGarbled(
  bytes: Uint8Array,
  base: string,
  layer: string,
  quality: 'garbled' | 'doubtful',
  encoding: string,
  conversions: string[],
  pageCount: number,
  options: ExtractOptions,
): Promise<ExtractedText> {
  const noted = [...conversions, quality === 'garbled' ? CONVERSION.garbledLayer : CONVERSION.doubtfulLayer];
  if (options.ocr) {
    const reading = await (await ocrModule()).ocrPdf(bytes, base, options.ocr);
    const gain = (vietnameseShare(reading.text) ?? 0) - (vietnameseShare(layer) ?? 0);
    if (gain > 0.02) return { ...fromOcr(reading, 'pdf', noted), textLayer: quality };
  }
  if (quality === 'doubtful') {
    return { text: layer, encoding, conversions: noted, needsOcr: false, format: 'pdf', pageCount, textLayer: quality, reviewReasons: { fullText: DOUBTFUL_REASON } };
  }
  return { text: '', encoding: 'none', conversions: noted, needsOcr: true, format: 'pdf', pageCount, textLayer: quality, reviewReasons: { fullText: GARBLED_REASON } };
}
