import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { lines } from './helpers';

// A text attached after a document (a Quy định after the letter that sends it) is captioned with
// the document it is attached to: `(Ban hành kèm theo Công văn số 66/NVĐP …)`. Made-up texts in the
// shape of a scan: short lines (no line long enough to be prose), the number line misread, the
// `Kính gửi` label unreadable.

const letterHead = (numberLine: string) => [
  'CỤC LƯU TRỮ NHÀ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  `${numberLine} Hà Nội, ngày 12 tháng 3 năm 2004`,
  'V/v hướng dẫn chỉnh lý tài liệu',
  'Kmh gứl Văn phòng Ủy ban nhân dân các tỉnh',
  'Thực hiện Nghị định số 111/2004/NĐ-CP ngày 8 tháng 4 năm 2004 của',
  'Chính phủ, Cục Lưu trữ Nhà nước hướng dẫn các cơ quan như sau.',
  'Đề nghị các cơ quan thực hiện theo Quy định gửi kèm./.',
];
const footer = ['Nơi nhận: KT. CỤC TRƯỞNG', '- Như trên; PHÓ CỤC TRƯỞNG', '- Lưu VT.', 'Nguyễn Văn An'];
const attached = [
  'QUY ĐỊNH',
  'Về chỉnh lý tài liệu giấy',
  '(Ban hành kèm theo Công văn số 66/NVĐP ngày 12 tháng 3 năm 2004 của Cục Lưu trữ Nhà nước)',
  'Điều 1. Phạm vi áp dụng',
  'Quy định này áp dụng theo Thông tư số 04/2004/TT-BNV.',
];

describe('an attachment after a document', () => {
  it('names the document it is attached to in its caption: that number is no citation', () => {
    const r = parseDocument(lines(...letterHead('SỐ 06NTVDP r7'), ...footer, ...attached));
    expect(r.metadata.citations).toEqual(['111/2004/NĐ-CP', '04/2004/TT-BNV']);
    // The own number is not taken from the caption: it stays empty, for review.
    expect(r.metadata.numberSymbol).toBeNull();
    expect(r.review).toContain('numberSymbol');
  });

  it('never gives the document its type or subject from the attachment\'s title', () => {
    const r = parseDocument(lines(...letterHead('SỐ 06NTVDP r7'), ...footer, ...attached));
    // The letter's own `V/v` cell, not the attachment's title, gives its type (no number read: checked).
    expect(r.metadata.docType).toBe('CÔNG VĂN');
    expect(r.review).toContain('docType');
    expect(r.metadata.subject).toBe('V/v hướng dẫn chỉnh lý tài liệu');
    // The subject line lost too: nothing is taken from the attachment; both go to review.
    const lost = letterHead('SỐ 06NTVDP r7').filter((l) => !l.startsWith('V/v'));
    const s = parseDocument(lines(...lost, ...footer, ...attached));
    expect(s.metadata.docType).toBeNull();
    expect(s.metadata.subject).toBeNull();
    expect(s.review).toEqual(expect.arrayContaining(['docType', 'subject']));
  });

  it('knows the end of the document by a head signing in the name of the body, with no authority line or Nơi nhận read', () => {
    const signed = ['CỤC TRƯỞNG', '(đã ký)', 'Nguyễn Văn An'];
    const r = parseDocument(lines(...letterHead('SỐ 06NTVDP r7'), ...signed, ...attached));
    expect(r.metadata.docType).toBe('CÔNG VĂN');
    expect(r.metadata.citations).toEqual(['111/2004/NĐ-CP', '04/2004/TT-BNV']);
  });

  it('reads a caption wrapped before its number', () => {
    const wrapped = [...attached];
    wrapped.splice(2, 1, '(Ban hành kèm theo Công văn', 'số 66/NVĐP ngày 12 tháng 3 năm 2004 của Cục Lưu trữ Nhà nước)');
    const r = parseDocument(lines(...letterHead('SỐ 06NTVDP r7'), ...footer, ...wrapped));
    expect(r.metadata.citations).toEqual(['111/2004/NĐ-CP', '04/2004/TT-BNV']);
  });

  it('reads the letter as before when its number line is read', () => {
    const r = parseDocument(lines(...letterHead('Số: 66/NVĐP'), ...footer, ...attached));
    expect(r.metadata.numberSymbol).toBe('66/NVĐP');
    expect(r.metadata.docType).toBe('CÔNG VĂN');
    expect(r.metadata.citations).toEqual(['111/2004/NĐ-CP', '04/2004/TT-BNV']);
  });

  it('keeps a decision the letter cites in its body, even when an attachment after it is captioned with it', () => {
    const head = letterHead('SỐ 06NTVDP r7');
    head[head.length - 1] = 'Đề nghị thực hiện Quyết định số 12/QĐ-BNV ngày 2/3/2004 của Bộ Nội vụ./.';
    const caption = '(Kèm theo Quyết định số 12/QĐ-BNV ngày 2 tháng 3 năm 2004 của Bộ Nội vụ)';
    const r = parseDocument(lines(...head, ...footer, 'DANH MỤC', 'Hồ sơ nộp lưu', caption, '1. Hồ sơ tổng hợp.'));
    expect(r.metadata.citations).toEqual(['111/2004/NĐ-CP', '12/QĐ-BNV']);
  });
});

