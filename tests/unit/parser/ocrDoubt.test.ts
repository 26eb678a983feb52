import { describe, expect, it } from 'vitest';
import type { PlacedPage, PlacedText } from '../../../shared/parser/layout';
import { restoreLocalityWord } from '../../../shared/parser/ocrDoubt';
import { parseDocument } from '../../../shared/parser/parseDocument';

// What an OCR pass gets wrong in a header. The pages are made up: each row places cells at an x,
// the text is read row by row across both columns (as Tesseract does), every word carries its
// range in the text and a confidence — 95 unless the row names a lower one for a word.

const CHAR = 7;
type Cell = [text: string, x: number];
type Row = Cell[];

function ocrPage(rows: Row[], unsure: Record<string, number> = {}): { text: string; page: PlacedPage } {
  const items: PlacedText[] = [];
  let text = '';
  rows.forEach((row, r) => {
    if (r > 0) text += '\n';
    row.forEach(([cell, x0], c) => {
      let x = x0;
      cell.split(' ').forEach((w, k) => {
        if (c > 0 || k > 0) text += ' ';
        items.push({ text: w, x, y: 40 + r * 22, width: w.length * CHAR, height: 14, confidence: unsure[w] ?? 95, start: text.length, end: text.length + w.length });
        text += w;
        x += (w.length + 1) * CHAR;
      });
    });
  });
  return { text, page: { index: 0, width: 600, height: 850, source: 'ocr', items } };
}

const left = (t: string): Cell => [t, Math.round(140 - (t.length * CHAR) / 2)];
const right = (t: string): Cell => [t, Math.round(430 - (t.length * CHAR) / 2)];
const centre = (t: string): Cell => [t, Math.round(300 - (t.length * CHAR) / 2)];

const header = (issuerLine2: string): Row[] => [
  [left('ỦY BAN NHÂN DÂN'), right('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')],
  [left(issuerLine2), right('Độc lập - Tự do - Hạnh phúc')],
  [left('Số: 215/KH-UBND'), right('An Lạc, ngày 14 tháng 3 năm 2022')],
  [centre('KẾ HOẠCH')],
  [centre('TRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2022')],
  [['Thực hiện Nghị quyết số 52/NQ-HĐND ngày 10/12/2021 của Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:', 30]],
];

