import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { lines } from './helpers';

// Copies that state no issuer or no issue date of their own, though a name or a date stands in
// them: a name the copy cut, a gazette's or a web page's date, a date inside a subject or a
// citation. Made-up texts in those shapes; each field stays empty and goes to review.

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

function read(text: string) {
  const r = parseDocument(text);
  return { m: r.metadata, review: r.review };
}

describe('an issuer cell the copy cut', () => {
  it('leaves a name cut after a joining word or a comma empty for review', () => {
    for (const name of ['BỘ TÀI NGUYÊN VÀ', 'BAN TỔ CHỨC CỦA', 'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN,', 'TRUNG TÂM NGHIÊN CỨU VỀ']) {
      const { m, review } = read(lines(`${name} | ${MOTTO[0]}`, MOTTO[1], 'Số: 1234/BTNMT-TCMT | Hà Nội, ngày 5 tháng 4 năm 2019', 'Kính gửi: Ủy ban nhân dân các tỉnh', 'Thực hiện chỉ đạo của Thủ tướng Chính phủ,'));
      expect([m.issuer, m.parentIssuer, review.includes('issuer')], name).toEqual([null, null, true]);
      // The rest of the header still reads.
      expect([m.numberSymbol, m.issueDate], name).toEqual(['1234/BTNMT-TCMT', '2019-04-05']);
    }
  });

  it('leaves a cut unit under its superior empty, and a cut superior out', () => {
    const unit = read(lines('ỦY BAN NHÂN DÂN TỈNH AN LẠC', 'SỞ GIÁO DỤC VÀ', ...MOTTO, 'Số: 12/SGDĐT-VP', 'Kính gửi: Các trường'));
    expect([unit.m.issuer, unit.m.parentIssuer]).toEqual([null, null]);
    const superior = read(lines('ỦY BAN NHÂN DÂN TỈNH AN LẠC VÀ', 'SỞ Y TẾ', ...MOTTO, 'Số: 12/SYT-VP', 'Kính gửi: Các bệnh viện'));
    expect([superior.m.issuer, superior.m.parentIssuer, superior.review.includes('issuer')]).toEqual(['SỞ Y TẾ', null, true]);
  });

  it('keeps names whose last word only folds to a joining word (`VẬN TẢI`)', () => {
    const m = read(lines('UBND TỈNH AN LẠC', 'SỞ GIAO THÔNG VẬN TẢI', ...MOTTO, 'Số: 12/SGTVT-VP', 'Kính gửi: Các huyện')).m;
    expect([m.issuer, m.parentIssuer]).toEqual(['SỞ GIAO THÔNG VẬN TẢI', 'UBND TỈNH AN LẠC']);
  });
});

describe('a date alone, with no place before it', () => {
  const HEADER = ['VĂN PHÒNG CHÍNH PHỦ', ...MOTTO, 'Số: 01/2021/TT-VPCP'];
  const TITLE = ['THÔNG TƯ', 'Hướng dẫn thực hiện'];

  it('is not the dateline above the header: a gazette’s issue, a table of contents', () => {
    for (const above of [
      ['CÔNG BÁO', 'Số 45 + 46', 'Ngày 20-3-2021'],
      ['CÔNG BÁO', 'Số 45 + 46', 'Ngày 20 tháng 3 năm 2021'],
      ['MỤC LỤC', 'Ngày 05/3/2021', 'Thông tư số 01/2021/TT-VPCP hướng dẫn thực hiện … trang 3'],
    ]) {
      const { m, review } = read(lines(...above, ...HEADER, ...TITLE));
      expect([m.issueDate, review.includes('issueDate')], above.join(' / ')).toEqual([null, true]);
      expect(m.numberSymbol).toBe('01/2021/TT-VPCP');
    }
  });

  it('is not the dateline under the title: a body’s or a cited text’s date', () => {
    for (const below of [
      ['Căn cứ Nghị định số 79/2017/NĐ-CP', 'ngày 10 tháng 7 năm 2017'],
      ['Chính phủ ban hành Nghị định', 'Ngày 10 tháng 7 năm 2017.'],
      ['Ngày 12 tháng 5 năm 2022'],
    ]) {
      const { m } = read(lines(...HEADER, ...TITLE, ...below));
      expect(m.issueDate, below.join(' / ')).toBeNull();
    }
  });

  it('is the dateline inside the header, after the number', () => {
    expect(read(lines(...HEADER, 'Ngày 12/5/2022', ...TITLE)).m.issueDate).toBe('2022-05-12');
  });

  it('under a letter’s unfinished trích yếu, is its wrapped end: the subject keeps it', () => {
    for (const date of ['ngày 19 tháng 5 năm 2025', 'ngày 19/5/2025']) {
      const { m, review } = read(lines('ĐẢNG ỦY PHƯỜNG BÌNH AN', 'Số 12-CV/ĐU', 'V/v đề nghị tặng huy hiệu Đảng đợt', date, 'Kính gửi: Ban Thường vụ Quận ủy'));
      expect([m.issueDate, review.includes('issueDate'), m.subject]).toEqual([null, true, `V/v đề nghị tặng huy hiệu Đảng đợt ${date}`]);
    }
  });
});

