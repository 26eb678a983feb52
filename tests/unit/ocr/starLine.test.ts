import { describe, expect, it } from 'vitest';
import { type RecognisedPage, type RecognisedWord, ocrText } from '../../../shared/ocr/ocrText';
import { restoreStars } from '../../../shared/ocr/starLine';
import { parseDocument } from '../../../shared/parser/parseDocument';

/** Each line of `text` as one line of words, one line under the other in one block. */
function page(text: string): RecognisedPage {
  const words: RecognisedWord[] = [];
  for (const [i, l] of text.split('\n').entries()) {
    let x = 300;
    for (const t of l.split(' ')) {
      words.push({ text: t, x, y: 200 + 50 * i, width: t.length * 20, height: 32, confidence: 90, block: 1, paragraph: 1, line: i + 1 });
      x += t.length * 20 + 15;
    }
  }
  return { index: 0, width: 2000, height: 2800, words };
}

const textOf = (p: RecognisedPage) => ocrText([p]).text;

describe('the stars under a body name read among other signs', () => {
  it('are stars again, one for each sign, so the text keeps its length', () => {
    const read = page('CHỦ TỊCH HỘI ĐỒNG BỘ\nTRƯỞNG\n%2****2*2**\nSố: 24-CT');
    expect(textOf(restoreStars(read))).toBe('CHỦ TỊCH HỘI ĐỒNG BỘ\nTRƯỞNG\n***********\nSố: 24-CT');
    expect(textOf(restoreStars(page('>k>k*')))).toBe('*****');
  });

  it('let the parser read the body name above them', () => {
    // The header's left cell, then its right cell, as the cells are read one after the other.
    const header = 'BAN CHẤP HÀNH TRUNG\nƯƠNG\n>k>k*\nSố: 367-QĐ/TWĐTN-VP\nĐOÀN TNCS HỒ CHÍ MINH\nHà Nội, ngày 29 tháng 10 năm 2013\nQUYẾT ĐỊNH\nVề việc ban hành Quy định về ban hành văn bản của Đoàn';
    expect(parseDocument(textOf(page(header))).metadata.issuer).toBeNull();
    expect(parseDocument(textOf(restoreStars(page(header)))).metadata.issuer).toBe('BAN CHẤP HÀNH TRUNG ƯƠNG');
  });

  it('leaves words with letters, footnote marks, lines of several words and plain stars alone', () => {
    for (const text of ['Ghi chú (*)', '(*)', 'Tổng* 3', 'Mục 2*', '***', 'AB*', 'CỘNG HÒA *']) {
      const read = page(text);
      expect(restoreStars(read), text).toBe(read);
    }
  });
});
