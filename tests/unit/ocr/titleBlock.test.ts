import { describe, expect, it } from 'vitest';
import { type ReadWord, headerBand } from '../../../shared/ocr/headerBand';
import { inBlock, titleBlock } from '../../../shared/ocr/titleBlock';

const W = 2500;
const H = 3530;
/** The text column: 440–2180 px, centred on 1310. */
const COL_LEFT = 440;
const COL_RIGHT = 2180;
let lineNo = 0;

/** One line of `n` words spread evenly between `left` and `right`, 40 px high. */
function spread(text: string, left: number, right: number, top: number): ReadWord[] {
  lineNo++;
  const parts = text.split(' ');
  const step = (right - left) / parts.length;
  return parts.map((t, i) => ({ text: t, left: Math.round(left + i * step), top, width: Math.round(step - 14), height: 40, confidence: 92, block: 1, paragraph: 1, line: lineNo }));
}

/** A line `width` px wide centred on `centre`. */
const centred = (text: string, width: number, top: number, centre = (COL_LEFT + COL_RIGHT) / 2) => spread(text, Math.round(centre - width / 2), Math.round(centre + width / 2), top);

/** A party header: two cells over three rows. */
const header = (): ReadWord[] => [
  ...centred('ĐẢNG BỘ TỈNH QUẢNG NAM', 600, 250, 800),
  ...centred('ĐẢNG CỘNG SẢN VIỆT NAM', 700, 250, 1750),
  ...centred('TỈNH ỦY', 200, 300, 800),
  ...centred('Quảng Nam, ngày 12 tháng 3 năm 2021', 800, 330, 1750),
  ...centred('Số: 45-QĐ/TU', 300, 380, 800),
];

/** A paragraph: its first line set in by 100 px, the others edge to edge, the last one short. */
function paragraph(top: number, lines = 3): ReadWord[] {
  const out: ReadWord[] = [...spread('Căn cứ Điều lệ Đảng và Quy định số 24-QĐ/TW ngày 12 tháng 12 năm 2013', COL_LEFT + 100, COL_RIGHT, top)];
  for (let i = 1; i < lines - 1; i++) out.push(...spread('của Bộ Chính trị thi hành Điều lệ Đảng và các văn bản hướng dẫn của Trung ương', COL_LEFT, COL_RIGHT, top + 50 * i));
  out.push(...spread('về công tác tổ chức.', COL_LEFT, COL_LEFT + 500, top + 50 * (lines - 1)));
  return out;
}

const texts = (words: readonly ReadWord[]) => words.map((w) => w.text).join(' ');

describe('the title block under a page header', () => {
  it('holds the type word and every line of the trích yếu, a line as wide as the column included, and stops at the body', () => {
    const words = [
      ...header(),
      ...centred('QUYẾT ĐỊNH', 300, 520),
      ...centred('VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XXII', 1735, 575),
      ...centred('NHIỆM KỲ 2020 - 2025', 500, 625),
      ...centred('-----', 200, 675),
      ...paragraph(740),
      ...paragraph(920),
    ];
    const band = headerBand(words, W, H)!;
    expect(band).not.toBeNull();
    const block = titleBlock(words, W, H, band)!;
    expect(block).not.toBeNull();
    expect(texts(words.filter((w) => inBlock(w, block)))).toBe(
      'QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XXII NHIỆM KỲ 2020 - 2025',
    );
    // The cut holds the lines whole: from above the type word to above the body.
    expect(block.top).toBeLessThan(520);
    expect(block.bottom).toBeLessThanOrEqual(740);
    expect(block.left).toBeLessThanOrEqual(COL_LEFT);
    expect(block.right).toBeGreaterThanOrEqual(COL_RIGHT);
  });

  it('is none when the body starts right under the header (a letter whose trích yếu stands in the header)', () => {
    const words = [...header(), ...paragraph(520), ...paragraph(700)];
    expect(titleBlock(words, W, H, headerBand(words, W, H)!)).toBeNull();
  });

  it('ends at a paragraph whose first line is only set in at the left', () => {
    const words = [...header(), ...centred('THÔNG BÁO', 300, 520), ...paragraph(600), ...paragraph(780)];
    const block = titleBlock(words, W, H, headerBand(words, W, H)!)!;
    expect(texts(words.filter((w) => inBlock(w, block)))).toBe('THÔNG BÁO');
  });

  it('is none when the line under the header stands at the left (a letter\'s Kính gửi)', () => {
    const words = [...header(), ...spread('Kính gửi: Ban Thường vụ Tỉnh ủy', COL_LEFT, COL_LEFT + 700, 520), ...paragraph(600), ...paragraph(780)];
    expect(titleBlock(words, W, H, headerBand(words, W, H)!)).toBeNull();
  });

  it('follows the type word\'s axis when the title is centred off the body\'s column', () => {
    const axis = (COL_LEFT + COL_RIGHT) / 2 - 60;
    const words = [...header(), ...centred('QUYẾT ĐỊNH', 300, 520, axis), ...centred('BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH', 1600, 575, axis), ...paragraph(700), ...paragraph(880)];
    const block = titleBlock(words, W, H, headerBand(words, W, H)!)!;
    expect(texts(words.filter((w) => inBlock(w, block)))).toBe('QUYẾT ĐỊNH BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH');
    expect(block.left).toBeLessThan(axis - 800);
  });
});
