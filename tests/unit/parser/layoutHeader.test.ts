import { describe, expect, it } from 'vitest';
import type { PlacedPage, PlacedText } from '../../../shared/parser/layout';
import { parseDocument } from '../../../shared/parser/parseDocument';

// Headers read from positions (OCR word boxes, PDF items, Word cells). The pages are made up: each
// row places pieces of text at an x; an OCR pass reads a row left to right across both columns,
// which is how the columns interleave in its text.

const CHAR = 7;
const LINE = 22;
const HEIGHT = 14;

type Piece = [text: string, x: number];

/** A header cell centred at `centre`, as header cells are printed. */
const at = (text: string, centre: number): Piece => [text, Math.round(centre - (text.length * CHAR) / 2)];
const L = 140;
const R = 430;

/** A page of word boxes, and the text an OCR pass gives for it (one line per row, across columns). */
function ocrPage(rows: Piece[][]): { text: string; page: PlacedPage } {
  const items: PlacedText[] = [];
  const lines: string[] = [];
  rows.forEach((row, r) => {
    const words: string[] = [];
    for (const [text, x0] of row) {
      let x = x0;
      for (const w of text.split(' ')) {
        items.push({ text: w, x, y: 40 + r * LINE, width: w.length * CHAR, height: HEIGHT, confidence: 90 });
        words.push(w);
        x += (w.length + 1) * CHAR;
      }
    }
    lines.push(words.join(' '));
  });
  return { text: lines.join('\n'), page: { index: 0, width: 600, height: 850, source: 'ocr', items } };
}

