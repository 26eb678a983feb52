import { describe, expect, it } from 'vitest';
import { type RecognisedPage, type RecognisedWord, ocrText } from '../../../shared/ocr/ocrText';
import { placeStrayWords } from '../../../shared/ocr/strayWords';

/** Words of `line` laid left to right from `x` at height `y`, in paragraph `block`. */
function line(text: string, y: number, block: number, lineNo = 1, x = 300): RecognisedWord[] {
  const out: RecognisedWord[] = [];
  for (const t of text.split(' ')) {
    out.push({ text: t, x, y, width: t.length * 20, height: 32, confidence: 95, block, paragraph: 1, line: lineNo });
    x += t.length * 20 + 15;
  }
  return out;
}

const page = (words: RecognisedWord[]): RecognisedPage => ({ index: 0, width: 2000, height: 2800, words });

describe('body words the page layout read out of place', () => {
  it('puts a margin word read between title lines back at the start of its own line', () => {
    const words = [
      ...line('QUY ĐỊNH CHẾ ĐỘ BÁO CÁO', 500, 1, 1, 400),
      // `của` starts a body line far below, but came out as a block of its own here.
      ...line('của', 850, 2),
      ...line('TRÊN ĐỊA BÀN TỈNH AN LẠC', 560, 3, 1, 500),
      ...line('Căn cứ Luật sửa đổi một số điều', 800, 4, 1),
      ...line('Luật Tổ chức Chính phủ năm 2015;', 850, 4, 2, 380),
    ];
    const { text } = ocrText([placeStrayWords(page(words))]);
    expect(text).toBe('QUY ĐỊNH CHẾ ĐỘ BÁO CÁO\nTRÊN ĐỊA BÀN TỈNH AN LẠC\n\nCăn cứ Luật sửa đổi một số điều\ncủa Luật Tổ chức Chính phủ năm 2015;');
  });

  it('gives a word no line shares a line of its own before the first line below it', () => {
    const words = [...line('KẾ HOẠCH', 500, 1, 1, 800), ...line('giai', 930, 2), ...line('RÀ SOÁT HỘ NGHÈO NĂM 2022', 560, 3, 1, 500), ...line('Căn cứ Nghị định số 07/2021/NĐ-CP', 880, 4, 1), ...line('đoạn 2021 - 2025;', 1000, 4, 2)];
    const { text } = ocrText([placeStrayWords(page(words))]);
    expect(text).toBe('KẾ HOẠCH\nRÀ SOÁT HỘ NGHÈO NĂM 2022\n\nCăn cứ Nghị định số 07/2021/NĐ-CP\ngiai\nđoạn 2021 - 2025;');
  });

  it('leaves capitals, long paragraphs and words in their order alone', () => {
    const words = [
      ...line('ỦY BAN NHÂN DÂN', 200, 1, 1, 300),
      ...line('TỈNH AN LẠC', 250, 1, 2, 340),
      // The right column after the left one: above it on the page, but capitals and long.
      ...line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 200, 2, 1, 1000),
      ...line('Số: 12/QĐ-UBND', 320, 3, 1, 300),
      ...line('An Lạc, ngày 5 tháng 3 năm 2024', 320, 4, 1, 1000),
      ...line('về việc', 400, 5, 1, 700),
      ...line('QUYẾT ĐỊNH', 380, 6, 1, 800),
    ];
    const p = page(words);
    expect(placeStrayWords(p)).toBe(p);
  });
});