describe('an attachment after a letter whose header lost its marks', () => {
  // A scan of a letter with no type line (a công văn): its number line misread, its `V/v` subject
  // run into the dateline, its body long. The attachment's title after the signature is the first
  // type line of the text; the letter above it, with its body name and motto, is the document.
  const garbledHead = [
    'CỤC LƯU TRỮ NHÀ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'SỐ 06NTVDP',
    'V/v hướng dẫn chỉnh lý tài liệu Hà Nội, ngày 12 tháng 3 năm 2004',
    'Kmh gứl Văn phòng Ủy ban nhân dân các tỉnh',
    'Thực hiện Nghị định số 111/2004/NĐ-CP ngày 8 tháng 4 năm 2004 của',
    'Chính phủ, Cục Lưu trữ Nhà nước hướng dẫn các cơ quan như sau.',
    'Một là, các cơ quan rà soát tài liệu tồn đọng,',
    'lập kế hoạch chỉnh lý và bố trí kinh phí.',
    'Hai là, tài liệu sau chỉnh lý được sắp xếp',
    'theo phương án phân loại đã duyệt.',
    'Ba là, báo cáo kết quả về Cục trước ngày 30/6.',
    'Đề nghị các cơ quan thực hiện theo Quy định gửi kèm./.',
  ];
  const signed = ['CỤC TRƯỞNG CỤC LƯU TRỮ NHÀ NƯỚC', 'Nguyễn Văn An'];
  const titled = ['ĐỀ CƯƠNG MẪU', ...attached];

  it('starts the document at the letter\'s header, not at the attachment\'s title', () => {
    const r = parseDocument(lines(...garbledHead, ...signed, ...titled));
    expect(r.metadata.citations).toEqual(['111/2004/NĐ-CP', '04/2004/TT-BNV']);
    expect(r.metadata.docType).toBe('CÔNG VĂN');
    expect(r.metadata.issuer).toBe('CỤC LƯU TRỮ NHÀ NƯỚC');
    expect(r.review).toContain('docType');
    expect(r.metadata.subject).not.toBe('Về chỉnh lý tài liệu giấy');
  });

  it('does the same under a party header, its end a Nơi nhận', () => {
    const party = garbledHead.slice(1);
    party.unshift('TỈNH ỦY AN LẠC ĐẢNG CỘNG SẢN VIỆT NAM');
    party[1] = 'BAN TỔ CHỨC';
    const r = parseDocument(lines(...party, ...footer, ...titled));
    expect(r.metadata.citations).toEqual(['111/2004/NĐ-CP', '04/2004/TT-BNV']);
    expect(r.metadata.docType).toBe('CÔNG VĂN');
  });

  it('never takes the lines above the attachment\'s title for the issuer', () => {
    // No number line nor `V/v` left to stand under the names: the signer's title over the
    // attachment's title is no header.
    const bare = garbledHead.filter((l) => !l.startsWith('SỐ') && !l.startsWith('V/v'));
    const r = parseDocument(lines(...bare, 'Nơi nhận:', '- Như trên;', 'CỤC TRƯỞNG', ...titled));
    expect(r.metadata.issuer).toBeNull();
    expect(r.metadata.docType).toBeNull();
    expect(r.metadata.citations).toEqual(['111/2004/NĐ-CP', '04/2004/TT-BNV']);
  });

  it('still reads a title after a signature as the document when no header stands above (pages of a site)', () => {
    const page = ['Trang chủ | Văn bản | Liên hệ', ...garbledHead.slice(3), ...signed, ...titled];
    const r = parseDocument(lines(...page));
    expect(r.metadata.docType).toBe('QUY ĐỊNH');
  });
});

describe('a text that is the attachment', () => {
  it('cites the decision its caption names, and its own signature comes after the caption', () => {
    const r = parseDocument(lines(...attached, 'Điều 2. Hiệu lực thi hành', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn Bình'));
    expect(r.metadata.docType).toBe('QUY ĐỊNH');
    expect(r.metadata.subject).toBe('Về chỉnh lý tài liệu giấy');
    expect(r.metadata.citations).toEqual(['66/NVĐP', '04/2004/TT-BNV']);
  });
});
