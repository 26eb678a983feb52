import { describe, expect, it } from 'vitest';
import { docTypeByAbbr } from '../../../shared/domain/docTypes';
import { readNumberLine } from '../../../shared/parser/numberLine';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { itemsOf, lines, segOf } from './helpers';

// State documents (Nghị định 30/2020/NĐ-CP; docs/state-documents.md). Every example is made up
// in the shape of the format, not copied from a document.

describe('State number-symbols', () => {
  it('reads number/year/type-issuer and number/type-issuer', () => {
    const a = readNumberLine(segOf('Số: 64/2024/QĐ-UBND'))!;
    expect(a.numberSymbol).toBe('64/2024/QĐ-UBND');
    expect(a.form).toBe('state');
    expect(a.abbr).toBe('QĐ');
    expect(readNumberLine(segOf('Số: 05/2025/TT-BNV'))!.numberSymbol).toBe('05/2025/TT-BNV');
    expect(readNumberLine(segOf('Số: 12/CĐ-TTg'))!.numberSymbol).toBe('12/CĐ-TTg');
  });

  it('reads a number whose label carries the type word (`Nghị quyết số:`), and a spaced joint', () => {
    expect(readNumberLine(segOf('Nghị quyết số: 12/2020/UBTVQH14'))!.numberSymbol).toBe('12/2020/UBTVQH14');
    expect(readNumberLine(segOf('Quyết định số: 7/QĐ-UBND'))!.numberSymbol).toBe('7/QĐ-UBND');
    expect(readNumberLine(segOf('Số: 31/GDĐT –KT&KĐCL'))!.numberSymbol).toBe('31/GDĐT –KT&KĐCL');
    // A body sentence opening with the type word and no colon is no number line.
    expect(readNumberLine(segOf('Nghị quyết số 12/2020/UBTVQH14 ngày'))).toBeNull();
  });

  it('reads a công văn symbol (issuer and drafting unit, or the issuer alone)', () => {
    const cv = readNumberLine(segOf('Số: 187/VTLTNN-VP'))!;
    expect(cv.numberSymbol).toBe('187/VTLTNN-VP');
    expect(docTypeByAbbr(cv.abbr!, cv.form)).toBeUndefined();
    expect(readNumberLine(segOf('Số: 66/NVĐP'))!.numberSymbol).toBe('66/NVĐP');
    // A one-group symbol needs its label: in a sentence `3/HS` is not a number line.
    expect(readNumberLine(segOf('66/NVĐP'))).toBeNull();
  });

  it('reads issuers that carry a term number and joint issuers', () => {
    expect(readNumberLine(segOf('Số: 653/NQ-UBTVQH14'))!.numberSymbol).toBe('653/NQ-UBTVQH14');
    expect(readNumberLine(segOf('Số: 02/2011/TTLT-VPCP-BNV'))!.numberSymbol).toBe('02/2011/TTLT-VPCP-BNV');
  });

  it('reads a State number left blank for the clerk', () => {
    const r = readNumberLine(segOf('Số:      /QĐ-UBND'))!;
    expect(r.numberSymbol).toBeNull();
    expect(r.form).toBe('state');
    expect(r.abbr).toBe('QĐ');
    expect(readNumberLine(segOf('Số:         / TB-UBND'))!.abbr).toBe('TB');
  });

  it('reads the issuer over a number left blank, and states no date whose day was left blank', () => {
    const r = parseDocument(lines('ỦY BAN NHÂN DÂN', '', 'XÃ AN PHÚ', '', '––––––––', '', 'Số:         / TB-UBND', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '', 'Độc lập – Tự do – Hạnh phúc', '', 'An Phú, ngày ….. tháng 12 năm 2021', '', ' THÔNG BÁO', '', 'Về việc tạm dừng tiếp công dân', '', 'Ủy ban nhân dân xã An Phú thông báo như sau:'));
    expect(r.metadata.issuer).toBe('ỦY BAN NHÂN DÂN XÃ AN PHÚ');
    expect(r.metadata.numberSymbol).toBeNull();
    expect(r.metadata.issueDate).toBeNull();
    expect(r.metadata.docType).toBe('THÔNG BÁO');
    expect(r.review).toEqual(expect.arrayContaining(['numberSymbol', 'issueDate']));
  });

  it('reads a label without its accent, as plain-ASCII and OCR copies give it', () => {
    expect(readNumberLine(segOf('So: 21/BC-UBND'))!.numberSymbol).toBe('21/BC-UBND');
  });
});

