import { describe, expect, it } from 'vitest';
import { sentence } from '../../../shared/contract/errors';
import { fieldPlaces, lowConfidenceFields, reviewOcrFields } from '../../../shared/ocr/fieldBoxes';
import { type RecognisedWord, ocrText } from '../../../shared/ocr/ocrText';
import { type GreyImage, estimatePageLie } from '../../../shared/ocr/skew';
import { parseDocument } from '../../../shared/parser/parseDocument';

/** A page of text-like ink: lines of "words" (dark runs) turned by `deg` clockwise about the centre, or sideways. */
function page(deg: number, sideways = false): GreyImage {
  const width = 800;
  const height = 1100;
  const data = new Uint8Array(width * height).fill(255);
  const t = (deg * Math.PI) / 180;
  const put = (x: number, y: number) => {
    const cx = x - width / 2;
    const cy = y - height / 2;
    let rx = cx * Math.cos(t) - cy * Math.sin(t) + width / 2;
    let ry = cx * Math.sin(t) + cy * Math.cos(t) + height / 2;
    if (sideways) [rx, ry] = [((ry - height / 2) * width) / height + width / 2, ((width / 2 - (rx - width / 2)) * height) / width];
    const ix = Math.round(rx);
    const iy = Math.round(ry);
    if (ix >= 0 && ix < width && iy >= 0 && iy < height) data[iy * width + ix] = 0;
  };
  let seed = 1;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let line = 0; line < 30; line++) {
    const y0 = 100 + line * 30;
    for (let x = 80; x < 720; ) {
      const len = 20 + Math.floor(rnd() * 60);
      for (let xx = x; xx < Math.min(720, x + len); xx++) for (let yy = y0; yy < y0 + 12; yy++) if (rnd() < 0.6) put(xx, yy);
      x += len + 12;
    }
  }
  return { width, height, data };
}

describe('the lie of a scanned page', () => {
  it('finds the skew that levels the lines, to a tenth of a degree', () => {
    for (const deg of [-2.5, -1, -0.4, 0, 0.7, 1.5, 3]) {
      const lie = estimatePageLie(page(deg));
      expect(lie.sideways).toBe(false);
      // Turning the image clockwise by `skew` undoes a clockwise tilt of `deg`.
      expect(Math.abs(lie.skew + deg), `tilt ${deg}`).toBeLessThan(0.15);
    }
  });

  it('tells a page fed sideways, and says nothing of a blank one', () => {
    expect(estimatePageLie(page(0, true)).sideways).toBe(true);
    expect(estimatePageLie({ width: 100, height: 100, data: new Uint8Array(10_000).fill(255) })).toEqual({ skew: 0, sideways: false, contrast: 1 });
  });
});

const word = (text: string, line: number, x: number, confidence = 95, paragraph = 1): RecognisedWord => ({ text, x, y: line * 40, width: text.length * 10, height: 30, confidence, block: 1, paragraph, line });

describe('OCR text and where fields were read', () => {
  const pages = [
    { index: 0, width: 1000, height: 1400, words: [word('TỈNH', 1, 0), word('ỦY', 1, 50), word('Số', 2, 0), word('1485-KL/TU', 2, 30, 52), word('KẾT', 3, 0, 96, 2), word('LUẬN', 3, 40, 96, 2)] },
    { index: 1, width: 1000, height: 1400, words: [word('Nơi', 1, 0), word('nhận:', 1, 40)] },
  ];

  it('joins words into lines, paragraphs and pages, each word knowing its range', () => {
    const { text, pages: placed } = ocrText(pages);
    expect(text).toBe('TỈNH ỦY\nSố 1485-KL/TU\n\nKẾT LUẬN\n\nNơi nhận:');
    for (const p of placed) for (const w of p.items) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(placed[0]!.confidence).toBeLessThan(95);
    expect(placed[1]).toMatchObject({ index: 1, source: 'ocr', confidence: 95 });
  });

  it('reads a title in capitals the recogniser cut into blocks as one, never the header cell beside it', () => {
    const at = (text: string, x: number, y: number, block: number): RecognisedWord[] =>
      text.split(' ').map((t, i) => ({ text: t, x: x + i * 120, y, width: 100, height: 40, confidence: 95, block, paragraph: 1, line: 1 }));
    const words = [
      // The header's left cell, then its right cell starting higher up: two columns, not one title.
      ...at('ỦY BAN NHÂN DÂN', 100, 100, 1),
      ...at('CỘNG HÒA XÃ HỘI', 1000, 100, 2),
      ...at('QUYẾT ĐỊNH', 700, 400, 3),
      ...at('BAN HÀNH QUY CHẾ PHỐI HỢP', 300, 460, 4),
      ...at('THEO CƠ CHẾ', 600, 520, 5),
      // A line in capitals far below is another part of the page.
      ...at('CHƯƠNG MỘT', 600, 900, 6),
      ...at('Căn cứ Luật', 100, 950, 7),
    ];
    const { text } = ocrText([{ index: 0, width: 2000, height: 2800, words }]);
    expect(text).toBe('ỦY BAN NHÂN DÂN\n\nCỘNG HÒA XÃ HỘI\n\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP\nTHEO CƠ CHẾ\n\nCHƯƠNG MỘT\n\nCăn cứ Luật');
  });

  it('maps a parsed field to the boxes it was read from, and sends a poorly read one to review', () => {
    const { text, pages: placed } = ocrText(pages);
    const parsed = parseDocument(text);
    expect(parsed.metadata.numberSymbol).toBe('1485-KL/TU');
    const number = fieldPlaces(placed, parsed.spans).find((f) => f.field === 'numberSymbol')!;
    expect(number.boxes.map((b) => [b.page, b.x])).toContainEqual([0, 30]);
    expect(number.confidence).toBe(52);
    expect(lowConfidenceFields(placed, parsed.spans)).toHaveProperty('numberSymbol');
    expect(lowConfidenceFields(placed, parsed.spans)).not.toHaveProperty('docType');
    const reasons = reviewOcrFields(parsed, placed);
    expect(parsed.review).toContain('numberSymbol');
    expect(sentence('vi', reasons['numberSymbol']!)).toBe('đọc từ chữ nhận dạng (OCR) kém tin cậy (52%)');
    expect(sentence('en', reasons['numberSymbol']!)).toBe('read from text recognition (OCR) of low confidence (52%)');
  });
});