describe('the locality word an OCR pass misreads', () => {
  it('restores TỈNH after the kind of body or opening a committee, never inside a place name', () => {
    expect(restoreLocalityWord('ỦY BAN NHÂN DÂN TÍNH NGHỆ AN')).toBe('ỦY BAN NHÂN DÂN TỈNH NGHỆ AN');
    expect(restoreLocalityWord('HỘI ĐỒNG NHÂN DÂN TĨNH YÊN BÁI')).toBe('HỘI ĐỒNG NHÂN DÂN TỈNH YÊN BÁI');
    expect(restoreLocalityWord('TÍNH ỦY THỪA THIÊN HUẾ')).toBe('TỈNH ỦY THỪA THIÊN HUẾ');
    expect(restoreLocalityWord('ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH')).toBeNull();
    expect(restoreLocalityWord('ỦY BAN NHÂN DÂN HUYỆN TỊNH BIÊN')).toBeNull();
    expect(restoreLocalityWord('SỞ TÀI CHÍNH')).toBeNull();
  });

  it('in an issuer read by OCR, and only there: a typed text keeps what it says', () => {
    const { text, page } = ocrPage(header('TÍNH AN LẠC'), { TÍNH: 72 });
    expect(parseDocument(text, [page]).metadata.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH AN LẠC');
    expect(parseDocument(text).metadata.issuer).toBe('ỦY BAN NHÂN DÂN TÍNH AN LẠC');
  });

  it('trusts TỈNH read with little confidence where only it can stand, and nothing else so read', () => {
    const unsure = ocrPage(header('TỈNH AN LẠC'), { TỈNH: 52 });
    expect(parseDocument(unsure.text, [unsure.page]).metadata.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH AN LẠC');
    // The place name read with little confidence still leaves the issuer for review.
    const place = ocrPage(header('TỈNH AN LẠC'), { TỈNH: 52, LẠC: 52 });
    const r = parseDocument(place.text, [place.page]);
    expect(r.metadata.issuer).toBeNull();
    expect(r.review).toContain('issuer');
  });
});

describe('values read from words the recogniser was unsure of', () => {
  it('are left empty and listed for review; the sure ones are kept', () => {
    const { text, page } = ocrPage(header('TỈNH AN LẠC'), { CHUYỂN: 61 });
    const r = parseDocument(text, [page]);
    expect(r.metadata.subject).toBeNull();
    expect(r.review).toContain('subject');
    expect(r.spans.subject).toBeUndefined();
    expect(r.metadata.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH AN LẠC');
    expect(r.metadata.numberSymbol).toBe('215/KH-UBND');
    expect(r.metadata.citations).toEqual(['52/NQ-HĐND']);
    // The same words, sure: the subject is read.
    const sure = ocrPage(header('TỈNH AN LẠC'));
    expect(parseDocument(sure.text, [sure.page]).metadata.subject).toBe('TRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2022');
  });

  it('drops a number-symbol only when far less sure, and never the date', () => {
    const doubtful = ocrPage(header('TỈNH AN LẠC'), { '215/KH-UBND': 42, '14': 30 });
    const r = parseDocument(doubtful.text, [doubtful.page]);
    expect(r.metadata.numberSymbol).toBeNull();
    expect(r.review).toContain('numberSymbol');
    expect(r.metadata.issueDate).toBe('2022-03-14');
    const fair = ocrPage(header('TỈNH AN LẠC'), { '215/KH-UBND': 66 });
    expect(parseDocument(fair.text, [fair.page]).metadata.numberSymbol).toBe('215/KH-UBND');
  });
});

describe('a speck read as a stop inside a subject', () => {
  const titled = (title: string): Row[] => [...header('TỈNH AN LẠC').slice(0, 4), [centre(title)], ...header('TỈNH AN LẠC').slice(5)];

  it('leaves for review a subject with a stop after a word that never ends a sentence (`VỀ.`), read surely as it was', () => {
    const { text, page } = ocrPage(titled('THỰC HIỆN NGHỊ QUYẾT SỐ 25-NQ/TW VỀ. “TĂNG CƯỜNG CÔNG TÁC DÂN VẬN”'));
    const r = parseDocument(text, [page]);
    expect([r.metadata.subject, r.review.includes('subject')]).toEqual([null, true]);
    // A typed text says what it says; a stop closing the subject or after another word is no speck.
    expect(parseDocument(text).metadata.subject).toBe('THỰC HIỆN NGHỊ QUYẾT SỐ 25-NQ/TW VỀ. “TĂNG CƯỜNG CÔNG TÁC DÂN VẬN”');
    for (const kept of ['TRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2022 TẠI TỈNH. KẾ HOẠCH THỰC HIỆN', 'TRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ CỦA.']) {
      const sure = ocrPage(titled(kept));
      expect(parseDocument(sure.text, [sure.page]).metadata.subject).toBe(kept);
    }
  });
});

describe('a list printed on one line with the body run on after it', () => {
  it('is read item by item from a scan, each item cut at the next item’s dash (`An Lạc; - Bộ …`)', () => {
    const rows = header('TỈNH AN LẠC').slice(0, 3);
    rows.push([centre('V/v báo cáo nhanh tình hình thiệt hại do lũ lụt')]);
    rows.push([['Kính gửi: - Ủy ban nhân dân tỉnh An Lạc; - Bộ Giáo dục và Đào tạo. Vừa', 30]]);
    rows.push([['qua, tỉnh An Lạc bị ảnh hưởng của không khí lạnh tăng cường mạnh xuống phía', 30]]);
    const { text, page } = ocrPage(rows);
    const r = parseDocument(text, [page]);
    expect(r.metadata.addressees).toEqual(['Ủy ban nhân dân tỉnh An Lạc', 'Bộ Giáo dục và Đào tạo']);
  });

  it('keeps a list read item by item', () => {
    const rows = header('TỈNH AN LẠC').slice(0, 3);
    rows.push([centre('V/v báo cáo nhanh tình hình thiệt hại do lũ lụt')]);
    rows.push([['Kính gửi:', 30]], [['- Ủy ban nhân dân tỉnh An Lạc;', 60]], [['- Bộ Giáo dục và Đào tạo.', 60]]);
    rows.push([['Vừa qua, tỉnh An Lạc bị ảnh hưởng của không khí lạnh tăng cường mạnh xuống phía Nam.', 30]]);
    const { text, page } = ocrPage(rows);
    expect(parseDocument(text, [page]).metadata.addressees).toEqual(['Ủy ban nhân dân tỉnh An Lạc', 'Bộ Giáo dục và Đào tạo']);
  });
});

describe('a subject the reading order mixed body words into', () => {
  it('is left empty from OCR and flagged, not read as `… QUẢN LÝ của`', () => {
    const rows = header('TỈNH AN LẠC');
    rows.splice(4, 1, [centre('QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ PHỤC VỤ QUẢN LÝ')], [['của', 520]], [centre('TRÊN ĐỊA BÀN TỈNH AN LẠC')]);
    const { text, page } = ocrPage(rows);
    const r = parseDocument(text, [page]);
    expect(r.metadata.subject).toBeNull();
    expect(r.review).toContain('subject');
    expect(r.metadata.docType).toBe('KẾ HOẠCH');
  });
});

describe('the letter Ð', () => {
  it('is read as Đ, in numbers and citations alike', () => {
    const r = parseDocument('TỈNH ỦY AN LẠC\nSố 12-QÐ/TU\nAn Lạc, ngày 3 tháng 4 năm 2024\nĐẢNG CỘNG SẢN VIỆT NAM\n\nQUYẾT ĐỊNH\nvề việc thành lập đoàn kiểm tra\n\nCăn cứ Quy định số 24-QÐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương Ðảng,');
    expect(r.metadata.numberSymbol).toBe('12-QĐ/TU');
    expect(r.metadata.citations).toEqual(['24-QĐ/TW']);
  });
});

describe('one cited document read two ways', () => {
  const cites = (body: string): Row[] => [...header('TỈNH AN LẠC').slice(0, 5), [[body, 30]]];

  it('leaves the citations of a scan for review when two share a number and differ by a letter or two', () => {
    const { text, page } = ocrPage(cites('Căn cứ Công văn số 1017/BTNMT-TCMT ngày 5/3/2021 của Bộ; theo Công văn số 1017/BTNMT-TCMIT và số 1016/BTNMT-TCMT, Ủy ban ban hành:'));
    const r = parseDocument(text, [page]);
    expect(r.metadata.citations).toEqual([]);
    expect(r.review).toContain('citations');
    // A typed text says what it says.
    expect(parseDocument(text).metadata.citations).toEqual(['1017/BTNMT-TCMT', '1017/BTNMT-TCMIT', '1016/BTNMT-TCMT']);
  });

  it('keeps citations whose numbers differ, or whose symbols with one number are far apart', () => {
    const { text, page } = ocrPage(cites('Căn cứ Công văn số 1017/BTNMT-TCMT và số 1016/BTNMT-TCMT; Quyết định số 12/QĐ-UBND và Kế hoạch số 12/KH-BCĐ, Ủy ban ban hành:'));
    expect(parseDocument(text, [page]).metadata.citations).toEqual(['1017/BTNMT-TCMT', '1016/BTNMT-TCMT', '12/QĐ-UBND', '12/KH-BCĐ']);
  });

  it('keeps citations of one number in two years: a council numbers its resolutions anew each year', () => {
    const { text, page } = ocrPage(cites('Căn cứ Nghị quyết số 12/2020/NQ-HĐND và Nghị quyết số 12/2021/NQ-HĐND của Hội đồng nhân dân tỉnh, Ủy ban ban hành:'));
    expect(parseDocument(text, [page]).metadata.citations).toEqual(['12/2020/NQ-HĐND', '12/2021/NQ-HĐND']);
    // A year and a letter apart is still one document read two ways.
    const twice = ocrPage(cites('Căn cứ Nghị quyết số 12/2020/NQ-HĐND và Nghị quyết số 12/2021/NQ-HĐNĐ của Hội đồng nhân dân tỉnh, Ủy ban ban hành:'));
    expect(parseDocument(twice.text, [twice.page]).metadata.citations).toEqual([]);
  });
});

describe('a cited number the recogniser damaged', () => {
  const cites = (body: string): Row[] => [...header('TỈNH AN LẠC').slice(0, 5), [[body, 30]]];

  it('leaves the citations of a scan for review when a code was read with a letter doubled (`KHTC` / `KHTCC`)', () => {
    const { text, page } = ocrPage(cites('Theo đề nghị của Sở tại các công văn: số 1577/SNN-KHTC ngày 18/10/2010; số 218/SNN-KHTCC ngày 2/3/2011;'));
    const r = parseDocument(text, [page]);
    expect([r.metadata.citations, r.review.includes('citations')]).toEqual([[], true]);
    expect(parseDocument(text).metadata.citations).toEqual(['1577/SNN-KHTC', '218/SNN-KHTCC']);
    // Codes that differ otherwise, or only in their years and numbers, are different documents.
    const kept = ocrPage(cites('Căn cứ Thông tư số 01/2007/TT-BKH, số 03/2008/TT-BKH, Nghị quyết số 30/NQ-CP và Nghị định số 92/2006/NĐ-CP;'));
    expect(parseDocument(kept.text, [kept.page]).metadata.citations).toEqual(['01/2007/TT-BKH', '03/2008/TT-BKH', '30/NQ-CP', '92/2006/NĐ-CP']);
  });

  it('leaves them for review when an unsure code holds a stop between capitals (a speck: `3093/BXD-VL.XD`)', () => {
    const body = 'Về đề nghị của Bộ Xây dựng tại Công văn số 3093/BXD-VL.XD ngày 31 tháng 12 năm 2019 và Quyết định số 01/1999/QĐ.UB;';
    const unsure = ocrPage(cites(body), { '3093/BXD-VL.XD': 71 });
    const r = parseDocument(unsure.text, [unsure.page]);
    expect([r.metadata.citations, r.review.includes('citations')]).toEqual([[], true]);
    // Read surely, a dotted code is as printed (`QĐ.UB`, `VL.XD`).
    const sure = ocrPage(cites(body));
    expect(parseDocument(sure.text, [sure.page]).metadata.citations).toEqual(['3093/BXD-VL.XD', '01/1999/QĐ.UB']);
  });

  it('leaves them for review when a number after `số` lost its slash (`số 344NQ-HĐND`): the list would lack it', () => {
    const { text, page } = ocrPage(cites('Căn cứ Quyết định số 176/QĐ-UBND ngày 16/01/2009; Căn cứ Nghị quyết số 344NQ-HĐND ngày 15/12/2016 của HĐND tỉnh;'));
    const r = parseDocument(text, [page]);
    expect([r.metadata.citations, r.review.includes('citations')]).toEqual([[], true]);
    // A typed text keeps what it cites in a readable shape.
    expect(parseDocument(text).metadata.citations).toEqual(['176/QĐ-UBND']);
  });

  it('leaves them for review when a number named after its type lost its slash, wrapped at its dash (`Văn bản hợp nhất 23VBHN-`)', () => {
    const rows: Row[] = [
      ...header('TỈNH AN LẠC').slice(0, 5),
      [['Căn cứ Thông tư số 58/2011/TT-BGDĐT ngày 12/12/2011; Văn bản hợp nhất 23VBHN-', 30]],
      [['BGDĐT ngày 30/6/2014 của Bộ Giáo dục và Đào tạo;', 30]],
    ];
    const { text, page } = ocrPage(rows);
    const r = parseDocument(text, [page]);
    expect([r.metadata.citations, r.review.includes('citations')]).toEqual([[], true]);
    expect(parseDocument(text).metadata.citations).toEqual(['58/2011/TT-BGDĐT']);
  });

  it('keeps them when only the document’s own number, after `Số:`, lost its slash', () => {
    const rows: Row[] = [
      [left('ỦY BAN NHÂN DÂN'), right('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')],
      [left('TỈNH AN LẠC'), right('Độc lập - Tự do - Hạnh phúc')],
      [left('Số: 215KH-UBND'), right('An Lạc, ngày 14 tháng 3 năm 2022')],
      [centre('KẾ HOẠCH')],
      [centre('Thực hiện Chỉ thị số 19/CT-TTg của Thủ tướng Chính phủ')],
      [['Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ, Ủy ban ban hành Kế hoạch:', 30]],
    ];
    const { text, page } = ocrPage(rows);
    expect(parseDocument(text, [page]).metadata.citations).toEqual(['19/CT-TTg']);
  });
});

describe('a capital read as a digit', () => {
  const titled = (subject: string): Row[] => [...header('TỈNH AN LẠC').slice(0, 3), [centre('KẾ HOẠCH')], [centre(subject)], [['Thực hiện Nghị quyết số 52/NQ-HĐND ngày 10/12/2021, Ủy ban ban hành Kế hoạch:', 30]]];

  it('leaves a scan’s subject for review when a capitals word holds a 1 or 0 for I or O (`1SO`, `C0NG`)', () => {
    for (const subject of ['ÁP DỤNG TIÊU CHUẨN 1SO 9001:2015 TẠI CƠ QUAN', 'TRIỂN KHAI C0NG TÁC CHUYỂN ĐỔI SỐ']) {
      const { text, page } = ocrPage(titled(subject));
      const r = parseDocument(text, [page]);
      expect([r.metadata.subject, r.review.includes('subject')], subject).toEqual([null, true]);
      // A typed text says what it says.
      expect(parseDocument(text).metadata.subject).toBe(subject);
    }
  });

  it('keeps numbers, codes and years beside capitals words', () => {
    const subject = 'NÂNG CẤP ĐƯỜNG DÂY 110KV VÀ TRẠM 1A GIAI ĐOẠN 2021-2025';
    const { text, page } = ocrPage(titled(subject));
    expect(parseDocument(text, [page]).metadata.subject).toBe(subject);
  });
});

describe('the central committee’s name that lost its last word', () => {
  // The narrow cell wraps `ƯƠNG` onto a line of its own over the star under it, and the scan lost
  // that line: the name runs on into the next line of the cell.
  const rows = (second: string): Row[] => [
    [left('BAN CHẤP HÀNH TRUNG'), right('ĐẢNG CỘNG SẢN VIỆT NAM')],
    ...(second ? [[left(second)]] : []),
    [left('VĂN PHÒNG'), right('Hà Nội, ngày 18 tháng 10 năm 2010')],
    [left('*')],
    [left('Số: 35-HD/VPTW')],
    [centre('HƯỚNG DẪN')],
    [centre('THỰC HIỆN BẢNG THỜI HẠN BẢO QUẢN MẪU')],
    [['Căn cứ Quy định số 210-QĐ/TW ngày 06-3-2009 của Ban Bí thư về Phông Lưu trữ Đảng Cộng sản Việt Nam;', 30]],
  ];

  it('leaves a scan’s body names for review: no party body’s name ends in TRUNG', () => {
    const { text, page } = ocrPage(rows(''));
    expect(parseDocument(text).metadata.issuer).toMatch(/^BAN CHẤP HÀNH TRUNG\b(?! ƯƠNG)/);
    const r = parseDocument(text, [page]);
    expect([r.metadata.issuer, r.metadata.parentIssuer]).toEqual([null, null]);
    expect(r.review).toContain('issuer');
  });

  it('keeps the name read whole', () => {
    const { text, page } = ocrPage(rows('ƯƠNG'));
    const r = parseDocument(text, [page]);
    expect([r.metadata.issuer, r.metadata.parentIssuer]).toEqual(['VĂN PHÒNG', 'BAN CHẤP HÀNH TRUNG ƯƠNG']);
  });
});

describe('a body name whose words the recogniser read without their marks', () => {
  const deptHeader = (line1: string, line2: string): Row[] => [
    [left(line1), right('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')],
    [left(line2), right('Độc lập - Tự do - Hạnh phúc')],
    [left('Số: 2917/SGDĐT-VP'), right('An Lạc, ngày 05 tháng 11 năm 2010')],
    [left('V/v báo cáo tình hình thiệt hại do lũ lụt')],
    [['Kính gửi: Ủy ban nhân dân tỉnh An Lạc', 30]],
    [['Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Giáo dục và Đào tạo báo cáo như sau:', 30]],
  ];

  it('leaves it for review when a word of a body’s name that always carries marks is read bare (`GIAO DUC`, `ĐAO TAO`)', () => {
    const { text, page } = ocrPage(deptHeader('UBND TỈNH AN LẠC', 'SỞ GIAO DUC VÀ ĐAO TAO'));
    const r = parseDocument(text, [page]);
    expect([r.metadata.issuer, r.review.includes('issuer')]).toEqual([null, true]);
    expect(r.metadata.parentIssuer).toBe('UBND TỈNH AN LẠC');
    // A typed text says what it says.
    expect(parseDocument(text).metadata.issuer).toBe('SỞ GIAO DUC VÀ ĐAO TAO');
  });

  it('keeps words that are written bare (`BAN`, `GIAO THÔNG`, `CAO BẰNG`) and names read whole', () => {
    for (const [l1, l2] of [
      ['UBND TỈNH CAO BẰNG', 'SỞ GIAO THÔNG VẬN TẢI'],
      ['UBND TỈNH AN LẠC', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'],
      ['UBND TỈNH AN LẠC', 'BAN QUẢN LÝ DỰ ÁN'],
    ] as const) {
      const { text, page } = ocrPage(deptHeader(l1, l2));
      expect(parseDocument(text, [page]).metadata.issuer, l2).toBe(l2);
    }
  });
});
