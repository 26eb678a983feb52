import { describe, expect, it } from 'vitest';
import type { DocumentPages, OcrWordBox } from '../../../shared/contract/types/ocr';
import { boxesOnPage, pageOfField, pagesBelongTo } from '../../../renderer/src/components/viewer/readPlaces';

const word = (text: string, x: number, y: number, confidence: number, start: number): OcrWordBox => ({ text, x, y, width: 10 * text.length, height: 20, confidence, start, end: start + text.length });

// A two-page scan: the number on page 1, the signer on page 2 (read at low confidence).
const pages: DocumentPages = {
  documentId: 7,
  threshold: 70,
  pages: [
    { index: 0, width: 1654, height: 2339, source: 'ocr', confidence: 91, words: [word('Số:', 100, 200, 95, 0), word('1485-KL/TU,', 140, 200, 93, 4), word('Bàn', 100, 400, 90, 16), word('giao', 140, 400, 88, 20)] },
    { index: 1, width: 1654, height: 2339, source: 'ocr', confidence: 64, words: [word('Nguyễn', 900, 1800, 61, 30), word('Văn', 980, 1800, 66, 37), word('giao', 100, 300, 80, 41)] },
  ],
  fields: [
    { field: 'numberSymbol', boxes: [{ page: 0, x: 140, y: 200, width: 110, height: 20, confidence: 93 }], confidence: 93, lowConfidence: false },
    {
      field: 'signerName',
      boxes: [
        { page: 1, x: 900, y: 1800, width: 60, height: 20, confidence: 61 },
        { page: 1, x: 980, y: 1800, width: 30, height: 20, confidence: 66 },
      ],
      confidence: 61,
      lowConfidence: true,
    },
  ],
};

describe('boxes drawn over a scanned page', () => {
  it('marks where a field was read, on its page only, and says which words were doubtful', () => {
    expect(boxesOnPage(pages, 1, 'numberSymbol', [])).toEqual([{ kind: 'read', x: 140, y: 200, width: 110, height: 20, confidence: 93, low: false }]);
    expect(boxesOnPage(pages, 2, 'numberSymbol', [])).toEqual([]);
    const signer = boxesOnPage(pages, 2, 'signerName', []);
    expect(signer.map((b) => [b.kind, b.x, b.low])).toEqual([
      ['read', 900, true],
      ['read', 980, true],
    ]);
    expect(pageOfField(pages, 'signerName')).toBe(2);
    expect(pageOfField(pages, 'numberSymbol')).toBe(1);
    expect(pageOfField(pages, 'subject')).toBeNull();
    expect(pageOfField(pages, null)).toBeNull();
  });

  it('marks the searched words without regard to case, diacritics or the punctuation around them', () => {
    const found = boxesOnPage(pages, 1, null, ['ban giao', '1485-kl/tu']);
    expect(found.map((b) => [b.kind, b.x, b.y])).toEqual([
      ['search', 140, 200],
      ['search', 100, 400],
      ['search', 140, 400],
    ]);
    // On page 2 only `giao` is there; one-letter words and empty terms mark nothing.
    expect(boxesOnPage(pages, 2, null, ['bàn giao']).map((b) => b.x)).toEqual([100]);
    expect(boxesOnPage(pages, 1, null, ['a', ' ', ''])).toEqual([]);
  });

  it('draws nothing over pages that were not read by OCR, or a page that is not there', () => {
    const typed: DocumentPages = { ...pages, pages: pages.pages.map((p) => ({ ...p, source: 'pdf' as const })) };
    expect(boxesOnPage(typed, 1, 'numberSymbol', ['giao'])).toEqual([]);
    expect(pageOfField(typed, 'numberSymbol')).toBeNull();
    expect(boxesOnPage(pages, 3, 'numberSymbol', ['giao'])).toEqual([]);
    expect(boxesOnPage(null, 1, 'numberSymbol', ['giao'])).toEqual([]);
  });

  it('belongs to the first original attached, whatever the order listed', () => {
    expect(pagesBelongTo([{ id: 12 }, { id: 9 }, { id: 30 }])).toBe(9);
    expect(pagesBelongTo([])).toBeNull();
  });
});
