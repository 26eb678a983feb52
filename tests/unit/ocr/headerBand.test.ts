import { describe, expect, it } from 'vitest';
import { type ReadWord, cellWords, headerBand, inBand, surerReading } from '../../../shared/ocr/headerBand';

const W = 2500;
const H = 3530;
let lineNo = 0;

/** One line of words, 22 px a letter, 14 px between words, starting at `left`. */
function line(text: string, left: number, top: number, confidence = 95): ReadWord[] {
  lineNo++;
  const out: ReadWord[] = [];
  for (const t of text.split(' ')) {
    out.push({ text: t, left, top, width: t.length * 22, height: 40, confidence, block: 1, paragraph: 1, line: lineNo });
    left += t.length * 22 + 14;
  }
  return out;
}

/** A line centred on `centre`. */
function centred(text: string, centre: number, top: number, confidence = 95): ReadWord[] {
  const width = text.length * 22 + (text.split(' ').length - 1) * (14 - 22);
  return line(text, Math.round(centre - width / 2), top, confidence);
}

/** Both cells on one line, as the page layout often reads a header row. */
function row(leftText: string, rightText: string, top: number): ReadWord[] {
  return [...centred(leftText, 800, top), ...centred(rightText, 1750, top)];
}

const body = (top: number) => line('Căn cứ Điều lệ Đảng và Quy định số 24-QĐ/TW ngày 12 tháng 12 năm 2013 của Bộ Chính trị', 440, top);

const texts = (words: readonly ReadWord[]) => words.map((w) => w.text).join(' ');

