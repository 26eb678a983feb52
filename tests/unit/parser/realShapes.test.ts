import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { lines } from './helpers';

// Shapes seen in real copies of party and State documents (tests/fixtures/real), each as a short
// made-up example in that shape: what the copy does to the document, not the document itself.

function meta(text: string) {
  return parseDocument(text).metadata;
}

const STATE_MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '---------------'];

describe('real-world copies: headers', () => {
  it('a body kind alone on its line, its name on the next (`BỘ` / `NỘI VỤ`), and the place split from its date', () => {
    const m = meta(
      lines('BỘ', 'NỘI VỤ', '-----', '|', 'CỘNG', 'HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '|', 'Số:', '7/2009/TT-BNV', '|', 'Hà', 'Nội, ngày 15 tháng 9 năm 2009', '|', 'THÔNG TƯ', 'HƯỚNG DẪN CÔNG TÁC LƯU TRỮ', 'Căn cứ Nghị định số 8/2003/NĐ-CP ngày 25/5/2003;'),
    );
    expect([m.issuer, m.numberSymbol, m.place, m.issueDate, m.docType, m.subject]).toEqual(['BỘ NỘI VỤ', '7/2009/TT-BNV', 'Hà Nội', '2009-09-15', 'THÔNG TƯ', 'HƯỚNG DẪN CÔNG TÁC LƯU TRỮ']);
  });

  it('`SỐ` alone over a number, and a body kind followed by a body of its own, are not joined as a name', () => {
    const m = meta(lines('SỞ', 'Y TẾ', ...STATE_MOTTO, 'Số: 4/SYT-VP', 'Cà Mau, ngày 2 tháng 3 năm 2020', 'V/v tiêm chủng', 'Kính gửi: Các bệnh viện'));
    expect(m.issuer).toBe('SỞ Y TẾ');
  });

  it('the place and its comma on one line, the date on the next', () => {
    const m = meta(lines('ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG TRỊ', '|', ...STATE_MOTTO, '|', 'Số: 8/CT-UBND', '|', 'Quảng Trị,', 'ngày 25 tháng 5 năm 2016', '|', 'CHỈ THỊ', 'VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC', 'Thực hiện Nghị quyết.'));
    expect([m.place, m.issueDate]).toEqual(['Quảng Trị', '2016-05-25']);
  });

  it('a header cell cut to `ỦY BAN NHÂN DÂN`: a chairman’s enacting line names the body', () => {
    const m = meta(
      lines('ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', 'Số: 23/QĐ-UBND | Hà Nam, ngày 1 tháng 4 năm 2019 |', 'QUYẾT ĐỊNH', 'VỀ VIỆC CÔNG BỐ DANH MỤC', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM', 'Căn cứ Luật Tổ chức chính quyền địa phương;'),
    );
    expect(m.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH HÀ NAM');
    // Without a locality the enacting line names no body: nothing is made up.
    const cut = meta(lines('ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', 'Số: 23/QĐ-UBND | Hà Nam, ngày 1 tháng 4 năm 2019 |', 'QUYẾT ĐỊNH', 'VỀ VIỆC CÔNG BỐ DANH MỤC', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH', 'Căn cứ Luật Tổ chức chính quyền địa phương;'));
    expect(cut.issuer).toBeNull();
  });

  it('a header cell cut to the superior body: the unit the number’s code names, from its office on the enacting line', () => {
    const m = meta(lines('BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', 'Số: 28/QĐ-VTLTNN | Hà Nội, ngày 1 tháng 4 năm 2010 |', 'BAN HÀNH QUY CHẾ CÔNG TÁC VĂN THƯ CỦA CỤC', 'CỤC TRƯỞNG CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC', 'Căn cứ Quyết định số 1/2009/QĐ-TTg ngày 1/1/2009;'));
    expect([m.issuer, m.parentIssuer, m.subject]).toEqual(['CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC', 'BỘ NỘI VỤ', 'BAN HÀNH QUY CHẾ CÔNG TÁC VĂN THƯ CỦA CỤC']);
    // The office names a unit the number does not: the header's body stays the issuer.
    const other = meta(lines('ỦY BAN NHÂN DÂN TỈNH AN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |', 'Số: 28/QĐ-UBND | Long Xuyên, ngày 1 tháng 4 năm 2010 |', 'QUYẾT ĐỊNH', 'VỀ VIỆC BAN HÀNH QUY CHẾ', 'GIÁM ĐỐC SỞ NỘI VỤ', 'Căn cứ Quyết định số 1/2009/QĐ-UBND;'));
    expect([other.issuer, other.parentIssuer]).toEqual(['ỦY BAN NHÂN DÂN TỈNH AN GIANG', null]);
  });

  it('a number labelled with its type word (`Nghị quyết số:`) and an issuer over two lines', () => {
    const m = meta(lines('ỦY BAN THƯỜNG VỤ', 'QUỐC HỘI', '--------', ...STATE_MOTTO, 'Nghị quyết số: 61/2019/UBTVQH14', 'Hà Nội, ngày 12 tháng 3 năm 2019', 'NGHỊ QUYẾT', 'VỀ VIỆC SẮP XẾP ĐƠN VỊ', 'ỦY BAN THƯỜNG VỤ QUỐC HỘI', 'Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13;'));
    expect([m.numberSymbol, m.issuer, m.citations]).toEqual(['61/2019/UBTVQH14', 'ỦY BAN THƯỜNG VỤ QUỐC HỘI', ['57/2014/QH13']]);
  });

  it('a blog’s lead-in `Quyết định số : … ngày` before the document is no number line', () => {
    const m = meta(lines('Quyết định số : 31/QĐ-TW ngày', '', 'BAN CHẤP HÀNH TRUNG ƯƠNG', '*', 'Số: 31-QĐ/TW', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Hà Nội, ngày 1 tháng 10 năm 1997', 'QUYẾT ĐỊNH', 'về việc ban hành quy định'));
    expect(m.numberSymbol).toBe('31-QĐ/TW');
  });
});

describe('real-world copies: letters', () => {
  it('`V/v` alone on its line, its words after a colon on the next', () => {
    const m = meta(lines('BỘ TÀI CHÍNH', 'TỔNG CỤC THUẾ', '-------', ...STATE_MOTTO, 'Số: 51/TCT-CS', 'V/v', ': Chính sách thuế.', 'Hà Nội, ngày 1 tháng 7 năm 2015', '', 'Kính gửi: Cục Thuế tỉnh An Giang.'));
    expect([m.docType, m.subject, m.issuer, m.parentIssuer]).toEqual(['CÔNG VĂN', 'V/v : Chính sách thuế.', 'TỔNG CỤC THUẾ', 'BỘ TÀI CHÍNH']);
  });

  it('`Về:` for `V/v`, a spaced joint in the number, codes joined by `&`', () => {
    const m = meta(
      lines('UỶ BAN NHÂN DÂN', 'TỈNH AN GIANG', 'SỞ Y TẾ', '*****', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc', 'Số: 31/SYT –KH&TC', 'Về: góp ý dự thảo quy chế.', 'Long Xuyên, ngày 07 tháng 12 năm 2009', 'Kính gửi:', '- Giám đốc bệnh viện ;', 'Theo văn bản số 906/KT- KĐ ngày 03.12.2009 của Bộ.'),
    );
    expect([m.numberSymbol, m.docType, m.subject, m.issuer, m.citations]).toEqual(['31/SYT –KH&TC', 'CÔNG VĂN', 'Về: góp ý dự thảo quy chế.', 'SỞ Y TẾ', ['906/KT-KĐ']]);
  });
});

describe('real-world copies: title blocks', () => {
  it('`THÔNG BÁO` / `KẾT LUẬN CỦA <person> TẠI …`: the notice’s subject, not its issuer', () => {
    const head = ['VĂN PHÒNG TỈNH', '-------', ...STATE_MOTTO, 'Số: 14/TB-VP', 'Hà Giang, ngày 5 tháng 4 năm 2021', 'THÔNG BÁO'];
    const m = meta(lines(...head, 'KẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH', 'TẠI BUỔI LÀM VIỆC VỚI CÁC SỞ', 'Sáng ngày 02 tháng 4 năm 2021, Chủ tịch đã chủ trì.'));
    expect([m.issuer, m.subject]).toEqual(['VĂN PHÒNG TỈNH', 'KẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TẠI BUỔI LÀM VIỆC VỚI CÁC SỞ']);
    // A Word copy puts blank lines between the title's lines: the same.
    const spaced = meta(lines(...head, '', 'KẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH', '', 'TẠI BUỔI LÀM VIỆC VỚI CÁC SỞ', '', 'Sáng ngày 02 tháng 4 năm 2021, Chủ tịch đã chủ trì.'));
    expect(spaced.subject).toBe('KẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TẠI BUỔI LÀM VIỆC VỚI CÁC SỞ');
    // A body after `CỦA`, the subject after `VỀ`: the issuer is still read from the title, the
    // subject still holds the KẾT LUẬN line.
    const party = meta(lines('THÔNG BÁO', '', 'KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY', '', 'VỀ CÔNG TÁC CÁN BỘ TẠI CÁC HUYỆN', '', 'Ngày 2/4/2021, Ban Thường vụ họp.'));
    expect([party.issuer, party.subject]).toEqual(['BAN THƯỜNG VỤ TỈNH ỦY', 'KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ CÔNG TÁC CÁN BỘ TẠI CÁC HUYỆN']);
    // Under a ward committee's header, its `Về …` wrapped onto a second line down to the rule.
    const ward = meta(
      lines('ĐẢNG ỦY PHƯỜNG AN LẠC', 'Số 12-TB/ĐU', 'THÔNG BÁO', 'KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY', 'Về đánh giá kết quả thực hiện nhiệm vụ năm 2024 đối với đồng chí', 'Nguyễn Văn An - Bí thư Chi bộ khu phố 3', '-----', 'Thực hiện Kế hoạch số 13-KH/ĐU ngày 17 tháng 11 năm 2024.'),
    );
    expect([ward.issuer, ward.docType, ward.subject]).toEqual([
      'ĐẢNG ỦY PHƯỜNG AN LẠC',
      'THÔNG BÁO',
      'KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY Về đánh giá kết quả thực hiện nhiệm vụ năm 2024 đối với đồng chí Nguyễn Văn An - Bí thư Chi bộ khu phố 3',
    ]);
  });

  it('a headerless copy: `SỐ … NGÀY … CỦA …` under the type word states number, date and body', () => {
    const body = ['về công tác nhân sự nhiệm kỳ 2016 - 2021', '', 'Thực hiện Nghị quyết số 105/NQ-UBTVQH13 ngày 1/1/2016, Ban hướng dẫn như sau:'];
    for (const title of [['HƯỚNG DẪN SỐ 12-HD/BTCTW NGÀY 03/02/2016 CỦA BAN TỔ CHỨC TRUNG ƯƠNG'], ['HƯỚNG DẪN', 'SỐ 12-HD/BTCTW NGÀY 03/02/2016 CỦA BAN TỔ CHỨC TRUNG ƯƠNG'], ['HƯỚNG DẪN SỐ 12-HD/BTCTW NGÀY 03/02/2016', 'CỦA BAN TỔ CHỨC TRUNG ƯƠNG']]) {
      const r = parseDocument(lines('Tin tức: Ban Tổ chức Trung ương hướng dẫn công tác nhân sự', '', ...title, ...body));
      const m = r.metadata;
      expect([m.numberSymbol, m.docType, m.issuer, m.issueDate, m.place, m.subject, m.citations], title.join(' / ')).toEqual([
        '12-HD/BTCTW', 'HƯỚNG DẪN', 'BAN TỔ CHỨC TRUNG ƯƠNG', '2016-02-03', null, 'về công tác nhân sự nhiệm kỳ 2016 - 2021', ['105/NQ-UBTVQH13'],
      ]);
      // Read away from a header: the issuer goes to review.
      expect(r.review).toContain('issuer');
    }
  });

  it('the party named with an anniversary’s years in a title is subject text, not the party line', () => {
    const m = meta(lines('KẾ HOẠCH', 'TỔ CHỨC KỶ NIỆM 90 NĂM NGÀY THÀNH LẬP', 'ĐẢNG CỘNG SẢN VIỆT NAM (3/2/1930 – 3/2/2020), 70 NĂM NGÀY GIẢI PHÓNG TỈNH', 'Thực hiện Hướng dẫn số 12-HD/BTGTW ngày 1/1/2020, Ủy ban nhân dân tỉnh ban hành kế hoạch.'));
    expect(m.subject).toBe('TỔ CHỨC KỶ NIỆM 90 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM (3/2/1930 – 3/2/2020), 70 NĂM NGÀY GIẢI PHÓNG TỈNH');
    // A PDF's line break inside the name: `… THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT` / `NAM (…`.
    const pdf = meta(lines('KẾ HOẠCH', 'TỔ CHỨC KỶ NIỆM 90 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT', 'NAM (3/2/1930 – 3/2/2020), 70 NĂM NGÀY GIẢI PHÓNG TỈNH', 'Thực hiện Hướng dẫn số 12-HD/BTGTW ngày 1/1/2020, Ủy ban nhân dân tỉnh ban hành kế hoạch.'));
    expect(pdf.subject).toBe(m.subject);
  });
});

describe('real-world copies: a whole header on one line', () => {
  it('the enacting authority between the subject and `Căn cứ` ends the subject', () => {
    const head = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc ******* ******* Số: 5/2007/QĐ-BYT Hà Nội, ngày 05 tháng 10 năm 2007 QUYẾT ĐỊNH';
    const m = meta(`BỘ Y TẾ ${head} BAN HÀNH QUY CHẾ KHÁM BỆNH, CHỮA BỆNH CỦA CẤP TỈNH BỘ TRƯỞNG BỘ Y TẾ Căn cứ Nghị định số 1/2003/NĐ-CP ngày 31 tháng 3 năm 2003 của Chính phủ; QUYẾT ĐỊNH Điều 1. Ban hành quy chế.`);
    expect([m.issuer, m.subject, m.citations]).toEqual(['BỘ Y TẾ', 'BAN HÀNH QUY CHẾ KHÁM BỆNH, CHỮA BỆNH CỦA CẤP TỈNH', ['1/2003/NĐ-CP']]);
    // An office named inside the subject stays in it; the one before the basis is the enacting authority.
    const n = meta(`ỦY BAN NHÂN DÂN TỈNH AN GIANG ${head} VỀ VIỆC BỔ NHIỆM CHỦ TỊCH HỘI ĐỒNG THI ĐUA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG Căn cứ Luật Tổ chức; QUYẾT ĐỊNH Điều 1.`);
    expect(n.subject).toBe('VỀ VIỆC BỔ NHIỆM CHỦ TỊCH HỘI ĐỒNG THI ĐUA');
  });
});
