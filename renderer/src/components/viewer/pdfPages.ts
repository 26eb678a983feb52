/**
 * PDF pages drawn by pdf.js in the renderer: the page on a canvas, and pdf.js's text layer over
 * it (transparent text placed where the words are) so that words can be found, selected and
 * highlighted. pdf.js is loaded only when a PDF is first shown; its worker is a bundled file of the
 * app (the window's policy admits no other script), and nothing is evaluated from the document.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

type PdfJs = typeof import('pdfjs-dist');
let loading: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    const [lib, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  })();
  return loading;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  // pdf.js takes the buffer over to its worker: hand it a copy.
  return lib.getDocument({ data: bytes.slice(), isEvalSupported: false, useWasm: false, verbosity: 0 }).promise;
}

/** The CSS width of page `n` at scale 1 (to fit the page to the viewer's width). */
export async function pageWidth(doc: PDFDocumentProxy, n: number): Promise<number> {
  const page = await doc.getPage(n);
  return page.getViewport({ scale: 1 }).width;
}

/**
 * Draws page `n` at `scale` into `host` (emptied first): a canvas at the screen's pixel density and
 * the text layer. Resolves once both are in place; `isStale` stops work for a page no longer wanted.
 */
export async function renderPdfPage(doc: PDFDocumentProxy, n: number, scale: number, host: HTMLElement, isStale: () => boolean): Promise<void> {
  const lib = await pdfjs();
  const page = await doc.getPage(n);
  if (isStale()) return;
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  canvas.setAttribute('aria-hidden', 'true');
  const textLayer = document.createElement('div');
  textLayer.className = 'textLayer';
  const frame = document.createElement('div');
  frame.className = 'pdf-page';
  frame.style.width = `${Math.floor(viewport.width)}px`;
  frame.style.height = `${Math.floor(viewport.height)}px`;
  frame.style.setProperty('--total-scale-factor', String(scale));
  frame.style.setProperty('--scale-round-x', '1px');
  frame.style.setProperty('--scale-round-y', '1px');
  frame.append(canvas, textLayer);

  await page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
  if (isStale()) return;
  const layer = new lib.TextLayer({ textContentSource: page.streamTextContent(), container: textLayer, viewport });
  await layer.render();
  if (isStale()) return;
  host.replaceChildren(frame);
}
