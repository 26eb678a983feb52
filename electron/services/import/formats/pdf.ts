import { fieldError } from '../../../../shared/contract/errors';
import type { PlacedPage } from '../../../../shared/parser/layout';
import { type FontEncoding, fontEncoding } from '../../../../shared/text/encodings/fonts';
import { unreadable } from '../decodeText';
import { checkPdfStreams } from './pdfBudget';
import { joinSplitNumberSymbols, pageLines } from './pdfLines';

/**
 * PDF text through pdf.js, its lines rebuilt from the items' positions (pdfLines.ts). Text drawn in
 * a legacy Vietnamese font (`.VnTime`, `.VnTimeH`, `VNI-Times`, kept as the embedded font's name)
 * is converted by font; the caller then looks for legacy text the fonts did not name. A PDF with
 * (almost) no text is a scan: it is imported as it is and flagged for OCR.
 */

export interface PdfText {
  text: string;
  pageCount: number;
  /** Pages with no text of their own (scanned pages inside a text PDF), 1-based. */
  pagesWithoutText: number[];
  /** No text layer to speak of: a scan waiting for OCR. */
  needsOcr: boolean;
  /** Legacy encodings converted because of the fonts' names. */
  legacyFonts: Array<'tcvn3' | 'vni'>;
  /** Each page's line cells with their boxes (top-left origin), for reading headers by position. */
  placed: PlacedPage[];
}

/** Pages placed: the parser reads the first; beyond this a long PDF's positions are not kept. */
const MAX_PLACED_PAGES = 200;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | null = null;

/**
 * pdf.js in Node runs its "worker" in this thread; handing it the worker module up front spares it
 * from resolving a worker file by URL, which a bundled build would not find.
 */
export function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/** Fewer characters than this per page is not a text layer but stray marks on a scan. */
const MIN_CHARS_PER_PAGE = 12;

function errorName(err: unknown): string {
  return err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
}

/** Reads the text layer of a PDF. Refuses a file that is not a PDF, is cut short, or is locked. */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw unreadable(fileName, fieldError('read.notPdf'));
  // Every complete PDF ends with %%EOF (possibly followed by a few bytes): without it the file was
  // cut short in a copy or a download, and pages or their text may be missing.
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) throw unreadable(fileName, fieldError('read.pdfTruncated'));
  // pdf.js would unpack a stream whole, however big: a "PDF bomb" is refused before it starts.
  const budget = await checkPdfStreams(bytes);
  if (!budget.ok) {
    throw unreadable(fileName, fieldError('read.pdfTooLarge'), `stream at byte ${budget.offset}`);
  }
  const lib = await pdfjs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: true })
      .promise;
  } catch (err) {
    if (errorName(err) === 'PasswordException') throw unreadable(fileName, fieldError('read.pdfPassword'));
    throw unreadable(fileName, fieldError('read.pdfDamaged'), String(err));
  }
  try {
    const pages: string[] = [];
    const placed: PlacedPage[] = [];
    const pagesWithoutText: number[] = [];
    const legacyFonts = new Set<'tcvn3' | 'vni'>();
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      // Raw characters: pdf.js would otherwise turn TCVN3's `à` (µ, U+00B5) into a Greek μ.
      const content = await page.getTextContent({ disableNormalization: true });
      let fontOf: (name: string) => FontEncoding | null = () => null;
      // Only text with Latin-1 letters can be in a legacy font; only then are the fonts' names
      // worth loading (it takes running the page's drawing operators).
      if (content.items.some((i) => 'str' in i && /[\u00a0-\u00ff]/.test(i.str))) {
        await page.getOperatorList();
        fontOf = (id) => {
          if (!page.commonObjs.has(id)) return null;
          const font = page.commonObjs.get(id) as { name?: string } | null;
          // Embedded fonts are named `ABCDEF+.VnTime`: the part after the subset tag is the font.
          return fontEncoding(font?.name?.replace(/^[A-Z]{6}\+/, '') ?? null);
        };
      }
      const viewport = page.getViewport({ scale: 1 });
      const { lines, legacyFonts: used, placed: cells } = pageLines(content.items, fontOf, viewport.height);
      if (n <= MAX_PLACED_PAGES) placed.push({ index: n - 1, width: viewport.width, height: viewport.height, source: 'pdf', items: cells });
      for (const e of used) legacyFonts.add(e);
      const pageChars = lines.join('').replace(/\s+/g, '').length;
      if (pageChars < MIN_CHARS_PER_PAGE) pagesWithoutText.push(n);
      chars += pageChars;
      pages.push(lines.join('\n'));
      page.cleanup();
    }
    const needsOcr = chars < MIN_CHARS_PER_PAGE * Math.max(1, doc.numPages);
    return {
      text: needsOcr ? '' : joinSplitNumberSymbols(pages.join('\n').split('\n')).join('\n'),
      pageCount: doc.numPages,
      pagesWithoutText,
      needsOcr,
      legacyFonts: [...legacyFonts],
      placed: needsOcr ? [] : placed,
    };
  } catch (err) {
    throw unreadable(fileName, fieldError('read.pdfContentDamaged'), String(err));
  } finally {
    await doc.destroy();
  }
}
