import { describe, expect, it } from 'vitest';
import type { ReadWord } from '../../../shared/ocr/headerBand';
import { RULE_TEXT, ruleLines, withRules } from '../../../shared/ocr/ruleLines';
import type { GreyImage } from '../../../shared/ocr/skew';
import { ocrText } from '../../../shared/ocr/ocrText';
import { parseDocument } from '../../../shared/parser/parseDocument';

const W = 1200;
const H = 600;
/** Words 30 px high, as a 13-point line at 200 dpi reads. */
const WORD_H = 30;

function paper(): GreyImage {
  return { width: W, height: H, data: new Uint8Array(W * H).fill(240) };
}

function fill(img: GreyImage, left: number, top: number, width: number, height: number, grey = 30): void {
  for (let y = top; y < top + height; y++) img.data.fill(grey, y * img.width + left, y * img.width + left + width);
}

/** A line of "letters" (strokes of a word's height, a stroke's width apart) with its word boxes. */
function textLine(img: GreyImage, left: number, top: number, words: string[], line: number): ReadWord[] {
  const out: ReadWord[] = [];
  let x = left;
  for (const text of words) {
    const start = x;
    for (const _ of text) {
      fill(img, x, top, 4, WORD_H);
      // A serif-like foot on every stroke: a row of ink along the baseline, barely broken.
      fill(img, x - 2, top + WORD_H - 3, 9, 3);
      x += 9;
    }
    out.push({ text, left: start, top, width: x - start, height: WORD_H, confidence: 95, block: 1, paragraph: 1, line });
    x += 14;
  }
  return out;
}

/** `n` typed dashes from `left`: each 10 px long and 3 thick, 3 px apart (a row of `-----`). */
function dashes(img: GreyImage, left: number, top: number, n: number): void {
  for (let i = 0; i < n; i++) fill(img, left + i * 13, top, 10, 3);
}

describe('ruleLines', () => {
  it('finds a typed row of dashes under a title block, and a drawn line', () => {
    const img = paper();
    const words = [...textLine(img, 300, 100, ['KẾT', 'LUẬN', 'CỦA', 'BAN'], 1), ...textLine(img, 300, 200, ['Thực', 'hiện', 'kế', 'hoạch'], 2)];
    dashes(img, 400, 160, 6);
    fill(img, 200, 300, 300, 2);
    const rules = ruleLines(img, words);
    expect(rules).toHaveLength(2);
    expect(rules[0]).toMatchObject({ left: 400, right: 400 + 5 * 13 + 10, top: 160, bottom: 163 });
    expect(rules[1]).toMatchObject({ left: 200, right: 500, top: 300, bottom: 302 });
  });

  it('takes a rule whose rows break in different places as one rule', () => {
    const img = paper();
    const words = textLine(img, 300, 100, ['Độc', 'lập', 'Tự', 'do', 'Hạnh', 'phúc'], 1);
    // First row: two runs a gap wider than a dash's apart; the rows under it run on.
    fill(img, 300, 160, 100, 1);
    fill(img, 420, 160, 60, 1);
    fill(img, 300, 161, 180, 3);
    expect(ruleLines(img, words)).toEqual([{ left: 300, right: 480, top: 160, bottom: 164 }]);
  });

  it('takes a rule whose first and last rows are short (a skew of a tenth of a degree, the blur) whole', () => {
    const img = paper();
    const words = textLine(img, 300, 100, ['KẾT', 'LUẬN', 'CỦA', 'BAN'], 1);
    dashes(img, 400, 161, 6);
    fill(img, 440, 160, 38, 1);
    fill(img, 400, 164, 36, 1);
    expect(ruleLines(img, words)).toEqual([{ left: 400, right: 400 + 5 * 13 + 10, top: 160, bottom: 165 }]);
  });

  it('takes no line of text for a rule, however close its letters stand', () => {
    const img = paper();
    const words = textLine(img, 100, 100, ['ĐẢNG', 'BỘ', 'TỈNH', 'QUẢNG', 'NAM', 'BAN', 'THƯỜNG', 'VỤ'], 1);
    expect(ruleLines(img, words)).toEqual([]);
    // Nor when the recogniser's boxes are missing: the strokes rise above the baseline's row.
    expect(ruleLines(img, [{ ...words[0]!, left: 900, top: 500 }])).toEqual([]);
  });

  it('takes no dash in a sentence (shorter than a word and a half) and no underline touching its words', () => {
    const img = paper();
    const words = textLine(img, 100, 100, ['Hà', 'Phó', 'Bí'], 1);
    dashes(img, 600, 115, 2);
    const under = textLine(img, 100, 250, ['Kính', 'gửi'], 2);
    fill(img, 100, 250 + WORD_H + 1, 150, 2);
    expect(ruleLines(img, [...words, ...under])).toEqual([]);
  });

  it('takes no rule a word was read across, and finds nothing on a page with no word', () => {
    const img = paper();
    const words = textLine(img, 100, 100, ['Ban', 'Quản', 'lý'], 1);
    fill(img, 300, 400, 300, 2);
    expect(ruleLines(img, [...words, { text: 'Tiên', left: 350, top: 390, width: 60, height: 20, confidence: 80, block: 3, paragraph: 1, line: 1 }])).toEqual([]);
    expect(ruleLines(img, [])).toEqual([]);
  });
});

