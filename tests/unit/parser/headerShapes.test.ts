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
