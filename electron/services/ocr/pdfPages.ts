/**
 * PDF pages as images for OCR: pdf.js draws each page on a canvas from `@napi-rs/canvas` (a
 * prebuilt binary inside its npm packages; pdf.js's own choice in Node), at the resolution of the
 * scan it holds (150–300 dpi), within a pixel budget whatever page size the file claims.
 */
import { fieldError } from '../../../shared/contract/errors';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { GreyImage } from '../../../shared/ocr/skew';
import { unreadable } from '../import/decodeText';
import { pdfjs } from '../import/formats/pdf';
import { checkPdfStreams } from '../import/formats/pdfBudget';

/** A rendered page at most this many pixels (A3 at 300 dpi is 17 million). */
export const MAX_RENDER_PIXELS = 24_000_000;
const MIN_DPI = 150;
const MAX_DPI = 300;

const require = createRequire(import.meta.url);

/** pdf.js's metrics of the standard 14 fonts, from its own package (never fetched). */
function standardFontDataUrl(): string {
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;
}

type PdfDoc = Awaited<ReturnType<Awaited<ReturnType<typeof pdfjs>>['getDocument']>['promise']>;

export interface PdfPageImage {
  image: GreyImage;
  /** Pixels per PDF point: word boxes are divided by it to give page units (points). */
  scale: number;
  dpi: number;
  /** The page's size in points. */
  width: number;
  height: number;
}

export class PdfPages {
  private constructor(
    private readonly doc: PdfDoc,
    readonly count: number,
  ) {}

  static async open(bytes: Uint8Array, fileName: string): Promise<PdfPages> {
    const budget = await checkPdfStreams(bytes);
    if (!budget.ok) throw unreadable(fileName, fieldError('read.pdfTooLarge'), `stream at byte ${budget.offset}`);
    const lib = await pdfjs();
    try {
      const doc = await lib.getDocument({
        data: new Uint8Array(bytes),
        isEvalSupported: false,
        disableFontFace: true,
        useSystemFonts: false,
        standardFontDataUrl: standardFontDataUrl(),
        verbosity: 0,
      }).promise;
      return new PdfPages(doc, doc.numPages);
    } catch (err) {
      throw unreadable(fileName, fieldError('read.pdfDamaged'), String(err));
    }
  }

  /** The resolution of the scan a page holds (its widest image across the page), else 300 dpi. */
  private async scanDpi(page: Awaited<ReturnType<PdfDoc['getPage']>>, widthPt: number): Promise<number> {
    const lib = await pdfjs();
    const ops = await page.getOperatorList();
    let widest = 0;
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== lib.OPS.paintImageXObject) continue;
      const w = Number((ops.argsArray[i] as unknown[])[1]);
      if (Number.isFinite(w)) widest = Math.max(widest, w);
    }
    if (widest === 0) return MAX_DPI;
    return Math.max(MIN_DPI, Math.min(MAX_DPI, (widest / widthPt) * 72));
  }

  /** Draws page `index` (0-based) in grey. */
  async render(index: number): Promise<PdfPageImage> {
    const page = await this.doc.getPage(index + 1);
    try {
      const base = page.getViewport({ scale: 1 });
      const dpi = await this.scanDpi(page, base.width);
      let scale = dpi / 72;
      const pixels = base.width * base.height * scale * scale;
      if (pixels > MAX_RENDER_PIXELS) scale *= Math.sqrt(MAX_RENDER_PIXELS / pixels);
      const viewport = page.getViewport({ scale });
      const width = Math.max(1, Math.floor(viewport.width));
      const height = Math.max(1, Math.floor(viewport.height));
      const factory = (this.doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: unknown; context: CanvasRenderingContext2D }; destroy(c: unknown): void } }).canvasFactory;
      const target = factory.create(width, height);
      try {
        const ctx = target.context;
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, width, height);
        await page.render({ canvasContext: ctx, canvas: target.canvas as HTMLCanvasElement, viewport }).promise;
        const rgba = ctx.getImageData(0, 0, width, height).data;
        const grey = new Uint8Array(width * height);
        for (let i = 0, j = 0; j < grey.length; i += 4, j++) grey[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
        return { image: { width, height, data: grey }, scale, dpi: scale * 72, width: base.width, height: base.height };
      } finally {
        factory.destroy(target);
      }
    } finally {
      page.cleanup();
    }
  }

  async close(): Promise<void> {
    await this.doc.destroy();
  }
}