describe('a rule read as letters', () => {
  it('is a rule all the same, and the rule takes the place of the letters read from it', () => {
    const img = paper();
    const words = textLine(img, 300, 100, ['VĂN', 'PHÒNG', 'CHÍNH', 'PHỦ'], 1);
    fill(img, 380, 150, 60, 4);
    // The recogniser's word over the rule: as thin and as long as the rule, read unsurely.
    const misread: ReadWord = { text: 'HN', left: 380, top: 150, width: 60, height: 4, confidence: 22, block: 1, paragraph: 1, line: 2 };
    const number = textLine(img, 300, 190, ['Số:', '911/VPCP-KTN'], 3);
    const rules = ruleLines(img, [...words, misread, ...number]);
    expect(rules).toEqual([{ left: 380, top: 150, right: 440, bottom: 154 }]);
    expect(withRules([...words, misread, ...number], rules).map((w) => w.text)).toEqual(['VĂN', 'PHÒNG', 'CHÍNH', 'PHỦ', RULE_TEXT, 'Số:', '911/VPCP-KTN']);
  });

  it('is no rule when the letters stand a word high', () => {
    const img = paper();
    const words = textLine(img, 300, 100, ['VĂN', 'PHÒNG'], 1);
    fill(img, 380, 150, 60, 4);
    expect(ruleLines(img, [...words, { text: 'HN', left: 380, top: 140, width: 60, height: 24, confidence: 22, block: 1, paragraph: 1, line: 2 }])).toEqual([]);
  });
});

describe('withRules', () => {
  const word = (text: string, left: number, top: number, block: number, line = 1): ReadWord => ({ text, left, top, width: 80, height: 30, confidence: 95, block, paragraph: 1, line });

  it('puts a rule before the first line under it and across its length, as a block of its own', () => {
    // A left cell (issuer over its number), the right cell, then the body.
    const words = [word('TỈNH', 100, 100, 1), word('Số', 100, 200, 1, 2), word('ĐẢNG', 700, 100, 2), word('Thực', 100, 400, 3), word('hiện', 200, 400, 3)];
    const out = withRules(words, [
      { left: 80, top: 160, right: 220, bottom: 162 },
      // Across the body's first line, though not across its first word: before the line.
      { left: 190, top: 350, right: 900, bottom: 352 },
    ]);
    expect(out.map((w) => w.text)).toEqual(['TỈNH', RULE_TEXT, 'Số', 'ĐẢNG', RULE_TEXT, 'Thực', 'hiện']);
    expect(out[1]).toMatchObject({ block: 4, top: 160, height: 2 });
    expect(out[4]).toMatchObject({ block: 5 });
  });

  it('writes no rule of the header table, but drops the letters read from one', () => {
    const misread = { ...word('HN', 120, 160, 1, 2), height: 4 };
    const words = [word('TỈNH', 100, 100, 1), misread, word('Số', 100, 200, 1, 3), word('Thực', 100, 400, 3)];
    const rules = [
      { left: 110, top: 160, right: 200, bottom: 164 },
      { left: 90, top: 350, right: 900, bottom: 352 },
    ];
    expect(withRules(words, rules, 300).map((w) => w.text)).toEqual(['TỈNH', 'Số', RULE_TEXT, 'Thực']);
  });

  it('puts a rule with nothing under it last', () => {
    const out = withRules([word('Nơi', 100, 100, 1)], [{ left: 80, top: 500, right: 300, bottom: 502 }]);
    expect(out.map((w) => w.text)).toEqual(['Nơi', RULE_TEXT]);
  });
});

describe('a rule in a scan’s text', () => {
  /** Words of one line each, as the recogniser lays a page out (`x`/`y` in page pixels). */
  function page(lines: Array<[string, number]>): ReadWord[] {
    return lines.flatMap(([text, top], line) =>
      text.split(' ').map((t, i) => ({ text: t, left: 300 + i * 90, top, width: 80, height: 30, confidence: 95, block: line < 2 ? 1 : 2, paragraph: 1, line: line + 1 })),
    );
  }
  const lines: Array<[string, number]> = [
    ['ĐẢNG ỦY PHƯỜNG AN BÌNH', 100],
    ['Số 82-TB/ĐU', 150],
    ['THÔNG BÁO', 300],
    ['KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY', 350],
    ['Về đánh giá kết quả thực hiện nhiệm vụ năm 2025 đối với đồng chí', 400],
    ['Nguyễn Văn An - Phó Bí thư Chi bộ', 450],
    ['Thực hiện Kế hoạch số 13-KH/TU ngày 17 tháng 11 năm 2025', 600],
  ];
  const subjectOf = (words: ReadWord[]) => {
    const { text, pages } = ocrText([{ index: 0, width: 2000, height: 2800, words: words.map((w) => ({ ...w, x: w.left, y: w.top })) }]);
    return parseDocument(text, pages).metadata.subject;
  };

  it('ends a subject whose lines go on in ordinary case where the rule under it stands, as in a saved text', () => {
    expect(subjectOf(page(lines))).toBe('KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY');
    expect(subjectOf(withRules(page(lines), [{ left: 600, top: 520, right: 700, bottom: 524 }]))).toBe(
      'KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY Về đánh giá kết quả thực hiện nhiệm vụ năm 2025 đối với đồng chí Nguyễn Văn An - Phó Bí thư Chi bộ',
    );
  });
});