describe('the header table found in a first reading', () => {
  it('covers both cells of a party header and ends before the type line', () => {
    const words = [
      ...row('BAN CHẤP HÀNH TRUNG', 'ĐẢNG CỘNG SẢN VIỆT NAM', 250),
      ...centred('ƯƠNG', 800, 300),
      ...centred('-------', 800, 345),
      ...centred('Hà Nội, ngày 07 tháng 02 năm 2023', 1750, 330),
      ...centred('Số: 97-QĐ/TW', 800, 400),
      ...centred('QUY ĐỊNH', 1350, 520),
      ...body(600),
    ];
    const band = headerBand(words, W, H)!;
    expect(band).not.toBeNull();
    expect(texts(words.filter((w) => inBand(w, band)))).toBe('BAN CHẤP HÀNH TRUNG ĐẢNG CỘNG SẢN VIỆT NAM ƯƠNG ------- Hà Nội, ngày 07 tháng 02 năm 2023 Số: 97-QĐ/TW');
    // The split cuts no word: every header word lies wholly on one side.
    for (const w of words.filter((x) => inBand(x, band))) expect(w.left + w.width <= band.split || w.left >= band.split, w.text).toBe(true);
  });

  it('is not ended by the star and rule under a wrapped name read as letters the recogniser doubted', () => {
    // As a 200-dpi scan reads it: `*` read as `0` beside `ƯƠNG`, the right cell's rule as `TA`.
    const words = [
      ...row('BAN CHẤP HÀNH TRUNG', 'ĐẢNG CỘNG SẢN VIỆT NAM', 250),
      ...centred('ƯƠNG', 800, 300),
      ...line('0', 880, 300, 11),
      ...line('TA', 1500, 300, 9),
      ...centred('Hà Nội, ngày 09 tháng 01 năm 2026', 1750, 360),
      ...centred('Số 399-QĐ/TW', 800, 410),
      ...centred('QUY ĐỊNH', 1350, 520),
      ...body(600),
    ];
    const band = headerBand(words, W, H);
    expect(band).not.toBeNull();
    const inside = texts(words.filter((w) => inBand(w, band!)));
    expect(inside).toContain('ƯƠNG');
    expect(inside).toContain('Số 399-QĐ/TW');
    expect(inside).not.toContain('QUY ĐỊNH');
  });

  it('is not ended by a line of nothing but unsure words: the star under a wrapped name and the rule beside it read as letters', () => {
    // As a 200-dpi scan reads it: `ƯƠNG` with the star beside it read as `VỚNG 0777`, the right
    // cell's rule as `0`, all of them read with little confidence, on a line of their own between
    // the cells' centres.
    const words = [
      ...row('BAN CHẤP HÀNH TRUNG', 'ĐẢNG CỘNG SẢN VIỆT NAM', 250),
      ...line('VỚNG', 740, 300, 25),
      ...line('0777', 1000, 300, 20),
      ...line('0', 1500, 300, 0),
      ...centred('Hà Nội, ngày 06 tháng 02 năm 2017', 1750, 360),
      ...centred('Số: 66-QĐ/TW', 800, 410),
      ...centred('QUY ĐỊNH', 1350, 520),
      ...body(600),
    ];
    const band = headerBand(words, W, H);
    expect(band).not.toBeNull();
    const inside = texts(words.filter((w) => inBand(w, band!)));
    expect(inside).toContain('Số: 66-QĐ/TW');
    expect(inside).toContain('Hà Nội');
    expect(inside).not.toContain('QUY ĐỊNH');
    // A sure word on such a line keeps it a line of the table (here it stands between the cells).
    const sure = words.map((w) => (w.text === '0777' ? { ...w, confidence: 90 } : w));
    expect(headerBand(sure, W, H)).toBeNull();
  });

  it('ends before a title centred on the page even when it leaves a gap beside the left cell', () => {
    const words = [
      ...row('ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 250),
      ...row('TỈNH SÓC TRĂNG', 'Độc lập - Tự do - Hạnh phúc', 300),
      ...row('Số: 135/KH-UBND', 'Sóc Trăng, ngày 27 tháng 09 năm 2022', 360),
      // Starts right of the left cell's end: only its centre tells it from a right-cell line.
      ...centred('KẾ HOẠCH', 1290, 460),
      ...body(560),
    ];
    const band = headerBand(words, W, H)!;
    expect(texts(words.filter((w) => inBand(w, band)))).not.toContain('KẾ HOẠCH');
    expect(texts(words.filter((w) => inBand(w, band)))).toContain('Sóc Trăng');
  });

  it('keeps a công văn subject in its left cell and leaves the salutation below it out', () => {
    const words = [
      ...row('BỘ NỘI VỤ', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 250),
      ...row('CỤC VĂN THƯ VÀ LƯU TRỮ', 'Độc lập - Tự do - Hạnh phúc', 310),
      ...centred('NHÀ NƯỚC', 800, 360),
      ...centred('Hà Nội, ngày 23 tháng 03 năm 2007', 1750, 430),
      ...centred('Số: 187/VTLTNN-VP', 800, 480),
      ...centred('V/v hướng dẫn kiểm tra chéo công tác', 800, 540),
      ...centred('văn thư, lưu trữ năm 2007', 800, 590),
      ...line('Kính gửi:', 500, 700),
      ...line('- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;', 530, 780),
    ];
    const inside = texts(words.filter((w) => inBand(w, headerBand(words, W, H)!)));
    expect(inside).toContain('văn thư, lưu trữ năm 2007');
    expect(inside).not.toContain('Kính');
  });

  it('starts below an article or a menu printed above the document', () => {
    const words = [...body(120), ...body(170), ...row('TỈNH ỦY PHÚ YÊN', 'ĐẢNG CỘNG SẢN VIỆT NAM', 300), ...row('Số 05-NQ/TU', 'Phú Yên, ngày 2 tháng 3 năm 2020', 360), ...centred('NGHỊ QUYẾT', 1350, 460), ...body(540)];
    const inside = texts(words.filter((w) => inBand(w, headerBand(words, W, H)!)));
    expect(inside).toBe('TỈNH ỦY PHÚ YÊN ĐẢNG CỘNG SẢN VIỆT NAM Số 05-NQ/TU Phú Yên, ngày 2 tháng 3 năm 2020');
  });

  it('finds none on a page without a two-cell header', () => {
    expect(headerBand([...centred('THÔNG BÁO', 1350, 250), ...body(320), ...body(370), ...body(420)], W, H)).toBeNull();
    // One cell alone is no table.
    expect(headerBand([...centred('ỦY BAN NHÂN DÂN', 800, 250), ...centred('Số: 12/UBND', 800, 300), ...body(400)], W, H)).toBeNull();
    // Two columns low on the page (a signature block) are not the header.
    expect(headerBand([...body(250), ...body(300), ...row('Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 2600), ...row('- Như trên;', 'CHỦ TỊCH', 2650), ...body(2800)], W, H)).toBeNull();
  });
});

describe('a header cell read again alone', () => {
  const word = (text: string, confidence: number, lineOf = 1): ReadWord => ({ text, left: 0, top: 0, width: 10, height: 10, confidence, block: 1, paragraph: 1, line: lineOf });

  it('drops the star or rule read as a sign on a line of its own, and unsure lone signs', () => {
    const words = [word('VĂN', 96, 1), word('PHÒNG', 96, 1), word('3', 84, 2), word(':', 0, 3), word('ỦY', 96, 3), word('Số:', 93, 4), word('36-HD/VPTW', 90, 4)];
    expect(texts(cellWords(words))).toBe('VĂN PHÒNG ỦY Số: 36-HD/VPTW');
  });

  it('replaces the first reading only when the recogniser is at least as sure of it', () => {
    const garbled = [word('BAN', 96), word('CHẤP', 96), word('vn', 20, 2)];
    const alone = [word('BAN', 96), word('CHẤP', 96), word('ƯƠNG', 95, 2)];
    expect(texts(surerReading(garbled, alone, 7))).toBe('BAN CHẤP ƯƠNG');
    const clean = [word('Số:', 93), word('187VTLTNN-VP', 80)];
    const worse = [word('Số:', 93), word('1877VTLTNN-VP', 48)];
    expect(texts(surerReading(clean, worse, 7))).toBe('Số: 187VTLTNN-VP');
    // Kept as one block, lines of different blocks of the first reading stay apart.
    const twoBlocks = [{ ...word('CHÍNH', 97), block: 3 }, { ...word('PHỦ', 97), block: 3 }, { ...word('Số:', 97), block: 4 }, { ...word('30/2020/NĐ-CP', 97), block: 4 }];
    const kept = surerReading(twoBlocks, [word('CHÍNH', 90)], 7);
    expect(kept.map((w) => [w.block, w.line])).toEqual([[7, 1], [7, 1], [7, 2], [7, 2]]);
  });
});

describe('a word both readings of a cell give alike', () => {
  const at = (text: string, left: number, confidence: number, top = 100): ReadWord => ({ text, left, top, width: text.length * 20, height: 40, confidence, block: 1, paragraph: 1, line: 1 });

  it('is as sure as the surer reading of it, whichever reading is kept', () => {
    // Read alone the cell is surer overall, but it doubts `BỘ`, which the page read surely as `-BỘ`.
    const number = (confidence: number) => ({ ...at('02/2011/TTLT-VPCP-BNV', 140, confidence, 200), line: 2 });
    const page = [at('VĂN', 100, 97), at('PHÒNG', 180, 96), at('CHÍNH', 300, 97), at('PHỦ', 420, 93), at('-BỘ', 490, 92), number(70)];
    const alone = [at('VĂN', 100, 97), at('PHÒNG', 180, 97), at('CHÍNH', 300, 97), at('PHỦ', 420, 91), at('-', 490, 91), at('BỘ', 512, 0), number(83)];
    const kept = surerReading(page, alone, 3);
    expect(texts(kept)).toBe('VĂN PHÒNG CHÍNH PHỦ - BỘ 02/2011/TTLT-VPCP-BNV');
    expect(kept.find((w) => w.text === 'BỘ')!.confidence).toBe(92);
    expect(kept.find((w) => w.text === 'PHỦ')!.confidence).toBe(93);
    // A sign has no letters to agree on; a word the kept reading was surer of keeps its own confidence.
    expect(kept.find((w) => w.text === '-')!.confidence).toBe(91);
    expect(kept.find((w) => w.text === 'PHÒNG')!.confidence).toBe(97);
  });

  it('is not confirmed by other letters in its place, nor by the same letters elsewhere', () => {
    const page = [at('ỦY', 100, 97), at('BAN', 160, 97), at('TÍNH', 300, 95), at('TỈNH', 300, 95, 400)];
    const alone = [at('ỦY', 100, 97), at('BAN', 160, 97), at('TỈNH', 300, 20)];
    const kept = surerReading(page, alone, 3).filter((w) => w.top < 300);
    // The page read another word there (`TÍNH`); the `TỈNH` it read is a line below.
    expect(texts(kept)).toBe('ỦY BAN TÍNH');
    const aloneKept = surerReading(alone, page.slice(0, 3), 3);
    expect(aloneKept.find((w) => w.text === 'TỈNH')?.confidence ?? 20).toBe(20);
  });
});

describe('rows of a header cell read as one line', () => {
  it('are parted where a word stands a row below the one before it', () => {
    const at = (text: string, left: number, top: number): ReadWord => ({ text, left, top, width: 80, height: 40, confidence: 95, block: 1, paragraph: 1, line: 1 });
    const words = cellWords([at('CHÍNH', 100, 100), at('PHỦ', 200, 102), at('Số:', 90, 190), at('30/2020/NĐ-CP', 170, 191)]);
    expect(words.map((w) => w.line)).toEqual([1, 1, 1001, 1001]);
  });
});
