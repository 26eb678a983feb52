import { describe, expect, it } from 'vitest';
import type { RecognisedPage, RecognisedWord } from '../../../shared/ocr/ocrText';
import { restoreWrappedCentral } from '../../../shared/ocr/wrappedPhrase';

function line(text: string, x: number, y: number, lineNo: number, confidence = 95): RecognisedWord[] {
  const out: RecognisedWord[] = [];
  for (const t of text.split(' ')) {
    out.push({ text: t, x, y, width: t.length * 22, height: 34, confidence, block: 1, paragraph: 1, line: lineNo });
    x += t.length * 22 + 14;
  }
  return out;
}

/** A Trung ương header: the name wrapped after TRUNG, `second` read under it, the party line on the right. */
function header(second: string, confidence = 40): RecognisedPage {
  const words = [
    ...line('BAN CHẤP HÀNH TRUNG', 200, 200, 1),
    ...line('ĐẢNG CỘNG SẢN VIỆT NAM', 1100, 200, 1),
    ...line(second, 330, 250, 2, confidence),
    ...line('VĂN PHÒNG Hà Nội, ngày 3 tháng 4 năm 2019', 300, 300, 3),
  ];
  return { index: 0, width: 2000, height: 2800, words };
}

const texts = (p: RecognisedPage) => p.words.map((w) => w.text).join(' ');

describe('ƯƠNG left alone under BAN CHẤP HÀNH TRUNG', () => {
  it('is read by its place when the scan damaged it by a letter or a mark of the rule', () => {
    for (const misread of ['_ƯƠNG', '"VƠNG', '.VõNG', 'ƯƠỚNG', 'UONG']) {
      const fixed = restoreWrappedCentral(header(`${misread} ——`));
      expect(texts(fixed), misread).toContain('ĐẢNG CỘNG SẢN VIỆT NAM ƯƠNG ——');
      // As sure as the name it completes.
      expect(fixed.words.find((w) => w.text === 'ƯƠNG')!.confidence).toBe(95);
    }
  });

  it('is left as read when it is sound, too far from ƯƠNG, or not under the name', () => {
    const sound = header('ƯƠNG', 95);
    expect(restoreWrappedCentral(sound)).toBe(sound);
    expect(texts(restoreWrappedCentral(header('vn')))).toContain(' vn ');
    expect(texts(restoreWrappedCentral(header('ĐOÀN')))).toContain(' ĐOÀN ');
    // A word far right of the name (the other column) is not its end.
    const page = header('ƯƠNG', 95);
    page.words = page.words.filter((w) => w.text !== 'ƯƠNG').concat(line('VONG', 1500, 250, 2));
    expect(restoreWrappedCentral(page)).toBe(page);
  });
});