describe('State type table', () => {
  it('TT is THÔNG TƯ in a State number and THÔNG TRI only in a party number', () => {
    expect(docTypeByAbbr('TT', 'state')!.name).toBe('THÔNG TƯ');
    expect(docTypeByAbbr('TT', 'party')!.name).toBe('THÔNG TRI');
    const state = parseDocument(lines('BỘ NỘI VỤ', 'Số: 05/2025/TT-BNV', '', 'Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;'));
    expect(state.metadata.docType).toBe('THÔNG TƯ');
    const party = parseDocument(lines('BAN CHẤP HÀNH TRUNG ƯƠNG', '*', 'Số 07-TT/TW', '', 'Các cấp ủy cần quán triệt đầy đủ tinh thần chỉ đạo.'));
    expect(party.metadata.docType).toBe('THÔNG TRI');
  });

  it('knows the administrative types of Phụ lục III and the normative ones by their printed names', () => {
    for (const [abbr, name] of [
      ['CĐ', 'CÔNG ĐIỆN'],
      ['GM', 'GIẤY MỜI'],
      ['HĐ', 'HỢP ĐỒNG'],
      ['TC', 'THÔNG CÁO'],
      ['NĐ', 'NGHỊ ĐỊNH'],
      ['TTLT', 'THÔNG TƯ LIÊN TỊCH'],
    ] as const) {
      expect(docTypeByAbbr(abbr, 'state')!.name).toBe(name);
    }
    const items = itemsOf(lines('THÔNG TƯ LIÊN TỊCH', 'Hướng dẫn chức năng, nhiệm vụ của văn phòng'));
    expect(items[0]!.kind).toBe('type');
    expect(items[0]!.type!.info.name).toBe('THÔNG TƯ LIÊN TỊCH');
  });

  it('a party QĐ alone names no type (quyết định, or quy định in Trung ương numbering)', () => {
    const r = parseDocument(lines('BAN CHẤP HÀNH TRUNG ƯƠNG', '*', 'Số 210-QĐ/TW', '', 'Các cấp ủy, tổ chức đảng thực hiện theo các nội dung sau đây.'));
    expect(r.metadata.docType).toBeNull();
    expect(r.review).toContain('docType');
    const printed = parseDocument(lines('BAN CHẤP HÀNH TRUNG ƯƠNG', '*', 'Số 210-QĐ/TW', '', 'QUY ĐỊNH', 'về công tác văn thư', '', 'Căn cứ Điều lệ Đảng;'));
    expect(printed.metadata.docType).toBe('QUY ĐỊNH');
    expect(printed.review).not.toContain('docType');
  });

  it('a joint text titled by its short name takes the joint type its number names', () => {
    const r = parseDocument(lines('BỘ NỘI VỤ - BỘ TÀI CHÍNH', 'Số: 04/2019/TTLT/BNV-BTC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày 12 tháng 1 năm 2019', '', 'THÔNG TƯ', '', 'Hướng dẫn chế độ phụ cấp lưu trữ', '', 'Căn cứ Luật Lưu trữ số 01/2011/QH13;'));
    expect(r.metadata.docType).toBe('THÔNG TƯ LIÊN TỊCH');
    expect(r.review).not.toContain('docType');
  });

  it('joint issuers wrapped at the dash between them are one issuer, not a body under a superior', () => {
    // A narrow cell wraps `BỘ TÀI CHÍNH - BỘ NỘI VỤ` after its dash: the dash joins two issuers.
    const r = parseDocument(lines('BỘ TÀI CHÍNH -', 'BỘ NỘI VỤ', '-------', 'Số: 04/2019/TTLT-BTC-BNV', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày 12 tháng 1 năm 2019', '', 'THÔNG TƯ LIÊN TỊCH', 'Hướng dẫn chế độ phụ cấp lưu trữ', '', 'Căn cứ Luật Lưu trữ số 01/2011/QH13;'));
    expect(r.metadata.issuer).toBe('BỘ TÀI CHÍNH - BỘ NỘI VỤ');
    expect(r.metadata.parentIssuer).toBeNull();
    // A superior body over its department keeps its place.
    const under = parseDocument(lines('BỘ NỘI VỤ', 'CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC', 'Số: 187/VTLTNN-VP', 'V/v hướng dẫn lưu trữ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày 5 tháng 3 năm 2021', '', 'Kính gửi: Sở Nội vụ các tỉnh.'));
    expect(under.metadata.issuer).toBe('CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC');
    expect(under.metadata.parentIssuer).toBe('BỘ NỘI VỤ');
  });

  it('a V/v subject under a State symbol whose first group is also a type code names no type', () => {
    // `CT` is chỉ thị in the type table and Cục Thuế in its own symbols; the V/v says công văn.
    const r = parseDocument(lines('TỔNG CỤC THUẾ', 'CỤC THUẾ TỈNH AN LẠC', 'Số: 1045/CT-TTHT', 'V/v chính sách thuế giá trị gia tăng', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'An Lạc, ngày 5 tháng 3 năm 2021', '', 'Kính gửi: Công ty cổ phần An Lạc.', '', 'Cục Thuế nhận được văn bản của Công ty hỏi về chính sách thuế.'));
    expect(r.metadata.issuer).toBe('CỤC THUẾ TỈNH AN LẠC');
    expect(r.metadata.subject).toBe('V/v chính sách thuế giá trị gia tăng');
    expect(r.metadata.docType).toBeNull();
    expect(r.review).toContain('docType');
  });

  it('a printed type that contradicts the number is kept and flagged', () => {
    const r = parseDocument(lines('ỦY BAN NHÂN DÂN', 'HUYỆN AN LẠC', 'Số: 15/BC-UBND', '', 'KẾ HOẠCH', 'Triển khai công tác chuyển đổi số năm 2025', '', 'Thực hiện chỉ đạo của tỉnh.'));
    expect(r.metadata.docType).toBe('KẾ HOẠCH');
    expect(r.review).toContain('docType');
  });
});

describe('a text layer that lost its accented letters', () => {
  const body = 'Thc hin Ngh quyt s 33-NQ/TW ngy 09/6/2014 ca Ban chp hnh Trung ng v xy dng v pht trin nn vn ha, con ngi Vit Nam p ng yu cu pht trin bn vng t nc; S Ni v hng dn t chc hi ngh nh sau:';
  it('reads the number, the date and the type its number names, and leaves every name and subject that lost letters empty', () => {
    const r = parseDocument(lines('UBND TNH AN LC', 'S NI V', 'S: 12 /HD-SNV', 'CNG HO X HI CH NGHA VIT NAM', 'c l p - T do - Hanh phuc', 'An Lc, ngay 12 thang 01 nm 2017', '', 'HNG DN', 'V vic t chc hi ngh vn th lu tr', '', body));
    const m = r.metadata;
    expect(m.numberSymbol).toBe('12/HD-SNV');
    expect(m.docType).toBe('HƯỚNG DẪN');
    expect(m.issueDate).toBe('2017-01-12');
    expect([m.issuer, m.parentIssuer, m.place, m.subject]).toEqual([null, null, null, null]);
    expect(r.review).toEqual(expect.arrayContaining(['issuer', 'place']));
  });

  it('keeps reading a sound text whose only vowel-less words are abbreviations', () => {
    const r = parseDocument(lines('UBND TỈNH AN LẠC', 'SỞ NỘI VỤ', 'Số: 12/HD-SNV', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'An Lạc, ngày 12 tháng 01 năm 2017', '', 'HƯỚNG DẪN', 'Tổ chức hội nghị văn thư lưu trữ', '', 'Thực hiện Nghị quyết số 33-NQ/TW ngày 09/6/2014 của Ban Chấp hành Trung ương về xây dựng và phát triển nền văn hóa, con người Việt Nam (TW, UBND, HĐND, MTTQ, v/v, đ/c), Sở Nội vụ hướng dẫn tổ chức hội nghị như sau:'));
    expect([r.metadata.issuer, r.metadata.parentIssuer, r.metadata.subject]).toEqual(['SỞ NỘI VỤ', 'UBND TỈNH AN LẠC', 'Tổ chức hội nghị văn thư lưu trữ']);
  });
});

describe('State headers', () => {
  const decision = lines(
    'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'TỈNH AN LẠC\tĐộc lập - Tự do - Hạnh phúc',
    'Số: 31/2024/QĐ-UBND\tAn Lạc, ngày 12 tháng 11 năm 2024',
    '',
    'QUYẾT ĐỊNH',
    'Ban hành Quy định phân cấp quản lý tài sản công',
    'tại các cơ quan thuộc phạm vi quản lý của tỉnh',
    '',
    'ỦY BAN NHÂN DÂN TỈNH AN LẠC',
    '',
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
    '',
    'QUYẾT ĐỊNH:',
    'Điều 1. Ban hành kèm theo Quyết định này Quy định phân cấp.',
    '',
    'Nơi nhận:\tTM. ỦY BAN NHÂN DÂN',
    '- Như Điều 3;\tKT. CHỦ TỊCH',
    '- Lưu: VT.\tPHÓ CHỦ TỊCH',
    '',
    '\tNguyễn Văn Bình',
  );

  it('reads a People\'s Committee decision: one issuer over two lines, the national motto, the signing block', () => {
    const r = parseDocument(decision);
    const m = r.metadata;
    expect(m.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH AN LẠC');
    expect(m.parentIssuer).toBeNull();
    expect(m.numberSymbol).toBe('31/2024/QĐ-UBND');
    expect(m.docType).toBe('QUYẾT ĐỊNH');
    expect(m.issueDate).toBe('2024-11-12');
    expect(m.place).toBe('An Lạc');
    expect(m.subject).toBe('Ban hành Quy định phân cấp quản lý tài sản công tại các cơ quan thuộc phạm vi quản lý của tỉnh');
    expect(m.signingAuthority).toBe('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH');
    expect(m.signerTitle).toBe('PHÓ CHỦ TỊCH');
    expect(m.signerName).toBe('Nguyễn Văn Bình');
    // The locality on the second line is how the name is printed, not a doubtful wrap.
    expect(r.review).not.toContain('issuer');
  });

  const letter = lines(
    'BỘ NỘI VỤ',
    'CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 52/VTLTNN-NVĐP',
    'V/v hướng dẫn kiểm tra công tác văn thư',
    'Hà Nội, ngày 09 tháng 04 năm 2019',
    '',
    'Kính gửi: Sở Nội vụ các tỉnh, thành phố trực thuộc Trung ương.',
    '',
    'Thực hiện Chương trình công tác năm 2019, Cục hướng dẫn việc kiểm tra như sau:',
    '',
    'Nơi nhận:',
    '- Như trên;',
    '- Lưu: VT, NVĐP.',
    'KT. CỤC TRƯỞNG',
    'PHÓ CỤC TRƯỞNG',
    '',
    'Trần Thị Hoa',
  );

  it('reads a Cục công văn: superior body, type from the V/v subject under a State number', () => {
    const r = parseDocument(letter);
    const m = r.metadata;
    expect(m.parentIssuer).toBe('BỘ NỘI VỤ');
    expect(m.issuer).toBe('CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC');
    expect(m.numberSymbol).toBe('52/VTLTNN-NVĐP');
    expect(m.docType).toBe('CÔNG VĂN');
    expect(m.subject).toBe('V/v hướng dẫn kiểm tra công tác văn thư');
    expect(m.addressees).toEqual(['Sở Nội vụ các tỉnh, thành phố trực thuộc Trung ương']);
    expect(m.signingAuthority).toBe('KT. CỤC TRƯỞNG');
    expect(m.signerTitle).toBe('PHÓ CỤC TRƯỞNG');
    expect(m.signerName).toBe('Trần Thị Hoa');
    const docTypeSpan = r.spans.docType![0]!;
    expect(letter.slice(docTypeSpan.start, docTypeSpan.end)).toBe('V/v');
  });

  it('does not call a letter a công văn without its V/v subject', () => {
    const r = parseDocument(lines('SỞ NỘI VỤ', 'Số: 66/SNV-VP', '', 'Sở Nội vụ thông tin đến các cơ quan như sau: lịch làm việc thay đổi.'));
    expect(r.metadata.numberSymbol).toBe('66/SNV-VP');
    expect(r.metadata.docType).toBeNull();
    expect(r.review).toContain('docType');
  });

  it('reads a Mặt trận standing committee under its committee, and a sub-committee under a committee over three lines', () => {
    const right = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'An Lạc, ngày 3 tháng 9 năm 2024', 'V/v tổ chức hội nghị', '', 'Kính gửi: Các tổ chức thành viên.', '', 'Ban Thường trực đề nghị các tổ chức thành viên cử đại biểu dự hội nghị.'];
    const mttq = parseDocument(lines('ỦY BAN MTTQ VIỆT NAM', 'TỈNH AN LẠC', 'BAN THƯỜNG TRỰC', '-------', 'Số: 215/MTTQ-BTT', ...right));
    expect(mttq.metadata.issuer).toBe('BAN THƯỜNG TRỰC');
    expect(mttq.metadata.parentIssuer).toBe('ỦY BAN MTTQ VIỆT NAM TỈNH AN LẠC');
    const sub = parseDocument(lines('BAN TỔ CHỨC', 'HỘI THI VĂN THƯ GIỎI', 'TỈNH AN LẠC', 'TIỂU BAN NỘI DUNG', '-------', 'Số: 12/BTC-TBND', ...right));
    expect(sub.metadata.issuer).toBe('TIỂU BAN NỘI DUNG');
    expect(sub.metadata.parentIssuer).toBe('BAN TỔ CHỨC HỘI THI VĂN THƯ GIỎI TỈNH AN LẠC');
    expect(sub.review).toContain('issuer');
  });

  it('reads a Mặt trận committee whose name a narrow cell wrapped before `VIỆT NAM` as one name, not the motto', () => {
    const right = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'An Lạc, ngày 15 tháng 3 năm 2024', '', 'KẾ HOẠCH', 'Tổ chức tuyên truyền kỷ niệm Ngày truyền thống', '', 'Thực hiện chỉ đạo của Ban Thường trực, Ban Tuyên giáo xây dựng kế hoạch như sau: tổ chức tuyên truyền sâu rộng trong các tầng lớp nhân dân.'];
    for (const [first, second] of [
      ['ỦY BAN MẶT TRẬN TỔ QUỐC', 'VIỆT NAM TỈNH AN LẠC'],
      ['ỦY BAN MTTQ', 'VIỆT NAM TỈNH AN LẠC'],
    ]) {
      const m = parseDocument(lines(first!, second!, 'BAN TUYÊN GIÁO', '*', 'Số: 12/KH-BTG', ...right)).metadata;
      expect([m.issuer, m.parentIssuer], first).toEqual(['BAN TUYÊN GIÁO', `${first} ${second}`]);
    }
    // Two columns read across: the national name's head, then the body, then its tail.
    const across = parseDocument(lines('CỘNG HÒA XÃ HỘI CHỦ NGHĨA', 'ỦY BAN NHÂN DÂN', 'VIỆT NAM', 'TỈNH AN LẠC', 'Số: 12/KH-UBND', ...right.slice(1))).metadata;
    expect(across.issuer).not.toContain('VIỆT NAM');
  });

  it('calls a letter with a V/v subject and no number line a công văn (a Mặt trận department, a number lost from the copy)', () => {
    const right = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'An Lạc, ngày 3 tháng 9 năm 2024'];
    const after = ['Kính gửi: Ban Tuyên giáo các huyện, thị xã.', '', 'Ban Tuyên giáo đề nghị các đơn vị tổ chức tuyên truyền kỷ niệm Ngày truyền thống Mặt trận.'];
    for (const head of [
      ['ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM', 'TỈNH AN LẠC', 'BAN TUYÊN GIÁO', '-------', 'V/v tuyên truyền kỷ niệm Ngày truyền thống', ...right],
      ['ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM', 'TỈNH AN LẠC', 'BAN TUYÊN GIÁO', ...right, 'V/v tuyên truyền kỷ niệm Ngày truyền thống'],
    ]) {
      const r = parseDocument(lines(...head, '', ...after));
      expect([r.metadata.numberSymbol, r.metadata.docType, r.metadata.subject]).toEqual([null, 'CÔNG VĂN', 'V/v tuyên truyền kỷ niệm Ngày truyền thống']);
      expect(r.metadata.issuer).toBe('BAN TUYÊN GIÁO');
      // No number stands over the `V/v` cell to confirm it: the type is checked.
      expect(r.review).toContain('docType');
    }
    // A party number that names another type keeps it (`THÔNG BÁO` by `TB`).
    const tb = parseDocument(lines('ĐẢNG ỦY PHƯỜNG BÌNH AN', 'Số 12-TB/ĐU', 'V/v lịch tiếp công dân', '', ...after));
    expect(tb.metadata.docType).toBe('THÔNG BÁO');
  });

  it('reads a superior body printed in short (`UBND TỈNH …` over `SỞ …`)', () => {
    const r = parseDocument(lines('UBND TỈNH AN LẠC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO\tĐộc lập - Tự do - Hạnh phúc', 'Số: 812/SGDĐT-VP\tAn Lạc, ngày 3 tháng 9 năm 2024', 'V/v tổ chức khai giảng năm học mới', '', 'Kính gửi: Các trường trung học phổ thông.', '', 'Sở Giáo dục và Đào tạo đề nghị các trường tổ chức khai giảng trang trọng.'));
    expect(r.metadata.parentIssuer).toBe('UBND TỈNH AN LẠC');
    expect(r.metadata.issuer).toBe('SỞ GIÁO DỤC VÀ ĐÀO TẠO');
    expect(r.metadata.docType).toBe('CÔNG VĂN');
    expect(r.metadata.subject).toBe('V/v tổ chức khai giảng năm học mới');
  });

  it('splits the national motto from the issuer when a copy keeps both columns on one line', () => {
    const r = parseDocument(lines('ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỈNH AN LẠC Độc Lập - Tự Do - Hạnh Phúc', '', 'Số: 454/UBND-NCTH An Lạc, ngày 6 tháng 4 năm 2011', '', 'V/v tiếp tục phối hợp tuyên truyền', '', 'Kính gửi: Giám đốc Sở Văn hóa, Thể thao và Du lịch.', '', 'Ủy ban nhân dân tỉnh nhận được công văn của Bộ và có ý kiến như sau.'));
    expect(r.metadata.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH AN LẠC');
    expect(r.metadata.numberSymbol).toBe('454/UBND-NCTH');
    expect(r.metadata.issueDate).toBe('2011-04-06');
    expect(r.metadata.subject).toBe('V/v tiếp tục phối hợp tuyên truyền');
  });

  it('never takes the pieces of a motto broken over lines for a name', () => {
    const r = parseDocument(lines('ỦY BAN NHÂN DÂN', 'TỈNH AN LẠC', 'CỘNG HÒA XÃ HỘI CHỦ', 'NGHĨA VIỆT NAM', 'Độc lập – Tự do –', 'Hạnh phúc', 'Số: 44/2005/QĐ-UBND', 'An Lạc, ngày 06 tháng 7 năm 2005', '', 'QUYẾT ĐỊNH', 'Về thể thức trình bày văn bản', '', 'Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân năm 2003;'));
    expect(r.metadata.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH AN LẠC');
    expect(r.metadata.parentIssuer).toBeNull();
    expect(r.metadata.subject).toBe('Về thể thức trình bày văn bản');
  });

  it('keeps a wrapped subject opening with Việt Nam, and a sentence ending in độc lập, as text', () => {
    const items = itemsOf(lines('V/v tuyên truyền kỷ niệm Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa', 'Việt Nam năm 2025', 'bảo đảm hoạt động độc lập'));
    expect(items.map((i) => i.kind)).not.toContain('motto');
  });
});

describe('a State document cut off inside its body', () => {
  // The shape of a circular's scan whose text ends before the signature, citing a công văn whose
  // number wraps at its hyphen: nothing in it says who signs.
  const text = lines(
    'BỘ TÀI CHÍNH',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 12/2008/TT-BTC',
    'Hà Nội, ngày 15 tháng 9 năm 2008',
    'THÔNG TƯ',
    'HƯỚNG DẪN XỬ LÝ MỘT SỐ KHOẢN NỢ',
    'Căn cứ Nghị định số 77/2003/NĐ-CP ngày 1/7/2003 của Chính phủ;',
    'Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ tại công văn số 7567/VPCP-',
    'KTTH',
    '',
    'ngày 31/12/2007 của Văn phòng Chính phủ,',
    'Bộ Tài chính hướng dẫn thực hiện như sau:',
    'I. GIA HẠN NỘP',
  );

  it('leaves the signing authority empty and for review rather than take `KTTH` for `KT.`', () => {
    const parsed = parseDocument(text);
    expect(parsed.metadata.signingAuthority).toBeNull();
    expect(parsed.review).toContain('signingAuthority');
    expect(parsed.metadata.citations).toContain('7567/VPCP-KTTH');
  });
});

describe('a công văn whose V/v subject wraps beside the place-date cell', () => {
  // The shape of a text PDF of a Word header table: the subject's first line shares its line with
  // the right column's place-date, its other lines come under it alone.
  const text = [
    'VĂN PHÒNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    '-------\tĐộc lập - Tự do - Hạnh phúc',
    'Số: 12/VPCP-KTN\t---------------',
    'V/v góp ý dự thảo quy chế phối hợp\tHà Nội, ngày 3 tháng 5 năm 2013',
    'giữa các cơ quan, đơn vị trong tỉnh',
    'Lâm Đồng.',
    '',
    'Kính gửi: Bộ Nội vụ.',
    'Văn phòng Chính phủ nhận được công văn số 45/BNV-VP.',
  ].join('\n');

  it('reads every line of the subject, not only the one beside the place-date', () => {
    const m = parseDocument(text).metadata;
    expect(m.subject).toBe('V/v góp ý dự thảo quy chế phối hợp giữa các cơ quan, đơn vị trong tỉnh Lâm Đồng.');
    expect(m.place).toBe('Hà Nội');
    expect(m.issueDate).toBe('2013-05-03');
    expect(m.docType).toBe('CÔNG VĂN');
  });
});

describe('a decision whose copy lost its subject lines', () => {
  const head = [
    'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'TỈNH QUẢNG TRỊ\tĐộc lập - Tự do - Hạnh phúc',
    'Số: 12/2005/QĐ-UBND\tQuảng Trị, ngày 1 tháng 2 năm 2005',
    'QUYẾT ĐỊNH',
  ];

  it('takes no article of the body (`Điều 1. …`) for the subject', () => {
    const r = parseDocument([...head, 'Điều 1. Ban hành kèm theo Quyết định này bản “Quy định về bầu trưởng thôn”.', 'Điều 2. Quyết định này có hiệu lực sau 10 ngày.'].join('\n'));
    expect(r.metadata.subject).toBeNull();
    expect(r.review).toContain('subject');
  });

  it('takes no enacting line over its legal basis for the subject', () => {
    const r = parseDocument([...head, 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', 'Căn cứ Luật Tổ chức HĐND và UBND;', 'QUYẾT ĐỊNH:', 'Điều 1. Ban hành kèm theo Quyết định này bản Quy định.'].join('\n'));
    expect(r.metadata.subject).toBeNull();
    expect(r.review).toContain('subject');
  });

  it('still reads a subject that opens with BAN HÀNH or Điều chỉnh', () => {
    const a = parseDocument([...head, 'BAN HÀNH QUY CHẾ LÀM VIỆC', 'Căn cứ Luật Tổ chức HĐND và UBND;'].join('\n'));
    expect(a.metadata.subject).toBe('BAN HÀNH QUY CHẾ LÀM VIỆC');
    const b = parseDocument([...head, 'Điều chỉnh quy hoạch sử dụng đất', 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', 'Căn cứ Luật Đất đai;'].join('\n'));
    expect(b.metadata.subject).toBe('Điều chỉnh quy hoạch sử dụng đất');
  });
});

describe('a công văn whose V/v subject ends in its narrow cell on a name', () => {
  it('reads the last line (`Bình Đại, tỉnh Bến Tre.`) after a line left unfinished (`… huyện`)', () => {
    const text = [
      'VĂN PHÒNG CHÍNH PHỦ',
      '-------',
      'Số: 12/VPCP-KTN',
      'V/v góp ý dự thảo quy chế phối hợp giữa',
      'các cơ quan tại xã An Phú, huyện',
      'Bình Đại, tỉnh Bến Tre.',
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 3 tháng 5 năm 2013',
      '',
      'Kính gửi: Bộ Nội vụ.',
    ].join('\n');
    expect(parseDocument(text).metadata.subject).toBe('V/v góp ý dự thảo quy chế phối hợp giữa các cơ quan tại xã An Phú, huyện Bình Đại, tỉnh Bến Tre.');
  });

  it('stops before a capitalised line the text goes on after (a sentence, not the end of the cell)', () => {
    const text = ['VĂN PHÒNG CHÍNH PHỦ', 'Số: 12/VPCP-KTN', 'V/v góp ý dự thảo quy chế phối hợp giữa', 'các cơ quan, đơn vị', 'Bộ Nội vụ đề nghị các cơ quan', 'góp ý trước ngày 10/5/2013.'].join('\n');
    expect(parseDocument(text).metadata.subject).toBe('V/v góp ý dự thảo quy chế phối hợp giữa các cơ quan, đơn vị');
  });
});
