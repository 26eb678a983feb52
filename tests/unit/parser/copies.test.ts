import { describe, expect, it } from 'vitest';
import { joinSplitCells } from '../../../shared/parser/cells';
import { flatCuts } from '../../../shared/parser/flatten';
import { findMotto } from '../../../shared/parser/motto';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { findDocument } from '../../../shared/parser/region';
import { itemsOf, lines, segsOf } from './helpers';

// Real-world copies: what a saved web page, a PDF's text layer or an OCR pass makes of a document.
// Every example below is made up in the shape, not taken from a stored page.

const HEADER = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH AN LẠC',
  '-------',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  '---------------',
  'Số: 215/KH-UBND',
  'An Lạc, ngày 14 tháng 3 năm 2022',
  '',
  'KẾ HOẠCH',
  'Triển khai công tác chuyển đổi số năm 2022',
  '',
  'Thực hiện Nghị quyết số 52/NQ-HĐND ngày 10/12/2021 của Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
  '',
  'I. MỤC ĐÍCH, YÊU CẦU',
];

describe('the document inside a saved page', () => {
  it('skips a legal database\'s metadata block and an article before the header', () => {
    const page = lines(
      'Kế hoạch 215/KH-UBND năm 2022 chuyển đổi số tỉnh An Lạc',
      'Số hiệu: 215/KH-UBND Loại văn bản: Văn bản khác',
      'Nơi ban hành: Tỉnh An Lạc Người ký: Trần Văn Ba',
      '',
      'Theo tin từ Cổng thông tin điện tử tỉnh, kế hoạch được ban hành sau khi Ban Thường vụ Tỉnh ủy ban hành Chỉ thị số 07-CT/TU và được nhiều sở, ngành đánh giá cao về tính khả thi và thời gian thực hiện.',
      '',
      ...HEADER,
    );
    const r = parseDocument(page);
    expect(r.metadata.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH AN LẠC');
    expect(r.metadata.numberSymbol).toBe('215/KH-UBND');
    expect(r.metadata.docType).toBe('KẾ HOẠCH');
    expect(r.metadata.subject).toBe('Triển khai công tác chuyển đổi số năm 2022');
    // The article's citation is the page's, not the document's.
    expect(r.metadata.citations).toEqual(['52/NQ-HĐND']);
  });

  it('ends at a site\'s related-documents heading: nothing after it is read', () => {
    const page = lines(...HEADER, '', 'Văn bản liên quan', '', 'Quyết định số 99/QĐ-UBND ngày 2/2/2020 về kiểm tra', 'Thông tư 05/2025/TT-BNV');
    const r = parseDocument(page);
    expect(r.metadata.citations).toEqual(['52/NQ-HĐND']);
    const region = findDocument(page);
    expect(page.slice(region.end)).toMatch(/^Văn bản liên quan/);
  });

  it('ends at a site heading after marks, or opening with a letter that carries them', () => {
    for (const heading of ['## Đọc nhiều', '» Tin liên quan', '- Bình luận:']) {
      const page = lines(...HEADER, '', '5 Tin mới', 'Lưu VT.', heading, 'Quyết định số 99/QĐ-UBND ngày 2/2/2020 về kiểm tra');
      expect(page.slice(findDocument(page).end)).toBe(page.slice(page.indexOf(heading)));
    }
  });

  it('ends where another document\'s header begins', () => {
    const other = ['BỘ Y TẾ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 1893/QĐ-BYT', 'Hà Nội, ngày 09 tháng 12 năm 2019'];
    const page = lines(...HEADER, '', 'Nơi khác:', ...other);
    const r = parseDocument(page);
    expect(r.metadata.numberSymbol).toBe('215/KH-UBND');
    expect(r.metadata.citations).not.toContain('1893/QĐ-BYT');
  });

  it('starts a document without a header at its title line after an introduction', () => {
    const page = lines(
      'Ban biên tập giới thiệu toàn văn Nghị quyết số 21-NQ/TU của Ban Thường vụ Tỉnh ủy về phát triển du lịch.',
      '',
      'NGHỊ QUYẾT',
      'CỦA BAN THƯỜNG VỤ TỈNH ỦY',
      'về phát triển du lịch bền vững giai đoạn 2021 - 2025',
      '',
      'Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, Ban Thường vụ Tỉnh ủy ban hành Nghị quyết như sau:',
    );
    const r = parseDocument(page);
    expect(r.metadata.docType).toBe('NGHỊ QUYẾT');
    expect(r.metadata.issuer).toBe('BAN THƯỜNG VỤ TỈNH ỦY');
    expect(r.metadata.subject).toBe('về phát triển du lịch bền vững giai đoạn 2021 - 2025');
    // The introduction names the document's number; the document does not: nothing is taken from it.
    expect(r.metadata.numberSymbol).toBeNull();
    expect(r.metadata.citations).toEqual([]);
  });
});

describe('a text issued with a decision, saved from its title on', () => {
  // `QUY CHẾ` / its subject / `(Ban hành kèm theo Quyết định số …)` / `Chương I` / `QUY ĐỊNH CHUNG`:
  // the title opens the page; the chapter's heading under `Chương I` is no type line.
  const page = (type: string) =>
    lines(
      type,
      'TỔ CHỨC VÀ HOẠT ĐỘNG CỦA TRUNG TÂM LƯU TRỮ LỊCH SỬ TỈNH',
      '(Ban hành kèm theo Quyết định số 27/2015/QĐ-UBND ngày 14 tháng 8 năm 2015 của',
      'UBND tỉnh)',
      'Chương I',
      'QUY ĐỊNH CHUNG',
      'Điều 1. Phạm',
      'vi điều chỉnh',
      '1. Quy chế này quy định về tổ chức và hoạt động của Trung tâm.',
    );

  it('reads the title at the top of the page, not the first chapter\'s heading', () => {
    for (const type of ['QUY CHẾ', 'QUY ĐỊNH']) {
      const r = parseDocument(page(type));
      expect(r.metadata.docType, type).toBe(type);
      expect(r.metadata.subject, type).toBe('TỔ CHỨC VÀ HOẠT ĐỘNG CỦA TRUNG TÂM LƯU TRỮ LỊCH SỬ TỈNH');
      expect(r.metadata.numberSymbol, type).toBeNull();
      expect(r.metadata.citations, type).toEqual(['27/2015/QĐ-UBND']);
    }
  });

  it('never takes a chapter\'s title for the type line', () => {
    const r = parseDocument(lines('Trang chủ', 'Văn bản mới ban hành trong tuần được cập nhật đầy đủ.', 'Chương II', 'QUY ĐỊNH CỤ THỂ', 'Điều 5. Nội dung'));
    expect(r.metadata.docType).toBeNull();
    expect(r.metadata.subject).toBeNull();
  });
});

describe('an editor\'s note presenting the document', () => {
  it('starts the document after it, even with no header or title', () => {
    const page = lines(
      'Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về phát triển hạ tầng',
      '',
      'LTS: Ngày 14-11-2016, Ban Chấp hành Đảng bộ tỉnh đã ban hành Nghị quyết số 12-NQ/TU về phát triển hạ tầng. Báo trân trọng giới thiệu toàn văn Nghị quyết.',
      '',
      'I- Khái quát tình hình',
      '',
      'Những năm qua, thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, công tác huy động nguồn lực đạt kết quả tích cực.',
    );
    const m = parseDocument(page).metadata;
    expect(m.numberSymbol).toBeNull();
    expect(m.citations).toEqual(['05-CT/TW']);
  });
});

describe('a header run together on one line', () => {
  const flat =
    'UBND TỈNH AN LẠC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ Y TẾ Độc lập - Tự do - Hạnh phúc Số : 318 /SYT-VP ' +
    'An Lạc, ngày 05 tháng11 năm 2019 V/v báo cáo tình hình phòng chống dịch bệnh Kính gửi: - Ủy ban nhân dân tỉnh; ' +
    '- Bộ Y tế. Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Y tế báo cáo như sau: tình hình dịch bệnh ổn định.';

  it('is cut back into its cells', () => {
    const cuts = flatCuts(flat)!;
    expect(cuts.length).toBeGreaterThan(5);
    const pieces = [0, ...cuts].map((c, i) => flat.slice(c, cuts[i] ?? flat.length).trim());
    expect(pieces).toContain('Số : 318 /SYT-VP');
    expect(pieces).toContain('An Lạc, ngày 05 tháng11 năm 2019');
    expect(pieces).toContain('Kính gửi:');
  });

  it('reads every header field from it', () => {
    const m = parseDocument(flat).metadata;
    expect(m.parentIssuer).toBe('UBND TỈNH AN LẠC');
    expect(m.issuer).toBe('SỞ Y TẾ');
    expect(m.numberSymbol).toBe('318/SYT-VP');
    expect(m.docType).toBe('CÔNG VĂN');
    expect(m.issueDate).toBe('2019-11-05');
    expect(m.place).toBe('An Lạc');
    expect(m.subject).toBe('V/v báo cáo tình hình phòng chống dịch bệnh');
    expect(m.addressees).toEqual(['Ủy ban nhân dân tỉnh', 'Bộ Y tế']);
  });

  it('reads a run-together header whose cells a wide gap also parts (a PDF text layer that lost its hyphens)', () => {
    const line =
      '  1. ỦY BAN NHÂN DÂN CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM TỈNH BẾN TRE Độc lập  Tự do  Hạnh phúc    Số: 12/2018/QĐUBND ' +
      'Bến Tre, ngày 05 tháng 4 năm 2018   QUYẾT ĐỊNH BAN HÀNH QUY ĐỊNH QUẢN LÝ CHỢ TRÊN ĐỊA BÀN TỈNH BẾN TRE ỦY BAN NHÂN DÂN TỈNH BẾN TRE ' +
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Căn cứ Nghị định số 02/2003/NĐCP ngày 14 tháng 01 năm 2003 của Chính phủ;';
    for (const page of [line, lines('Nội dung Text: Quyết định số 12/2018/QĐ-UBND tỉnh Bến Tre', '', line)]) {
      const m = parseDocument(page).metadata;
      expect(m.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH BẾN TRE');
      expect(m.numberSymbol).toBe('12/2018/QĐUBND');
      expect(m.docType).toBe('QUYẾT ĐỊNH');
      expect(m.issueDate).toBe('2018-04-05');
      expect(m.place).toBe('Bến Tre');
      expect(m.subject).toBe('BAN HÀNH QUY ĐỊNH QUẢN LÝ CHỢ TRÊN ĐỊA BÀN TỈNH BẾN TRE');
      expect(m.citations).toEqual(['02/2003/NĐCP']);
    }
  });

  it('cuts a party report on one line at its number before the type word and at an `I-` heading', () => {
    const m = parseDocument(
      'HUYỆN ỦY BÌNH SƠN ĐẢNG CỘNG SẢN VIỆT NAM * Bình Sơn, ngày 03 tháng 6 năm 2021 Số 210-BC/HU BÁO CÁO kết quả thực hiện Nghị quyết ' +
        'Đại hội Đảng bộ huyện 6 tháng đầu năm 2021 I- KẾT QUẢ ĐẠT ĐƯỢC 1- Về kinh tế, tổng giá trị sản xuất tăng 6,5% so với cùng kỳ.',
    ).metadata;
    expect(m.numberSymbol).toBe('210-BC/HU');
    expect(m.docType).toBe('BÁO CÁO');
    expect(m.issuer).toBe('HUYỆN ỦY BÌNH SƠN');
    expect(m.issueDate).toBe('2021-06-03');
    expect(m.subject).toBe('kết quả thực hiện Nghị quyết Đại hội Đảng bộ huyện 6 tháng đầu năm 2021');
  });

  it('cuts a superior body from the issuer run into it, but not a name that continues', () => {
    const pieces = (line: string): string[] => {
      const cuts = flatCuts(line) ?? [];
      return [0, ...cuts].map((c, i) => line.slice(c, cuts[i] ?? line.length).replace(/\*/g, '').trim()).filter(Boolean);
    };
    expect(pieces('BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG * Số 36-HD/VPTW ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày 03 tháng 4 năm 2018 HƯỚNG DẪN thể thức văn bản')).toEqual(
      expect.arrayContaining(['BAN CHẤP HÀNH TRUNG ƯƠNG', 'VĂN PHÒNG']),
    );
    expect(pieces('ĐẢNG ỦY CÁC CƠ QUAN TỈNH ĐẢNG CỘNG SẢN VIỆT NAM Số 89-CV/ĐUK An Lạc, ngày 03 tháng 4 năm 2018 V/v góp ý dự thảo quy chế')).toContain(
      'ĐẢNG ỦY CÁC CƠ QUAN TỈNH',
    );
  });

  it('reads a Sở, a Huyện ủy and their superior bodies from a header on one line', () => {
    const so = parseDocument(
      'UBND TỈNH AN LẠC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc Số: 215/SNV-VTLT An Lạc, ngày 14 tháng 3 năm 2022 V/v hướng dẫn chỉnh lý tài liệu năm 2022 Kính gửi: - Các sở, ban, ngành tỉnh; - UBND các huyện, thành phố. Thực hiện Luật Lưu trữ, Sở Nội vụ hướng dẫn như sau.',
    ).metadata;
    // `VỤ` heads a department's name, but `NỘI VỤ` is one word of this one.
    expect([so.issuer, so.parentIssuer]).toEqual(['SỞ NỘI VỤ', 'UBND TỈNH AN LẠC']);
    const full = parseDocument(
      'ỦY BAN NHÂN DÂN TỈNH AN LẠC SỞ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 88/SYT-NVY An Lạc, ngày 3 tháng 8 năm 2021 V/v tăng cường phòng chống dịch Kính gửi: Các bệnh viện trực thuộc Sở. Sở Y tế đề nghị các đơn vị thực hiện ngay các biện pháp sau.',
    ).metadata;
    expect([full.issuer, full.parentIssuer]).toEqual(['SỞ Y TẾ', 'ỦY BAN NHÂN DÂN TỈNH AN LẠC']);
    const hu = parseDocument(
      'ĐẢNG BỘ TỈNH AN LẠC HUYỆN ỦY AN PHÚ * Số 125-BC/HU ĐẢNG CỘNG SẢN VIỆT NAM An Phú, ngày 20 tháng 12 năm 2022 BÁO CÁO kết quả thực hiện nhiệm vụ năm 2022, phương hướng nhiệm vụ năm 2023 I. KẾT QUẢ THỰC HIỆN 1. Công tác xây dựng Đảng được quan tâm.',
    ).metadata;
    expect([hu.issuer, hu.parentIssuer]).toEqual(['HUYỆN ỦY AN PHÚ', 'ĐẢNG BỘ TỈNH AN LẠC']);
    expect(hu.subject).toBe('kết quả thực hiện nhiệm vụ năm 2022, phương hướng nhiệm vụ năm 2023');
  });

  it('reads a youth-union header whose body is printed in short (`BCH ĐOÀN TỈNH …`)', () => {
    const m = parseDocument(lines('BCH ĐOÀN TỈNH AN LẠC\tĐOÀN TNCS HỒ CHÍ MINH', '***', 'Số: 45-KH/TĐTN-TNNT\tAn Lạc, ngày 02 tháng 3 năm 2023', '', 'KẾ HOẠCH', 'Tổ chức Tháng Thanh niên năm 2023', '', 'Căn cứ Chương trình công tác Đoàn năm 2023, Ban Thường vụ Tỉnh đoàn ban hành kế hoạch như sau:')).metadata;
    expect(m.issuer).toBe('BCH ĐOÀN TỈNH AN LẠC');
  });

  it('leaves a body paragraph that mentions a date and a number whole', () => {
    const para =
      'Thực hiện Công văn số 847/UBND-VX ngày 22 tháng 3 năm 2011 của Ủy ban nhân dân tỉnh V/v tiếp tục phối hợp tuyên truyền, Sở đề nghị các đơn vị triển khai đầy đủ các nội dung đã nêu.';
    expect(flatCuts(para)).toBeNull();
  });

  it('reads a footer run together: recipients, a glued authority and title, the name', () => {
    const text = lines(
      ...HEADER,
      'Điều 1. Giao các sở thực hiện. Nơi nhận: - Như điều 4; - VP: CVP, các phòng; - Lưu VT. TM. BAN THƯỜNG VỤ TỈNH ĐOÀNBÍ THƯ THƯỜNG TRỰC (đã ký) Nguyễn Văn An',
    );
    const m = parseDocument(text).metadata;
    expect(m.recipients).toEqual(['Như điều 4', 'VP: CVP, các phòng', 'Lưu VT']);
    expect(m.signingAuthority).toBe('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN');
    expect(m.signerTitle).toBe('BÍ THƯ THƯỜNG TRỰC');
    expect(m.signerName).toBe('Nguyễn Văn An');
  });

  it('keeps an abbreviation with its dot inside a recipient of a footer run together (`TT. Tỉnh ủy`)', () => {
    const m = parseDocument(
      lines(...HEADER, 'Điều 3. Giao các sở thực hiện. Nơi nhận: - Như Điều 3; - Bộ Tư pháp; - TT. Tỉnh ủy, TT. HĐND tỉnh; - VP. UBND tỉnh; - Lưu: VT, KT. TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An'),
    ).metadata;
    expect(m.recipients).toEqual(['Như Điều 3', 'Bộ Tư pháp', 'TT. Tỉnh ủy, TT. HĐND tỉnh', 'VP. UBND tỉnh', 'Lưu: VT, KT']);
    expect(m.signerName).toBe('Nguyễn Văn An');
  });

  it('reads a run-together footer that a PDF or a scan then wrapped over several lines', () => {
    const text = lines(
      ...HEADER,
      'Điều 2. Quyết định này có hiệu lực từ ngày ký. Các sở thi hành./. Nơi nhận: - Như điều 4; - VP:',
      'CVP, PCVP, các phòng thuộc Văn phòng; - Lưu VT, TH. TM. BAN THƯỜNG VỤ TỈNH ĐOÀNBÍ THƯ THƯỜNG',
      'TRỰC (đã ký) Nguyễn Văn An',
      '',
      'Trang 2',
    );
    const m = parseDocument(text).metadata;
    expect(m.recipients).toEqual(['Như điều 4', 'VP: CVP, PCVP, các phòng thuộc Văn phòng', 'Lưu VT, TH']);
    expect(m.signingAuthority).toBe('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN');
    expect(m.signerTitle).toBe('BÍ THƯ THƯỜNG TRỰC');
    expect(m.signerName).toBe('Nguyễn Văn An');
  });

  it('reads a run-together footer signed by a title with no authority before it', () => {
    const m = parseDocument(lines(...HEADER, 'Điều 2. Quyết định có hiệu lực từ ngày ký./. Nơi nhận: - Như Điều 3; - Bộ Nội vụ (b/c); - Lưu VT, NC. CHỦ TỊCH Nguyễn Văn Bình')).metadata;
    expect(m.recipients).toEqual(['Như Điều 3', 'Bộ Nội vụ (b/c)', 'Lưu VT, NC']);
    expect(m.signerTitle).toBe('CHỦ TỊCH');
    expect(m.signerName).toBe('Nguyễn Văn Bình');
  });

  it('splits an authority glued to the title on a line of its own', () => {
    const m = parseDocument(lines(...HEADER, '', 'Nơi nhận:', '- Như Điều 3;', '- Lưu: VT.', 'KT. CHỦ TỊCHPHÓ CHỦ TỊCH', 'Nguyễn Văn Bình')).metadata;
    expect(m.signingAuthority).toBe('KT. CHỦ TỊCH');
    expect(m.signerTitle).toBe('PHÓ CHỦ TỊCH');
    expect(m.signerName).toBe('Nguyễn Văn Bình');
  });

  it('reads a Đảng ủy xã resolution on one line: subject before the basis, authority and title apart', () => {
    const m = parseDocument(
      'ĐẢNG BỘ HUYỆN AN PHÚ ĐẢNG ỦY XÃ AN HÒA * Số 12-NQ/ĐU ĐẢNG CỘNG SẢN VIỆT NAM An Hòa, ngày 05 tháng 01 năm 2023 NGHỊ QUYẾT về lãnh đạo thực hiện nhiệm vụ năm 2023 Căn cứ Điều lệ Đảng; Ban Chấp hành Đảng bộ xã quyết nghị: 1. Tập trung lãnh đạo phát triển kinh tế. Nơi nhận: - Ban Thường vụ Huyện ủy (b/c), - Các chi bộ trực thuộc, - Lưu VP Đảng ủy. T/M ĐẢNG ỦY BÍ THƯ Nguyễn Văn Hòa',
    ).metadata;
    expect([m.issuer, m.parentIssuer, m.subject]).toEqual(['ĐẢNG ỦY XÃ AN HÒA', 'ĐẢNG BỘ HUYỆN AN PHÚ', 'về lãnh đạo thực hiện nhiệm vụ năm 2023']);
    expect(m.recipients).toEqual(['Ban Thường vụ Huyện ủy (b/c)', 'Các chi bộ trực thuộc', 'Lưu VP Đảng ủy']);
    expect([m.signingAuthority, m.signerTitle, m.signerName]).toEqual(['T/M ĐẢNG ỦY', 'BÍ THƯ', 'Nguyễn Văn Hòa']);
  });

  it('keeps a footer whose label opens its own line as it is, list item by list item', () => {
    const text = lines(...HEADER, 'Điều 2. Quyết định này có hiệu lực từ ngày ký./.', 'Nơi nhận:', '- Như Điều 2;', '- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Văn Ba');
    const m = parseDocument(text).metadata;
    expect(m.recipients).toEqual(['Như Điều 2', 'Lưu: VT']);
    expect(m.signerName).toBe('Trần Văn Ba');
  });

  it('splits a signer\'s name glued to the title', () => {
    const text = lines(...HEADER, '', 'Nơi nhận:', '- Như trên;', '- Lưu VT.', 'T/L BAN THƯỜNG VỤ', 'CHÁNH VĂN PHÒNGLê Văn Tư');
    const m = parseDocument(text).metadata;
    expect(m.signerTitle).toBe('CHÁNH VĂN PHÒNG');
    expect(m.signerName).toBe('Lê Văn Tư');
  });
});

describe('header cells split over lines', () => {
  it('joins a number, a dateline, a body name and an authority cut in two', () => {
    const segs = joinSplitCells(segsOf(lines('Số:', '06/2024/QĐ-UBND', 'An Lạc, ngày 25', 'tháng 01 năm 2024', 'HỘI', 'ĐỒNG NHÂN DÂN QUẬN 5', 'T/M', 'BỘ CHÍNH TRỊ')));
    expect(segs.map((s) => s.text)).toEqual([
      'Số: 06/2024/QĐ-UBND',
      'An Lạc, ngày 25 tháng 01 năm 2024',
      'HỘI ĐỒNG NHÂN DÂN QUẬN 5',
      'T/M BỘ CHÍNH TRỊ',
    ]);
  });

  it('does not join lines that read alone', () => {
    const segs = joinSplitCells(segsOf(lines('Số: 12/KH-UBND', 'An Lạc, ngày 2 tháng 3 năm 2024', 'HỘI ĐỒNG NHÂN DÂN', 'QUẬN 5')));
    expect(segs).toHaveLength(4);
  });

  it('reads a header whose cells are separated by | borders and split over lines', () => {
    const text = lines(
      'HỘI',
      'ĐỒNG NHÂN DÂN QUẬN 5 |',
      'CỘNG',
      'HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
      'Số: 04/2009/NQ-HĐND |',
      'Quận 5, ngày 11 tháng 01 năm 2009 |',
      'VỀ NHIỆM VỤ KINH TẾ - XÃ HỘI NĂM 2009',
      'HỘI ĐỒNG NHÂN DÂN QUẬN 5 KHÓA IX - KỲ HỌP THỨ 12',
      'Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;',
    );
    const m = parseDocument(text).metadata;
    expect(m.issuer).toBe('HỘI ĐỒNG NHÂN DÂN QUẬN 5');
    expect(m.numberSymbol).toBe('04/2009/NQ-HĐND');
    expect(m.place).toBe('Quận 5');
    expect(m.issueDate).toBe('2009-01-11');
    // No type line in this copy: the type is the number's, the subject the `VỀ …` line under the header.
    expect(m.docType).toBe('NGHỊ QUYẾT');
    expect(m.subject).toBe('VỀ NHIỆM VỤ KINH TẾ - XÃ HỘI NĂM 2009');
  });

  it('reads an authority and a name each split over two lines', () => {
    const text = lines(...HEADER, '', 'Điều 4. Quyết định này có hiệu lực kể từ ngày ký.', 'T/M', 'BỘ CHÍNH TRỊ', 'Đỗ', 'Văn Minh');
    const m = parseDocument(text).metadata;
    expect(m.signingAuthority).toBe('T/M BỘ CHÍNH TRỊ');
    expect(m.signerName).toBe('Đỗ Văn Minh');
  });
});

describe('subjects', () => {
  it('keeps a subject in capitals wrapped over lines, and stops at the enacting line', () => {
    const text = lines(
      ...HEADER.slice(0, 8),
      'QUYẾT ĐỊNH',
      'QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ PHỤC VỤ MỤC TIÊU QUẢN LÝ',
      'TRÊN ĐỊA BÀN TỈNH AN LẠC',
      'ỦY BAN NHÂN DÂN TỈNH AN LẠC',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
    );
    expect(parseDocument(text).metadata.subject).toBe('QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ PHỤC VỤ MỤC TIÊU QUẢN LÝ TRÊN ĐỊA BÀN TỈNH AN LẠC');
  });

  it('keeps a capitals subject that cites a document with its number and date', () => {
    const text = lines(
      'CHƯƠNG TRÌNH',
      'TRIỂN KHAI THỰC HIỆN KẾ HOẠCH',
      'SỐ 77-KH/TU NGÀY 14 THÁNG 3 NĂM 2022 CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ VIỆC',
      'TĂNG CƯỜNG CÔNG TÁC ĐỐI NGOẠI NHÂN DÂN',
      'Căn cứ Kế hoạch số 77-KH/TU ngày 14 tháng 3 năm 2022 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Chương trình:',
    );
    const m = parseDocument(text).metadata;
    expect(m.subject).toBe('TRIỂN KHAI THỰC HIỆN KẾ HOẠCH SỐ 77-KH/TU NGÀY 14 THÁNG 3 NĂM 2022 CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC ĐỐI NGOẠI NHÂN DÂN');
    expect(m.numberSymbol).toBeNull();
    expect(m.citations).toEqual(['77-KH/TU']);
  });

  it('reads one 600-character subject line in capitals', () => {
    const long = `THỰC HIỆN ${'NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI HẰNG NĂM VÀ '.repeat(12)}GIAI ĐOẠN 2021 - 2025`;
    expect(long.length).toBeGreaterThan(600);
    const text = lines(...HEADER.slice(0, 8), '', 'KẾ HOẠCH', '', long, '', 'Thực hiện chỉ đạo của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:');
    expect(parseDocument(text).metadata.subject).toBe(long);
  });

  it('leaves a subject the copy cut off empty, and asks for review', () => {
    const text = lines(...HEADER.slice(0, 8), '', 'THÔNG TƯ LIÊN TỊCH', '', 'HƯỚN');
    const r = parseDocument(text);
    expect(r.metadata.subject).toBeNull();
    expect(r.review).toContain('subject');
  });

  it('reads a type word a PDF broke apart', () => {
    const items = itemsOf(lines('K ÉT LUẬN', 'HỘI NGHỊ LẦN THỨ BẢY'));
    expect(items[0]!.kind).toBe('type');
    expect(items[0]!.type!.info.name).toBe('KẾT LUẬN');
  });
});

describe('issuers in copies', () => {
  it('completes a header cell that kept only ỦY BAN NHÂN DÂN from the enacting line, and flags it', () => {
    const text = lines(
      'ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
      'Số: 11/2016/QĐ-UBND | An Lạc, ngày 15 tháng 07 năm 2016 |',
      'ỦY BAN NHÂN DÂN TỈNH AN LẠC',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
    );
    const r = parseDocument(text);
    expect(r.metadata.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH AN LẠC');
    expect(r.review).toContain('issuer');
  });

  it('reads a Mặt trận department\'s letter whose left cell, subject included, came before the motto', () => {
    // A page's title and a view counter before it; no number line; `Về việc …` spelled out.
    const page = lines(
      'Công văn Về việc góp ý dự thảo quy chế phối hợp',
      '',
      '153',
      'ỦY BAN MTTQ VIỆT NAM',
      'TỈNH AN LẠC',
      'BAN DÂN CHỦ - PHÁP LUẬT  ',
      'Về việc góp ý dự thảo quy chế phối hợp',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập – Tự do – Hạnh phúc  ',
      '     An Lạc, ngày  10  tháng 3 năm 2021',
      '',
      '                          Kính gửi: Ban Thường trực UBMTTQVN các huyện',
      '',
      'Thực hiện Chương trình phối hợp số 02/CTrPH-MTTQ ngày 12 tháng 5 năm 2020, Ban Dân chủ - Pháp luật đề nghị các huyện góp ý.',
    );
    const m = parseDocument(page).metadata;
    expect(m.issuer).toBe('BAN DÂN CHỦ - PHÁP LUẬT');
    expect(m.parentIssuer).toBe('ỦY BAN MTTQ VIỆT NAM TỈNH AN LẠC');
    expect(m.subject).toBe('Về việc góp ý dự thảo quy chế phối hợp');
    expect(m.issueDate).toBe('2021-03-10');
    expect(m.numberSymbol).toBeNull();
    expect(m.addressees).toEqual(['Ban Thường trực UBMTTQVN các huyện']);
  });

  it('keeps a letter\'s names when its subject cell, read before the motto, wraps onto a second line', () => {
    // A scan's reading order: the left cell whole (names, the `V/v …` cell over two lines, a blank
    // line), then the right one. With no number line, the motto and the dateline anchor the header.
    for (const gap of [[], ['']]) {
      const m = parseDocument(
        lines(
          'ỦY BAN MTTQ VIỆT NAM',
          'TỈNH AN LẠC',
          'BAN TUYÊN GIÁO',
          'V/v tuyên truyền kỷ niệm ngày thành lập',
          'Mặt trận Tổ quốc Việt Nam',
          ...gap,
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'Độc lập - Tự do - Hạnh phúc',
          'An Lạc, ngày 5 tháng 11 năm 2020',
          '',
          'Kính gửi: Ban Thường trực Ủy ban MTTQ các huyện',
          '',
          'Thực hiện Kế hoạch số 12/KH-MTTW-BTT ngày 2/10/2020 của Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam, Ban Tuyên giáo đề nghị các đơn vị thực hiện.',
        ),
      ).metadata;
      expect(m.issuer).toBe('BAN TUYÊN GIÁO');
      expect(m.parentIssuer).toBe('ỦY BAN MTTQ VIỆT NAM TỈNH AN LẠC');
      expect(m.subject).toBe('V/v tuyên truyền kỷ niệm ngày thành lập Mặt trận Tổ quốc Việt Nam');
      expect(m.numberSymbol).toBeNull();
    }
    // A line of body text above the motto is no subject's wrap: the header starts at the motto.
    const prose = lines('Trang chủ', 'Tin tức sự kiện', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'An Lạc, ngày 5 tháng 11 năm 2020');
    expect(findDocument(prose).start).toBe(prose.indexOf('CỘNG HÒA'));
  });

  it('skips a list number and a stray dash in the header', () => {
    const r = parseDocument(lines('1. UBND TỈNH AN LẠC', '-', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 12/BC-UBND', 'An Lạc, ngày 2 tháng 3 năm 2024'));
    expect(r.metadata.issuer).toBe('UBND TỈNH AN LẠC');
  });
});

describe('mottos broken by copies', () => {
  const find = (line: string) => {
    const seg = segsOf(line)[0]!;
    return findMotto(seg.folded, (a, b) => seg.text.slice(a, b));
  };

  it('finds the motto whole, glued, without dashes, or as a piece at either end of a line', () => {
    expect(find('CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM')?.whole).toBe(true);
    expect(find('Độc lập  Tự do  Hạnh phúc')?.whole).toBe(true);
    expect(find('TỈNH HẬU GIANG Độc Lập - Tự Do - Hạnh Phúc')).toMatchObject({ whole: true });
    expect(find('ĐẢNG BỘ TỈNH ĐẮK LẮK ĐẢNG CỘNG SẢN')).toMatchObject({ whole: false });
    expect(find('HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ whole: false, start: 0 });
    expect(find('CỘNG')).not.toBeNull();
  });

  // Prose with `công`, `đảng` or `đang` is ruled out before its words are split: what may still
  // hold a motto (whole anywhere, or a head cut at the line's end) must be found as before.
  it('finds a motto or its head among prose words that open one', () => {
    expect(find('Các cơ quan đang triển khai công tác; ĐẢNG CỘNG SẢN VIỆT NAM lãnh đạo toàn diện')).toMatchObject({ whole: true });
    expect(find('Đảng bộ đang thực hiện công tác ĐẢNG CỘNG SẢN –')).toMatchObject({ whole: false });
    expect(find('ĐẢNG BỘ TỈNH ĐẮK LẮK CỘNG HÒA XÃ')).toMatchObject({ whole: false });
    expect(find('Các đơn vị đang triển khai công tác đảng trong năm')).toBeNull();
  });

  it('does not take ordinary words for a motto', () => {
    expect(find('bảo đảm hoạt động độc lập')).toBeNull();
    expect(find('Việt Nam năm 2025')).toBeNull();
    expect(find('ĐẢNG')).toBeNull();
  });
});

describe('citations in copies', () => {
  it('reads numbers glued to số, written with a space for the dash, laws, and one-group symbols after a type word', () => {
    const text = lines(
      'BAN CHẤP HÀNH TRUNG ƯƠNG',
      'Số 11-HD/VPTW',
      '',
      'Thi hành Quyết định của Bộ Chính trị số31-QĐ/TW và Quyết định số 84 QĐ/TWĐTN, Luật Thú y số 79/2015/QH13, Công văn 285/CCTTHC ngày 08 tháng 9 năm 2009; tỷ lệ 3/HS không phải số hiệu.',
    );
    expect(parseDocument(text).metadata.citations).toEqual(['31-QĐ/TW', '84 QĐ/TWĐTN', '79/2015/QH13', '285/CCTTHC']);
  });
});

describe('more shapes of copies', () => {
  it('chains a cell split in three, and joins a first word cut from a name or the motto', () => {
    const segs = joinSplitCells(segsOf(lines('BAN', 'CHẤP HÀNH TRUNG ƯƠNG', 'ĐẢNG', 'CỘNG SẢN VIỆT NAM', 'Yên', 'Bái, ngày 21 tháng 6 năm', '2019')));
    expect(segs.map((s) => s.text)).toEqual(['BAN CHẤP HÀNH TRUNG ƯƠNG', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Yên Bái, ngày 21 tháng 6 năm 2019']);
  });

  it('reads a rule of underscores drawn between two cells as a border', () => {
    const r = parseDocument(lines('CHÍNH PHỦ', '_____ Số: 12/2020/NĐ-CP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc______________Hà Nội, ngày 05 tháng 3 năm 2020'));
    expect(r.metadata.place).toBe('Hà Nội');
    expect(r.metadata.numberSymbol).toBe('12/2020/NĐ-CP');
  });

  it('reads a joint header (a name without locality over another body) as one issuer', () => {
    const r = parseDocument(lines('ỦY BAN NHÂN DÂN', 'ỦY BAN MTTQ VIỆT NAM', 'TỈNH AN LẠC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 01/QCPH/UBND-UBMTTQ', 'An Lạc, ngày 27 tháng 10 năm 2017'));
    expect(r.metadata.issuer).toBe('ỦY BAN NHÂN DÂN ỦY BAN MTTQ VIỆT NAM TỈNH AN LẠC');
    expect(r.metadata.parentIssuer).toBeNull();
    expect(r.metadata.numberSymbol).toBe('01/QCPH/UBND-UBMTTQ');
  });

  it('leaves an issuer that names only the kind of body empty, and flags it', () => {
    const r = parseDocument(lines('ỦY BAN NHÂN DÂN |', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', 'Số: 612/QĐ-UBND |', 'An Lạc, ngày 05 tháng 3 năm 2020 |', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH', 'Căn cứ Luật Tổ chức chính quyền địa phương;'));
    expect(r.metadata.issuer).toBeNull();
    expect(r.review).toContain('issuer');
    expect(r.metadata.subject).toBeNull();
  });

  it('reads offices that issue in their own name, old and dotted State numbers', () => {
    const old = parseDocument(lines('CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG', '********', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 24-CT', 'Hà Nội, ngày 25 tháng 1 năm 1991', '', 'QUYẾT ĐỊNH', 'VỀ VIỆC GIAO NHIỆM VỤ QUẢN LÝ CÔNG TÁC VĂN THƯ', '', 'Căn cứ Luật Tổ chức Hội đồng Bộ trưởng;'));
    expect(old.metadata.issuer).toBe('CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG');
    expect(old.metadata.numberSymbol).toBe('24-CT');
    expect(old.metadata.docType).toBe('QUYẾT ĐỊNH');
    const dotted = parseDocument(lines('THƯỜNG TRỰC', 'HĐND - UBND TỈNH AN LẠC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 06/QC-TT.HĐND-UBND', 'An Lạc, ngày 20 tháng 3 năm 2019'));
    expect(dotted.metadata.issuer).toBe('THƯỜNG TRỰC HĐND - UBND TỈNH AN LẠC');
    expect(dotted.metadata.numberSymbol).toBe('06/QC-TT.HĐND-UBND');
  });

  it('reads a subject in capitals under a header whose type line was lost, not the enacting line nor QUYẾT ĐỊNH:', () => {
    const r = parseDocument(lines('ỦY BAN NHÂN DÂN TỈNH AN LẠC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', 'Số: 41/2019/QĐ-UBND | An Lạc, ngày 22 tháng 10 năm 2019 |', 'BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ', 'ỦY BAN NHÂN DÂN TỈNH AN LẠC', 'Căn cứ Luật ban hành văn bản quy phạm pháp luật;', 'QUYẾT ĐỊNH:', 'Điều 1. Ban hành kèm theo Quyết định này Quy định.', '- Như Điều 3; | TM. ỦY BAN NHÂN DÂN |'));
    expect(r.metadata.subject).toBe('BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ');
    expect(r.metadata.docType).toBe('QUYẾT ĐỊNH');
    // The `Nơi nhận` label is lost too: the dash beside the authority opens the list, flagged.
    expect(r.metadata.recipients).toEqual(['Như Điều 3']);
    expect(r.review).toContain('recipients');
  });

  it('continues a subject wrapped right after the type word and onto a line of figures', () => {
    const a = parseDocument(lines('UBND XÃ AN PHÚ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 5/QC-UBND', 'An Phú, ngày 2 tháng 7 năm 2021', 'QUY CHẾ LÀM', 'VIỆC CỦA ỦY BAN NHÂN DÂN XÃ AN PHÚ NHIỆM KỲ', '2021-2026', '(Ban hành kèm theo Quyết định số 59/QĐ-UBND)'));
    expect(a.metadata.subject).toBe('LÀM VIỆC CỦA ỦY BAN NHÂN DÂN XÃ AN PHÚ NHIỆM KỲ 2021-2026');
    // A known kind of the type stays with it: the subject is on the next lines.
    const b = parseDocument(lines('HUYỆN ỦY AN PHÚ', 'Số 14-CTr/HU', 'An Phú, ngày 2 tháng 7 năm 2021', 'CHƯƠNG TRÌNH HÀNH ĐỘNG', 'thực hiện Nghị quyết Đại hội', '', 'Căn cứ Điều lệ Đảng;'));
    expect(b.metadata.subject).toBe('thực hiện Nghị quyết Đại hội');
  });

  it('stops a subject at the enacting line of an office the header does not name (a school\'s principal)', () => {
    const m = parseDocument(
      lines(
        'SỞ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'TRƯỜNG THPT AN LẠC Độc lập - Tự do - Hạnh phúc',
        'Số: 45/QĐ-THPT An Lạc, ngày 02 tháng 9 năm 2021',
        'QUYẾT ĐỊNH',
        'Về việc thành lập Hội đồng thi đua khen thưởng năm học 2021-2022',
        'HIỆU TRƯỞNG TRƯỜNG THPT AN LẠC',
        'Căn cứ Điều lệ trường trung học;',
      ),
    ).metadata;
    expect(m.issuer).toBe('TRƯỜNG THPT AN LẠC');
    expect(m.parentIssuer).toBe('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
    expect(m.subject).toBe('Về việc thành lập Hội đồng thi đua khen thưởng năm học 2021-2022');
    // A subject in capitals, the principal's line naming the school in full.
    const caps = parseDocument(
      lines(
        'SỞ GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'TRƯỜNG THPT BÌNH MINH Độc lập - Tự do - Hạnh phúc',
        'Số: 45/QĐ-THPT An Lạc, ngày 02 tháng 9 năm 2021',
        'QUYẾT ĐỊNH',
        'VỀ VIỆC THÀNH LẬP HỘI ĐỒNG THI ĐUA KHEN THƯỞNG NĂM HỌC 2021-2022',
        'HIỆU TRƯỞNG TRƯỜNG TRUNG HỌC PHỔ THÔNG BÌNH MINH',
        'Căn cứ Điều lệ trường trung học;',
      ),
    ).metadata;
    expect(caps.subject).toBe('VỀ VIỆC THÀNH LẬP HỘI ĐỒNG THI ĐUA KHEN THƯỞNG NĂM HỌC 2021-2022');
  });

  it('stops a subject at an enacting line that names the start of the issuer', () => {
    const r = parseDocument(lines('HỘI ĐỒNG NHÂN DÂN', 'TỈNH AN LẠC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 30/2011/NQ-HĐND', 'An Lạc, ngày 18 tháng 8 năm 2011', '', 'NGHỊ QUYẾT', '', 'VỀ ĐỀ ÁN ĐẶT TÊN ĐƯỜNG NĂM 2011', '', 'HỘI ĐỒNG NHÂN DÂN TỈNH', 'KHÓA XI, KỲ HỌP THỨ 2', '', 'Căn cứ Luật Tổ chức HĐND và UBND;'));
    expect(r.metadata.subject).toBe('VỀ ĐỀ ÁN ĐẶT TÊN ĐƯỜNG NĂM 2011');
  });

  it('takes the issuer out of a long CỦA … VỀ … title line', () => {
    const r = parseDocument(lines('HỘI ĐỒNG BỘ TRƯỞNG', 'Số: 72/HĐBT', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Hà Nội, ngày 17 tháng 9 năm 1981', '', 'QUYẾT ĐỊNH', '', 'CỦA HỘI ĐỒNG BỘ TRƯỞNG SỐ 72/HĐBT NGÀY 17-9-1981 VỀ VIỆC PHÂN VẠCH ĐỊA GIỚI MỘT SỐ XÃ CỦA HUYỆN AN PHÚ VÀ HUYỆN AN LẠC', '', 'Căn cứ Hiến pháp;'));
    expect(r.metadata.subject).toBe('VỀ VIỆC PHÂN VẠCH ĐỊA GIỚI MỘT SỐ XÃ CỦA HUYỆN AN PHÚ VÀ HUYỆN AN LẠC');
    expect(r.metadata.issuer).toBe('HỘI ĐỒNG BỘ TRƯỞNG');
  });

  it('reads a signature printed without an authority line, and flags it', () => {
    const gazette = parseDocument(lines(...HEADER, '', 'Điều 2. Quyết định này có hiệu lực.', '', 'Bộ trưởng Tổng thư ký', '', '(Đã ký)', '', 'Đặng Văn Thi'));
    expect(gazette.metadata.signerTitle).toBe('Bộ trưởng Tổng thư ký');
    expect(gazette.metadata.signerName).toBe('Đặng Văn Thi');
    expect(gazette.review).toContain('signerName');
    const bare = parseDocument(lines(...HEADER, '', 'Điều 2. Quyết định này có hiệu lực.', '', 'Nguyễn Văn Khánh', '', '(Đã ký)'));
    expect(bare.metadata.signerName).toBe('Nguyễn Văn Khánh');
    expect(bare.metadata.signerTitle).toBeNull();
  });

  it('leaves a file path printed under the recipients out of them', () => {
    const r = parseDocument(lines(...HEADER, '', 'Nơi nhận:', '- Như trên;', '- Lưu: VT, NCTH.', '', 'd:\\2011\\CV\\T4\\bau chon', '', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '', 'Trần Thành Lập'));
    expect(r.metadata.recipients).toEqual(['Như trên', 'Lưu: VT, NCTH']);
  });

  it('does not take a glued word for part of a cited number', () => {
    const r = parseDocument(lines(...HEADER, 'Thực hiện Thông báo số 70-TB/TWngày 5/3/2020 của Bộ Chính trị.'));
    expect(r.metadata.citations).toContain('70-TB/TW');
  });

  it('reads the number and date of a text layer that lost letters, but not its illegible place', () => {
    const line =
      '- U BAN DÂN T C C NG HOÀ XÃ H I CH NGHĨA VI T NAM Đ c l p – T do – H nh phúc S 291/QĐ-UBDT Hà N i, ngày 08 tháng 11 năm 2006 QUY T Đ NH V vi c ban hành quy đ nh';
    const r = parseDocument(line);
    expect(r.metadata.numberSymbol).toBe('291/QĐ-UBDT');
    expect(r.metadata.issueDate).toBe('2006-11-08');
    expect(r.metadata.place).toBeNull();
    expect(r.review).toContain('place');
  });

  it('keeps places whose one-letter words are vowels', () => {
    for (const place of ['Ô Môn', 'Cư Ê Wi', 'Chư Á']) {
      expect(parseDocument(lines('HUYỆN ỦY', 'Số 7-KH/HU', `${place}, ngày 3 tháng 4 năm 2024`)).metadata.place).toBe(place);
    }
  });
});

describe('a header kept apart, the title block and body run together', () => {
  const head = ['BAN CHẤP HÀNH TRUNG ƯƠNG\tHỘI NÔNG DÂN AN LẠC', '***\tAn Lạc, ngày 3 tháng 4 năm 2019', 'Số: 21 - QĐ/TWHND-VP', ''];

  it('reads a type word glued to the subject, the subject up to the rule, on one long line', () => {
    const body =
      'QUYẾT ĐỊNHVề việc ban hành Quy chế làm việc của cơ quan Trung ương Hội-------- BAN THƯỜNG VỤ TRUNG ƯƠNG HỘI- Căn cứ Điều lệ Hội; - Căn cứ Quyết định số 7 QĐ/TWHND ngày 2/1/2018, QUYẾT ĐỊNH Điều 1. Ban hành kèm theo quyết định này Quy chế làm việc của cơ quan Trung ương Hội nông dân.';
    const r = parseDocument(lines(...head, body));
    expect(r.metadata.docType).toBe('QUYẾT ĐỊNH');
    expect(r.metadata.subject).toBe('Về việc ban hành Quy chế làm việc của cơ quan Trung ương Hội');
  });

  it('reads the same title block wrapped by a PDF over lines, the rule glued inside a line', () => {
    const r = parseDocument(
      lines(
        ...head,
        'QUYẾT ĐỊNHVề việc ban hành Quy chế làm việc của cơ quan',
        'Trung ương Hội-------- BAN THƯỜNG VỤ TRUNG ƯƠNG HỘI- Căn cứ Điều lệ',
        'Hội; - Căn cứ Quyết định số 7 QĐ/TWHND ngày 2/1/2018, QUYẾT ĐỊNH Điều 1. Ban',
      ),
    );
    expect(r.metadata.docType).toBe('QUYẾT ĐỊNH');
    expect(r.metadata.subject).toBe('Về việc ban hành Quy chế làm việc của cơ quan Trung ương Hội');
  });

  it('ends the addressees of a letter where its first paragraph begins on the same line', () => {
    const r = parseDocument(
      lines(
        'UBND TỈNH AN LẠC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'SỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc',
        'Số: 310/SYT-VP\tAn Lạc, ngày 2 tháng 5 năm 2012',
        'V/v báo cáo nhanh thiệt hại do mưa lũ',
        '',
        'Kính gửi: - Ủy ban nhân dân tỉnh An Lạc; - Bộ Y tế. Vừa qua, mưa lớn kéo dài đã gây ngập tại nhiều trạm y tế của tỉnh; Sở Y tế báo cáo nhanh như sau: 1. Tình hình thiệt hại tại các trạm y tế xã.',
      ),
    );
    expect(r.metadata.addressees).toEqual(['Ủy ban nhân dân tỉnh An Lạc', 'Bộ Y tế']);
    expect(r.metadata.subject).toBe('V/v báo cáo nhanh thiệt hại do mưa lũ');
  });

  it('leaves empty a body name a copy cut after a joining word (`BỘ TÀI NGUYÊN VÀ`), for review', () => {
    const tail = ['Số: 1234/BTNMT-TCQLĐĐ', 'Hà Nội, ngày 12 tháng 4 năm 2016', 'Kính gửi: Ủy ban nhân dân các tỉnh'];
    for (const cut of ['BỘ TÀI NGUYÊN VÀ', 'BỘ VĂN HÓA, THỂ THAO VÀ', 'SỞ NÔNG NGHIỆP -']) {
      const r = parseDocument(lines(cut, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', ...tail));
      expect(r.metadata.issuer, cut).toBeNull();
      expect(r.review, cut).toContain('issuer');
    }
    const whole = parseDocument(lines('BỘ TÀI NGUYÊN VÀ', 'MÔI TRƯỜNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', ...tail));
    expect(whole.metadata.issuer).toBe('BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG');
    // The same cut above the issuer: its superior body is left empty too.
    const parent = parseDocument(lines('BỘ TÀI NGUYÊN VÀ', 'TỔNG CỤC QUẢN LÝ ĐẤT ĐAI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', ...tail));
    expect([parent.metadata.issuer, parent.metadata.parentIssuer]).toEqual(['TỔNG CỤC QUẢN LÝ ĐẤT ĐAI', null]);
  });

  it('keeps a date the trích yếu wrapped onto its own line in the subject, never as the issue date', () => {
    // The left header cell only (a crop of the header): no dateline is stated.
    const crop = (...subject: string[]) => parseDocument(lines('ĐẢNG ỦY PHƯỜNG AN LẠC', 'Số 171-CV/ĐU', ...subject, 'Kính gửi: Ban Tổ chức Quận ủy')).metadata;
    const m = crop('Về việc đề nghị xét tặng Huy hiệu Đảng đợt', 'ngày 03/02/2026');
    expect([m.subject, m.issueDate, m.place]).toEqual(['Về việc đề nghị xét tặng Huy hiệu Đảng đợt ngày 03/02/2026', null, null]);
    const words = crop('Về việc đề nghị xét tặng Huy hiệu Đảng đợt', 'ngày 03 tháng 02 năm 2026');
    expect([words.subject, words.issueDate]).toEqual(['Về việc đề nghị xét tặng Huy hiệu Đảng đợt ngày 03 tháng 02 năm 2026', null]);
    // A subject that ends, then the other cell's dateline with its place: the issue date.
    const dated = crop('Về việc đề nghị xét tặng Huy hiệu Đảng', 'An Lạc, ngày 03 tháng 02 năm 2026');
    expect([dated.subject, dated.issueDate, dated.place]).toEqual(['Về việc đề nghị xét tặng Huy hiệu Đảng', '2026-02-03', 'An Lạc']);
  });

  it('cuts a letter\'s `V/v` subject from the dateline a copy ran onto its line', () => {
    const head = ['CỤC LƯU TRỮ NHÀ NƯỚC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 66/NVĐP'];
    const body = ['Kính gửi: Văn phòng Ủy ban nhân dân các tỉnh', 'Thực hiện Nghị định số 111/2004/NĐ-CP ngày 8 tháng 4 năm 2004 của Chính phủ về công tác lưu trữ, Cục Lưu trữ Nhà nước hướng dẫn như sau.'];
    const one = parseDocument(lines(...head, 'V/v hướng dẫn chỉnh lý tài liệu Hà Nội, ngày 12 tháng 3 năm 2004', ...body)).metadata;
    expect([one.subject, one.issueDate, one.place]).toEqual(['V/v hướng dẫn chỉnh lý tài liệu', '2004-03-12', 'Hà Nội']);
    // The subject wrapped in its narrow cell: the dateline beside its first line.
    const wrapped = parseDocument(lines(...head, 'V/v hướng dẫn chỉnh lý Hà Nội, ngày 12 tháng 3 năm 2004', 'tài liệu giấy', ...body)).metadata;
    expect([wrapped.subject, wrapped.issueDate, wrapped.place]).toEqual(['V/v hướng dẫn chỉnh lý tài liệu giấy', '2004-03-12', 'Hà Nội']);
    // A name in the subject before a comma is no dateline without `ngày` and a date.
    const named = parseDocument(lines(...head, 'V/v hỗ trợ tỉnh Hà Giang, Cao Bằng khắc phục lũ', ...body)).metadata;
    expect(named.subject).toBe('V/v hỗ trợ tỉnh Hà Giang, Cao Bằng khắc phục lũ');
  });

  it('reads each addressee of a short list line, its body run on and wrapped to the next line', () => {
    const head = ['UBND TỈNH AN LẠC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc', 'Số: 310/SYT-VP\tAn Lạc, ngày 2 tháng 5 năm 2012', 'V/v báo cáo nhanh thiệt hại do mưa lũ', ''];
    const wrapped = parseDocument(lines(...head, 'Kính gửi: - Sở Tài chính; - Bộ Y tế. Vừa qua, mưa lớn kéo dài', 'đã gây ngập tại nhiều trạm y tế của tỉnh.'));
    expect(wrapped.metadata.addressees).toEqual(['Sở Tài chính', 'Bộ Y tế']);
    const alone = parseDocument(lines(...head, 'Kính gửi: - Sở Tài chính; - Bộ Y tế.', 'Vừa qua, mưa lớn kéo dài đã gây ngập tại nhiều trạm y tế của tỉnh.'));
    expect(alone.metadata.addressees).toEqual(['Sở Tài chính', 'Bộ Y tế']);
    // A dash inside a name (`Sở Văn hóa - Thể thao`) opens no item: only one after `;` does.
    const named = parseDocument(lines(...head, 'Kính gửi: Sở Văn hóa - Thể thao và Du lịch.', 'Vừa qua, mưa lớn kéo dài đã gây ngập tại nhiều trạm y tế của tỉnh.'));
    expect(named.metadata.addressees).toEqual(['Sở Văn hóa - Thể thao và Du lịch']);
  });
});

describe('headers an OCR pass damaged', () => {
  const page = (...header: string[]) =>
    lines('Cổng thông tin điện tử tỉnh', 'Văn bản chỉ đạo điều hành', ...header, 'QUYẾT ĐỊNH', 'VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC', 'ỦY BAN NHÂN DÂN TỈNH AN LẠC', 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;');

  it('reads the issuer and the dateline around a number that lost its slash, the number put back and flagged', () => {
    const r = parseDocument(
      page('ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỈNH AN LẠC Độc lập - Tự do - Hạnh phúc', 'Số: 14QĐ-UBND An Lạc, ngày 21 tháng 6 năm 2019'),
    );
    // `14QĐ-UBND` has one reading (the State shape, `-` after the type): read, and left for review.
    expect(r.metadata.numberSymbol).toBe('14/QĐ-UBND');
    expect(r.review).toContain('numberSymbol');
    expect(r.metadata.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH AN LẠC');
    expect([r.metadata.place, r.metadata.issueDate]).toEqual(['An Lạc', '2019-06-21']);
    expect(r.metadata.subject).toBe('VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC');
  });

  it('starts the document at a header whose only legible mark is the motto over the title', () => {
    const r = parseDocument(page('ỦY BAN NHÂN DÂN', 'TỈNH AN LẠC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 14QĐ-UBND', 'An Lạc, ngày 2l tháng 6 năm 2O19'));
    expect(r.metadata.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH AN LẠC');
    expect([r.metadata.numberSymbol, r.metadata.issueDate]).toEqual(['14/QĐ-UBND', null]);
    expect(r.review).toContain('numberSymbol');
    expect(r.metadata.docType).toBe('QUYẾT ĐỊNH');
  });

  it('leaves the left cell out of a place read on the same row as the dateline', () => {
    const r = parseDocument(lines('BAN CHẤP HÀNH TRUNG\tĐẢNG CỘNG SẢN VIỆT NAM', 'ƯƠNG Hà Nội, ngày 3 tháng 4 năm 2019', 'VĂN PHÒNG', 'Số 12-HD/VPTW', '', 'HƯỚNG DẪN', 'về công tác lưu trữ'));
    expect(r.metadata.place).toBe('Hà Nội');
    for (const place of ['TP Hồ Chí Minh', 'TP. Hồ Chí Minh', 'HÀ NỘI']) {
      expect(parseDocument(lines('TỈNH ỦY AN LẠC', 'Số 1-KL/TU', `${place}, ngày 3 tháng 4 năm 2019`, 'ĐẢNG CỘNG SẢN VIỆT NAM')).metadata.place).toBe(place);
    }
  });
});


describe('what OCR and printed copies make of a header and a title block', () => {
  it('reads the issuer over the `***` that OCR read as marks, and over a number it could not read', () => {
    const right = ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Hà Nội, ngày 29 tháng 10 năm 2013', '', 'QUYẾT ĐỊNH', 'về việc ban hành quy chế làm việc', '', 'Căn cứ Điều lệ Đảng;'];
    expect(parseDocument(lines('BAN CHẤP HÀNH TRUNG ƯƠNG', 'x%›k*%', 'Số: 367-QĐ/TW', ...right)).metadata.issuer).toBe('BAN CHẤP HÀNH TRUNG ƯƠNG');
    expect(parseDocument(lines('CHỦ TỊCH HỘI ĐỒNG BỘ', 'TRƯỞNG', '®%*2R3*', 'Số: 24-CT', ...right)).metadata.issuer).toBe('CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG');
    const damaged = parseDocument(lines('THỦ TƯỚNG CHÍNH PHỦ', 'số:71OĐ8980/0', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày 15 tháng 06 năm 2012', '', 'QUYẾT ĐỊNH', 'Phê duyệt kế hoạch tổ chức kỷ niệm', '', 'THỦ TƯỚNG CHÍNH PHỦ', 'Căn cứ Luật Tổ chức Chính phủ;'));
    expect(damaged.metadata.issuer).toBe('THỦ TƯỚNG CHÍNH PHỦ');
    expect(damaged.metadata.numberSymbol).toBeNull();
  });

  it('reads a title block run into the body on one line, and the same line wrapped by a PDF', () => {
    const header = ['BỘ LAO ĐỘNG – THƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BINH VÀ XÃ HỘI\tĐộc lập – Tự do – Hạnh phúc', 'Số: 23/2007/QĐ-BLĐTBXH\tHà Nội, ngày 05 tháng 10 năm 2007', ''];
    const body =
      'QUYẾT ĐỊNH BAN HÀNH HỆ THỐNG CHỈ TIÊU THEO DÕI, GIÁM SÁT CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO CỦA CẤP TỈNH BỘ TRƯỞNG BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI Căn cứ Nghị định số 29/2003/NĐ-CP ngày 31 tháng 3 năm 2003 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ; Xét đề nghị của Vụ trưởng Vụ Bảo trợ xã hội, QUYẾT ĐỊNH Điều 1. Ban hành kèm theo Quyết định này hệ thống chỉ tiêu.';
    const wrapped: string[] = [];
    let line = '';
    for (const word of body.split(' ')) {
      if (`${line} ${word}`.trim().length > 88) {
        wrapped.push(line.trim());
        line = word;
      } else line += ` ${word}`;
    }
    wrapped.push(line.trim());
    const subject = 'BAN HÀNH HỆ THỐNG CHỈ TIÊU THEO DÕI, GIÁM SÁT CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO CỦA CẤP TỈNH';
    expect(parseDocument(lines(...header, body)).metadata.subject).toBe(subject);
    expect(parseDocument(lines(...header, ...wrapped)).metadata.subject).toBe(subject);
  });
});