describe('a date after words that name no place', () => {
  const HEADER = ['VĂN PHÒNG CHÍNH PHỦ', ...MOTTO, 'Số: 01/2021/TT-VPCP'];
  const TITLE = ['THÔNG TƯ', 'Hướng dẫn thực hiện'];

  it('is not the document’s date: a gazette’s issue, a page’s note or footer, a sentence citing a text', () => {
    for (const [above, below] of [
      [['CÔNG BÁO TỈNH AN LẠC', 'Số 45, ngày 20 tháng 3 năm 2021'], []],
      [['Cập nhật, ngày 12/5/2022'], []],
      [[], ['Trang 1, ngày 12 tháng 5 năm 2022']],
      [[], ['Kế hoạch ngày 10 tháng 7 năm 2017']],
      [[], ['Văn bản ngày 10/7/2017']],
      [[], ['Từ ngày 10 tháng 7 năm 2017']],
    ] as const) {
      const { m, review } = read(lines(...above, ...HEADER, ...TITLE, ...below));
      expect([m.issueDate, m.place, review.includes('issueDate')], [...above, ...below].join(' / ')).toEqual([null, null, true]);
    }
    // A letter's body line before its Kính gửi.
    const letter = read(lines('BỘ KẾ HOẠCH VÀ ĐẦU TƯ', 'Số: 88/BKHĐT-TH', 'Thực hiện chỉ đạo tại văn bản ngày 3 tháng 2 năm 2020', 'Kính gửi: Các bộ'));
    expect(letter.m.issueDate).toBeNull();
  });

  it('reads places with locality words in lower case or a numbered ward', () => {
    for (const [place, want] of [
      ['Thành phố Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
      ['TP. Hồ Chí Minh', 'TP. Hồ Chí Minh'],
      ['Phường 7', 'Phường 7'],
      ['Hà Nội', 'Hà Nội'],
      // Places whose first syllable folds like a word that opens a phrase of time (từ, kế).
      ['Tư Nghĩa', 'Tư Nghĩa'],
      ['Từ Sơn', 'Từ Sơn'],
      ['Kế Sách', 'Kế Sách'],
    ] as const) {
      const { m } = read(lines(...HEADER, `${place}, ngày 12 tháng 5 năm 2022`, ...TITLE));
      expect([m.place, m.issueDate], place).toEqual([want, '2022-05-12']);
    }
  });
});

describe('a dateline with its place standing in the body', () => {
  const PARTY = ['TỈNH ỦY HÀ NAM', '*', 'Số 12-TB/TU', 'ĐẢNG CỘNG SẢN VIỆT NAM'];
  const TITLE = ['THÔNG BÁO', 'KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY', 'về công tác cán bộ năm 2020', '-----'];
  const BODY =
    'Ngày 3/6/2020, Ban Thường vụ Tỉnh ủy họp nghe báo cáo về công tác cán bộ và thống nhất kết luận như sau: tiếp tục rà soát, bổ sung quy hoạch cán bộ các cấp nhiệm kỳ 2020 - 2025.';

  it('under the title is not the document’s: a quoted, cited or attached text’s dateline', () => {
    for (const below of [['Hà Nam, ngày 5 tháng 6 năm 2020'], ['(Trích)', 'Phủ Lý, ngày 5/6/2020']]) {
      const { m, review } = read(lines(...PARTY, ...TITLE, ...below, BODY));
      expect([m.issueDate, m.place, review.includes('issueDate')], below.join(' / ')).toEqual([null, null, true]);
      expect(m.subject).toBe('KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY về công tác cán bộ năm 2020');
    }
  });

  it('in the header, before the title, is the document’s', () => {
    const { m } = read(lines(...PARTY, 'Hà Nam, ngày 5 tháng 6 năm 2020', ...TITLE, 'Phủ Lý, ngày 6 tháng 6 năm 2020', BODY));
    expect([m.issueDate, m.place]).toEqual(['2020-06-05', 'Hà Nam']);
    // A letter's dateline cell read after its V/v cell (the cells flattened column by column).
    const letter = read(lines('BỘ KẾ HOẠCH VÀ ĐẦU TƯ', 'Số: 88/BKHĐT-TH', 'V/v báo cáo tình hình thực hiện', ...MOTTO, 'Hà Nội, ngày 3 tháng 2 năm 2020', 'Kính gửi: Các bộ, ngành'));
    expect([letter.m.issueDate, letter.m.place]).toEqual(['2020-02-03', 'Hà Nội']);
  });
});
