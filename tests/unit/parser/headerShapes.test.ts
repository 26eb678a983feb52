import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { lines } from './helpers';

// Header and title-block shapes of real copies, each as a short made-up text in that shape.

function meta(text: string) {
  return parseDocument(text).metadata;
}

describe('the enacting line completes a cut issuer cell', () => {
  it('past a capitals subject long enough to read as a paragraph', () => {
    const subject = 'BAN HÀNH QUY ĐỊNH VỀ TRÁCH NHIỆM CỦA NGƯỜI ĐỨNG ĐẦU CÁC CƠ QUAN, ĐƠN VỊ, ỦY BAN NHÂN DÂN CÁC HUYỆN TRONG THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH VÀ KIỂM SOÁT THỦ TỤC';
    expect(subject.length).toBeGreaterThan(150);
    const head = ['ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', 'Số: 12/2019/QĐ-UBND | Nam Định, ngày 3 tháng 5 năm 2019 |', 'QUYẾT ĐỊNH', subject];
    const m = meta(lines(...head, 'ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH', 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;'));
    expect([m.issuer, m.subject]).toEqual(['ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH', subject]);
    // A paragraph of the body between them ends the title block: nothing is taken from below it.
    const prose = meta(lines(...head, 'Trong những năm qua, việc thực hiện cải cách hành chính tại các cơ quan, đơn vị trên địa bàn tỉnh đã đạt được nhiều kết quả quan trọng, góp phần nâng cao hiệu quả.', 'ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH', 'Căn cứ Luật Tổ chức;'));
    expect(prose.issuer).toBeNull();
  });
});

describe('a letter whose title is no type of the closed list (`THƯ NGỎ`, `LỜI KÊU GỌI`)', () => {
  const body = 'Trong những năm qua, phong trào ủng hộ quỹ đã được các doanh nghiệp, hộ kinh doanh và nhân dân trên địa bàn hưởng ứng, thể hiện tinh thần tương thân tương ái.';

  it('its names stand above the title; its subject is the line under it; no type', () => {
    const m = meta(lines('ỦY BAN NHÂN DÂN HUYỆN TÂN LẠC', '', 'Tân Lạc, ngày 5 tháng 1 năm 2021', '', 'THƯ NGỎ', '', 'Vận động ủng hộ Quỹ Vì người nghèo năm 2021', '', body, '', 'Xin trân trọng cảm ơn!'));
    expect([m.issuer, m.docType, m.numberSymbol, m.subject]).toEqual(['ỦY BAN NHÂN DÂN HUYỆN TÂN LẠC', null, null, 'Vận động ủng hộ Quỹ Vì người nghèo năm 2021']);
    const appeal = meta(lines('ỦY BAN NHÂN DÂN HUYỆN TÂN LẠC', 'Tân Lạc, ngày 5 tháng 1 năm 2021', 'LỜI KÊU GỌI', 'Ủng hộ đồng bào bị thiệt hại do bão lũ', body));
    expect([appeal.issuer, appeal.docType, appeal.subject]).toEqual(['ỦY BAN NHÂN DÂN HUYỆN TÂN LẠC', null, 'Ủng hộ đồng bào bị thiệt hại do bão lũ']);
  });

  it('a name the PDF wrapped beside the dateline is read whole', () => {
    const m = meta(lines('ỦY BAN NHÂN DÂN HUYỆN TÂN\tTân Lạc, ngày 5 tháng 1 năm 2021', 'LẠC', '', 'THƯ NGỎ', 'Vận động ủng hộ Quỹ Vì người nghèo năm 2021', body));
    expect([m.issuer, m.subject]).toEqual(['ỦY BAN NHÂN DÂN HUYỆN TÂN LẠC', 'Vận động ủng hộ Quỹ Vì người nghèo năm 2021']);
  });

  it('with the body or a salutation right under the title, no subject is stated', () => {
    const bare = meta(lines('ỦY BAN NHÂN DÂN HUYỆN TÂN LẠC', 'Tân Lạc, ngày 5 tháng 1 năm 2021', 'THƯ NGỎ', body));
    expect(bare.subject).toBeNull();
    const greeting = meta(lines('ỦY BAN NHÂN DÂN HUYỆN TÂN LẠC', 'Tân Lạc, ngày 5 tháng 1 năm 2021', 'THƯ CẢM ƠN', 'Thưa quý doanh nghiệp,', body));
    expect(greeting.subject).toBeNull();
  });

  it('a capitals subject opening with `THU` (`THU HỒI …`) is no letter title', () => {
    const m = meta(lines('ỦY BAN NHÂN DÂN', 'TỈNH HÒA BÌNH', 'Số: 12/UBND-KT', 'Hòa Bình, ngày 5 tháng 1 năm 2021', 'THU HỒI ĐẤT', 'Ủy ban nhân dân tỉnh thông báo như sau:'));
    expect(m.subject).not.toBe('Ủy ban nhân dân tỉnh thông báo như sau:');
  });
});

describe('a Sở letter whose trích yếu opens with `Về` rather than `V/v`', () => {
  const head = ['ỦY BAN NHÂN DÂN', 'TỈNH ĐỒNG NAI', 'SỞ Y TẾ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc'];

  it('a number spaced around its slash and an en dash is read as written', () => {
    const m = meta(lines(...head, 'Số : 512 /SYT – NV', 'Đồng Nai, ngày 2 tháng 3 năm 2020', 'V/v tiêm chủng', 'Kính gửi: Các bệnh viện.'));
    expect(m.numberSymbol).toBe('512/SYT – NV');
    // A name after the dash is no code: the symbol ends before it.
    const name = meta(lines(...head, 'Số : 512 /SYT – Văn phòng', 'Đồng Nai, ngày 2 tháng 3 năm 2020', 'V/v tiêm chủng', 'Kính gửi: Các bệnh viện.'));
    expect(name.numberSymbol).toBe('512/SYT');
  });

  it('under a State number with no type code it is a công văn; a date alone under it ends the trích yếu', () => {
    const m = meta(lines(...head, '', 'Số: 512/SYT-NV', 'Đồng Nai, ngày 2 tháng 3 năm 2020', '', 'Về tạm dừng tiêm chủng', '', 'Ngày 3/3/2020', '', 'KHẨN', '', 'Kính gửi: Các bệnh viện.', '', 'Căn cứ tình hình dịch bệnh trên địa bàn, Sở Y tế đề nghị các đơn vị tạm dừng tiêm chủng.'));
    expect([m.numberSymbol, m.docType, m.subject, m.issuer, m.issueDate]).toEqual(['512/SYT-NV', 'CÔNG VĂN', 'Về tạm dừng tiêm chủng Ngày 3/3/2020', 'SỞ Y TẾ', '2020-03-02']);
  });

  it('under a number with a type code, or in capitals, it states no công văn', () => {
    const typed = meta(lines(...head, 'Số: 512/KH-SYT', 'Đồng Nai, ngày 2 tháng 3 năm 2020', 'Về tiêm chủng mở rộng năm 2020', 'Căn cứ Kế hoạch số 12/KH-UBND ngày 1/1/2020 của Ủy ban nhân dân tỉnh.'));
    expect(typed.docType).toBe('KẾ HOẠCH');
    const caps = meta(lines(...head, 'Số: 512/SYT-NV', 'Đồng Nai, ngày 2 tháng 3 năm 2020', 'VỀ TIÊM CHỦNG MỞ RỘNG', 'Căn cứ Kế hoạch số 12/KH-UBND ngày 1/1/2020 của Ủy ban nhân dân tỉnh.'));
    expect(caps.docType).toBeNull();
  });
});

describe('a bracketed line under the trích yếu', () => {
  const head = ['HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', 'THÀNH PHỐ CẦN THƠ | Độc lập - Tự do - Hạnh phúc |', 'Số: 7/2016/NQ-HĐND | Cần Thơ, ngày 8 tháng 7 năm 2016 |', 'NGHỊ QUYẾT'];
  const enacting = ['HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ CẦN THƠ', 'KHÓA IX, KỲ HỌP THỨ HAI', '(Từ ngày 06 tháng 7 đến ngày 08 tháng 7 năm 2016)', 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;'];

  it('belongs to it, with or without the rule under the title block', () => {
    const subject = 'Về chính sách hỗ trợ học phí cho trẻ em mầm non trên địa bàn thành phố';
    for (const tail of [[], ['-----']]) {
      const m = meta(lines(...head, subject, '(Theo khoản 2 Điều 5 Nghị định số 86/2015/NĐ-CP)', ...tail, ...enacting));
      expect(m.subject, tail.join('')).toBe(`${subject} (Theo khoản 2 Điều 5 Nghị định số 86/2015/NĐ-CP)`);
      expect(m.issuer).toBe('HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ CẦN THƠ');
    }
    // Under a subject in capitals, with the blank line a Word copy puts between paragraphs.
    const caps = meta(lines(...head, 'VỀ CHÍNH SÁCH HỖ TRỢ HỌC PHÍ', '', '(Sửa đổi, bổ sung lần thứ hai)', '', ...enacting));
    expect(caps.subject).toBe('VỀ CHÍNH SÁCH HỖ TRỢ HỌC PHÍ (Sửa đổi, bổ sung lần thứ hai)');
  });

  it('a caption naming the document a text is attached to is not part of it', () => {
    const m = meta(lines('ỦY BAN NHÂN DÂN', 'TỈNH AN LẠC', 'QUY CHẾ', 'Làm việc của Ủy ban nhân dân tỉnh', '(Ban hành kèm theo Quyết định số 59/QĐ-UBND ngày 1/7/2021)', 'Chương I', 'QUY ĐỊNH CHUNG'));
    expect(m.subject).toBe('Làm việc của Ủy ban nhân dân tỉnh');
    const attached = meta(lines(...head, 'Về chính sách hỗ trợ học phí', '(Đính kèm Tờ trình số 12/TTr-UBND ngày 1/7/2016)', ...enacting));
    expect(attached.subject).toBe('Về chính sách hỗ trợ học phí');
  });
});

describe('what a recogniser ran onto the type line, over a trích yếu on its own line', () => {
  const head = ['ĐẢNG BỘ QUẬN 6', 'ĐẢNG ỦY PHƯỜNG 7', '*', 'Số 12-TTr/ĐU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Quận 6, ngày 2 tháng 3 năm 2025'];
  const tail = ['Kính gửi: Ban Thường vụ Quận ủy', 'Căn cứ Điều lệ Đảng, Đảng ủy phường đề nghị Ban Thường vụ Quận ủy xem xét kết nạp đảng viên cho quần chúng Nguyễn Văn A.'];

  it('is no part of the subject, which opens with `Về`, `về` or `V/v` under it', () => {
    for (const junk of ['Ẻ ke —', 'sả —_ .', 'oe ằ', '(Dự thảo)']) {
      for (const subject of ['Về việc đề nghị kết nạp đảng viên', 'về việc đề nghị kết nạp đảng viên', 'V/v đề nghị kết nạp đảng viên']) {
        const m = meta(lines(...head, `TỜ TRÌNH ${junk}`, subject, ...tail));
        expect([m.docType, m.subject], junk).toEqual(['TỜ TRÌNH', subject]);
      }
    }
  });

  it('a title in capitals run on from the type word stays, and so does a lower-case `về …` line going on with it', () => {
    const caps = meta(lines(...head, 'KẾ HOẠCH TUYÊN TRUYỀN', 'Về việc học tập Nghị quyết', ...tail));
    expect(caps.subject).toMatch(/^TUYÊN TRUYỀN/);
    const wrapped = meta(lines(...head, 'NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ HAI', 'về công tác cán bộ', ...tail));
    expect(wrapped.subject).toBe('HỘI NGHỊ LẦN THỨ HAI về công tác cán bộ');
  });
});

describe('a copy that lost its header: the enacting line names the issuing council or committee', () => {
  const title = ['QUYẾT ĐỊNH', 'Về việc ban hành Quy chế quản lý cụm công nghiệp'];
  const basis = ['Căn cứ Luật Tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003;', 'Xét đề nghị của Giám đốc Sở Công Thương,', 'QUYẾT ĐỊNH:', 'Điều 1. Ban hành kèm theo Quyết định này Quy chế.'];

  it('with its locality, over the legal basis; read away from a header, it goes to review', () => {
    for (const pre of [[], ['Số: 12/2010/QĐ-UBND']]) {
      const r = parseDocument(lines(...pre, ...title, 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM', ...basis));
      expect(r.metadata.issuer, pre.join('')).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM');
      expect(r.review).toContain('issuer');
    }
    const chairman = meta(lines(...title, 'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN ĐIỆN BÀN', ...basis));
    expect(chairman.issuer).toBe('ỦY BAN NHÂN DÂN HUYỆN ĐIỆN BÀN');
  });

  it('not without a locality, nor without the legal basis under it, nor another body', () => {
    expect(meta(lines(...title, 'ỦY BAN NHÂN DÂN TỈNH', ...basis)).issuer).toBeNull();
    expect(meta(lines(...title, 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM', 'Điều 1. Ban hành kèm theo Quyết định này Quy chế.')).issuer).toBeNull();
    expect(meta(lines('QUYẾT ĐỊNH', 'về công tác cán bộ', 'BAN THƯỜNG VỤ TỈNH ỦY', 'Căn cứ Điều lệ Đảng;', 'QUYẾT ĐỊNH:')).issuer).toBeNull();
  });
});
