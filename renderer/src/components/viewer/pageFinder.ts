/** The first PDF page whose text holds one of the terms (the place a field was read, a searched word). */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { findTerms } from '@shared/text/findTerms';

/** Pages looked at before giving up: the header fields of a party document are on its first pages. */
const MAX_PAGES_SEARCHED = 60;

export async function firstPageWith(pdf: PDFDocumentProxy, terms: readonly string[]): Promise<number | null> {
  if (terms.length === 0) return null;
  for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES_SEARCHED); n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    if (findTerms(text, terms).length > 0) return n;
  }
  return null;
}