const LETTER: Piece[][] = [
  [at('BỘ NỘI VỤ', L), at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', R)],
  [at('CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC', L), at('Độc lập - Tự do - Hạnh phúc', R)],
  [at('Số: 187/VTLTNN-VP', L)],
  [at('V/v hướng dẫn kiểm tra chéo công', L), at('Hà Nội, ngày 23 tháng 03 năm 2007', R)],
  [at('tác văn thư, lưu trữ năm 2007', L)],
  [['Kính gửi: Văn phòng các Bộ, cơ quan ngang Bộ.', 150]],
  [['Thực hiện Chương trình công tác năm 2007, Cục hướng dẫn việc kiểm tra chéo như sau:', 30]],
];

describe('headers read from positions', () => {
  it('reads a State công văn whose OCR text interleaves the columns', () => {
    const { text, page } = ocrPage(LETTER);
    // What the text alone gives: the date inside the subject.
    expect(text).toContain('V/v hướng dẫn kiểm tra chéo công Hà Nội, ngày 23 tháng 03 năm 2007');
    const r = parseDocument(text, [page]);
    const m = r.metadata;
    expect(m.subject).toBe('V/v hướng dẫn kiểm tra chéo công tác văn thư, lưu trữ năm 2007');
    expect(m.issuer).toBe('CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC');
    expect(m.parentIssuer).toBe('BỘ NỘI VỤ');
    expect(m.numberSymbol).toBe('187/VTLTNN-VP');
    expect(m.docType).toBe('CÔNG VĂN');
    expect(m.issueDate).toBe('2007-03-23');
    expect(m.place).toBe('Hà Nội');
    expect(m.addressees).toEqual(['Văn phòng các Bộ, cơ quan ngang Bộ']);
  });

  it('points every span into the text, where the words were read', () => {
    const { text, page } = ocrPage(LETTER);
    const r = parseDocument(text, [page]);
    const at = (f: 'subject' | 'issuer' | 'place' | 'numberSymbol') => r.spans[f]!.map((s) => text.slice(s.start, s.end));
    expect(at('issuer')).toEqual(['CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC']);
    expect(at('place')).toEqual(['Hà Nội']);
    expect(at('numberSymbol')).toEqual(['187/VTLTNN-VP']);
    // The subject runs over two lines of the text with the date between: its span covers both.
    const [subject] = at('subject');
    expect(subject!.startsWith('V/v hướng dẫn')).toBe(true);
    expect(subject!.endsWith('lưu trữ năm 2007')).toBe(true);
  });

  it('reads a party header whose columns sit at different heights', () => {
    const { text, page } = ocrPage([
      [at('ĐẢNG BỘ TỈNH AN LẠC', L), at('ĐẢNG CỘNG SẢN VIỆT NAM', R)],
      [at('HUYỆN ỦY AN PHÚ', L)],
      [at('*', L), ['An Phú, ngày 14 tháng 5 năm 2025', 340]],
      [at('Số 27-NQ/HU', L)],
      [at('NGHỊ QUYẾT', 300)],
      [at('về phát triển cây sầu riêng giai đoạn 2025 - 2030', 300)],
      [['Căn cứ Điều lệ Đảng Cộng sản Việt Nam; Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương,', 30]],
    ]);
    const m = parseDocument(text, [page]).metadata;
    expect(m.parentIssuer).toBe('ĐẢNG BỘ TỈNH AN LẠC');
    expect(m.issuer).toBe('HUYỆN ỦY AN PHÚ');
    expect(m.numberSymbol).toBe('27-NQ/HU');
    expect(m.issueDate).toBe('2025-05-14');
    expect(m.docType).toBe('NGHỊ QUYẾT');
    expect(m.subject).toBe('về phát triển cây sầu riêng giai đoạn 2025 - 2030');
    expect(m.citations).toEqual(['24-QĐ/TW']);
  });

  it('falls back to the text when the positions do not match it', () => {
    const { text, page } = ocrPage(LETTER);
    const other: PlacedPage = { ...page, items: page.items.map((i) => ({ ...i, text: `${i.text}x` })) };
    const withWrong = parseDocument(text, [other]).metadata;
    expect(withWrong).toEqual(parseDocument(text).metadata);
  });

  it('falls back to the text when the page has no two columns', () => {
    const { text, page } = ocrPage([
      [at('THÔNG BÁO', 300)],
      [at('kết luận của Thường trực Huyện ủy', 300)],
      [['Ngày 5 tháng 3 năm 2025, Thường trực Huyện ủy đã họp và kết luận các nội dung sau đây.', 20]],
    ]);
    expect(parseDocument(text, [page]).metadata).toEqual(parseDocument(text).metadata);
  });

  it('reads a number whose Đ the recogniser gave as the eth Ð, from the cells as from the text, and cites nothing for it', () => {
    const { text, page } = ocrPage([
      [at('BAN CHẤP HÀNH TRUNG ƯƠNG', L), at('ĐẢNG CỘNG SẢN VIỆT NAM', R)],
      [at('*', L)],
      [at('Số: 66-QĐÐ/TW', L), at('Hà Nội, ngày 06 tháng 02 năm 2017', R)],
      [at('QUY ĐỊNH', 300)],
      [at('về thể loại, thẩm quyền ban hành và thể thức văn bản của Đảng', 300)],
      [['Căn cứ Điều lệ Đảng; theo đề nghị của Văn phòng Trung ương Đảng,', 30]],
      [['Ban Bí thư quy định về thể loại, thẩm quyền ban hành văn bản của Đảng như sau:', 30]],
    ]);
    const { metadata: m } = parseDocument(text, [page]);
    expect(m.numberSymbol).toBe('66-QĐ/TW');
    expect(m.citations).toEqual([]);
    expect(m.issuer).toBe('BAN CHẤP HÀNH TRUNG ƯƠNG');
  });

  it('keeps the motto’s two lines apart when it sits a little above the issuer and a capital’s box is tall', () => {
    // A scan's boxes, as a page read at 150 dpi gives them: lines 15 apart and 11 high, the motto
    // 3 above the issuer's line, and `ỦY` 17 high for its hook and tail. Grown to the extent of
    // every word it took, the first row reached the motto's second line and ran both together.
    const items: PlacedText[] = [];
    const lines: string[] = [];
    const line = (text: string, x0: number, y: number, height: number, tall: Record<string, [number, number]> = {}) => {
      let x = x0;
      for (const w of text.split(' ')) {
        const [dy, h] = tall[w] ?? [0, height];
        items.push({ text: w, x, y: y + dy, width: w.length * 5, height: h, confidence: 95 });
        x += (w.length + 1) * 5;
      }
      lines.push(text);
    };
    line('ỦY BAN NHÂN DÂN', 128, 62, 11, { ỦY: [1, 17] });
    line('TỈNH AN LẠC', 140, 78, 10);
    line('Số: 215/UBND-VX', 130, 92, 9);
    line('V/v tiếp tục phối hợp tuyên truyền và', 102, 106, 10);
    line('tham gia bầu chọn kỳ quan thiên nhiên', 100, 119, 10);
    line('thế giới', 140, 131, 10);
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 293, 59, 12);
    line('Độc lập - Tự do - Hạnh phúc', 345, 75, 11, { phúc: [-1, 9] });
    line('An Lạc, ngày 6 tháng 4 năm 2011', 332, 89, 11);
    line('Kính gửi: Sở Văn hóa, Thể thao và Du lịch tỉnh An Lạc.', 116, 160, 10);
    line('Ủy ban nhân dân tỉnh nhận được Công văn số 847/UBND-VX ngày 22 tháng 3 năm 2011 của Ủy ban nhân dân tỉnh Quảng Ninh.', 60, 185, 10);
    const text = lines.join('\n');
    const m = parseDocument(text, [{ index: 0, width: 595, height: 842, source: 'ocr', items }]).metadata;
    expect(m.subject).toBe('V/v tiếp tục phối hợp tuyên truyền và tham gia bầu chọn kỳ quan thiên nhiên thế giới');
    expect(m.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH AN LẠC');
    expect(m.numberSymbol).toBe('215/UBND-VX');
    expect(m.issueDate).toBe('2011-04-06');
    expect(m.place).toBe('An Lạc');
  });
});

describe('a speck read as a bar beside the header', () => {
  it('is no part of the issuer’s cell', () => {
    const rows: Piece[][] = [
      [['|', 20], at('VĂN PHÒNG CHÍNH PHỦ', L), at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', R)],
      [at('Số: 911/VPCP-KTN', L), at('Độc lập - Tự do - Hạnh phúc', R)],
      [at('V/v bổ sung hai mỏ sét vào', L), at('Hà Nội, ngày 04 tháng 02 năm 2016', R)],
      [at('Quy hoạch khoáng sản', L)],
      [['Kính gửi: Bộ Xây dựng.', 150]],
      [['Xét đề nghị của Bộ Xây dựng tại Công văn số 3093/BXD-VLXD ngày 31 tháng 12 năm 2015, Phó Thủ tướng có ý kiến như sau:', 30]],
    ];
    const { text, page } = ocrPage(rows);
    const m = parseDocument(text, [page]).metadata;
    expect([m.issuer, m.numberSymbol, m.docType]).toEqual(['VĂN PHÒNG CHÍNH PHỦ', '911/VPCP-KTN', 'CÔNG VĂN']);
  });
});
