import { describe, expect, it } from 'vitest';
import { findRecipientsLabel } from '../../../shared/parser/recipients';
import { isPersonName, readSignature } from '../../../shared/parser/signature';
import { lines, segsOf } from './helpers';

function signature(text: string) {
  const segs = segsOf(text);
  const r = readSignature(segs, findRecipientsLabel(segs));
  return [r.authority?.text ?? null, r.title?.text ?? null, r.name?.text ?? null];
}

describe('signature block', () => {
  it('authority, title, name after the recipients', () => {
    expect(signature(lines('Nơi nhận:', '- Lưu VT.', '', '**T/M TỈNH ỦY**  ', '**BÍ THƯ**', '', '', '**Bùi Văn Cường**'))).toEqual([
      'T/M TỈNH ỦY',
      'BÍ THƯ',
      'Bùi Văn Cường',
    ]);
  });

  it('a title wrapped onto a second line, and a note between title and name', () => {
    expect(signature(lines('T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'THƯỜNG TRỰC', '(đã ký)', 'Hoàng Giang'))).toEqual([
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ THƯỜNG TRỰC',
      'Hoàng Giang',
    ]);
  });

  it('a title a narrow cell wrapped inside its compound (`PHÓ CHỦ` / `TỊCH`)', () => {
    expect(signature(lines('KT. CHỦ TỊCH', 'PHÓ CHỦ', 'TỊCH', 'Nguyễn Văn An'))).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An']);
    expect(signature(lines('KT. GIÁM ĐỐC', 'PHÓ GIÁM', 'ĐỐC', '(Đã ký)', 'Nguyễn Văn An'))).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An']);
    expect(signature(lines('T/M BAN THƯỜNG VỤ', 'PHÓ BÍ', 'THƯ', 'Nguyễn Văn An'))).toEqual(['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Nguyễn Văn An']);
    // A line that does not complete the compound is not joined (`CHỦ` / `NGHĨA …`).
    expect(signature(lines('KT. CHỦ TỊCH', 'PHÓ CHỦ', 'NGHĨA', 'Nguyễn Văn An'))[1]).not.toBe('PHÓ CHỦ NGHĨA');
  });

  it('K/T, T/L and both authority lines together', () => {
    expect(signature(lines('K/T BÍ THƯ', 'PHÓ BÍ THƯ', 'Mai Hoàng Sơn'))).toEqual(['K/T BÍ THƯ', 'PHÓ BÍ THƯ', 'Mai Hoàng Sơn']);
    expect(signature(lines('T/L BAN THƯỜNG VỤ', 'K/T CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', '', 'Rah Lan Thị Nhung'))).toEqual([
      'T/L BAN THƯỜNG VỤ K/T CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
      'Rah Lan Thị Nhung',
    ]);
    expect(signature(lines('TM. BAN THƯỜNG VỤ', 'BÍ THƯ', 'Lê Văn Ba'))[0]).toBe('TM. BAN THƯỜNG VỤ');
  });

  it('an authority wrapped inside its body name, the title under it', () => {
    expect(signature(lines('Nơi nhận:', '- Lưu: VT.', '|', 'TM. ỦY BAN NHÂN', 'DÂN', 'CHỦ TỊCH', 'Bùi Văn Tỉnh'))).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Bùi Văn Tỉnh',
    ]);
    expect(signature(lines('T/M BAN THƯỜNG', 'VỤ', 'PHÓ BÍ THƯ', 'Lê Văn Ba'))).toEqual(['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Lê Văn Ba']);
    // A capitals line with no title under it is not taken into the authority.
    expect(signature(lines('TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'ĐÃ KÝ', 'Bùi Văn Tỉnh'))[0]).toBe('TM. ỦY BAN NHÂN DÂN');
  });

  it('a signature printed before the recipients', () => {
    expect(signature(lines('T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', '', 'Phan Minh Tâm', '', 'Nơi nhận:', '- Như trên,', '- Lưu VP.'))).toEqual([
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Phan Minh Tâm',
    ]);
  });

  it('the signature column beside the recipients', () => {
    expect(
      signature(lines('Nơi nhận:                 T/M BAN THƯỜNG VỤ', '- Ban Tổ chức Tỉnh ủy,          BÍ THƯ', '- Lưu VP.', '', '                       Rơ Mah Thuấn')),
    ).toEqual(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Rơ Mah Thuấn']);
  });

  it('an unsigned draft has no name', () => {
    expect(signature(lines('Nơi nhận:', '- Lưu VT.', '', 'T/M ĐẢNG ỦY', 'BÍ THƯ'))).toEqual(['T/M ĐẢNG ỦY', 'BÍ THƯ', null]);
  });

  it('no authority line: a known title followed by a name', () => {
    expect(signature(lines('Nơi nhận:', '- Lưu VT.', '', 'BÍ THƯ', '', 'Nguyễn Văn Hùng'))).toEqual([null, 'BÍ THƯ', 'Nguyễn Văn Hùng']);
  });

  it('a copy that ends at the signer’s title, after the body’s last sentence: the title alone', () => {
    const body = 'Cục Quản lý Dược thông báo để các Đơn vị biết và thực hiện.';
    expect(signature(lines('Công văn này thay thế Công văn số 1/QLD-KD.', body, '| CỤC TRƯỞNG |'))).toEqual([null, 'CỤC TRƯỞNG', null]);
    expect(signature(lines(body, '', 'PHÓ GIÁM ĐỐC'))).toEqual([null, 'PHÓ GIÁM ĐỐC', null]);
    // A copy cut after the enacting line (capitals under the title block), or inside the body: no title.
    expect(signature(lines('QUYẾT ĐỊNH', 'VỀ VIỆC BAN HÀNH QUY CHẾ', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG'))).toEqual([null, null, null]);
    expect(signature(lines('Các đơn vị tổ chức thực hiện nghiêm túc.', 'CHỦ TỊCH ỦY BAN NHÂN DÂN CÁC HUYỆN CHỊU TRÁCH NHIỆM'))).toEqual([null, null, null]);
    expect(signature(lines('Giao các cơ quan sau thực hiện:', 'GIÁM ĐỐC'))).toEqual([null, null, null]);
  });

  it('a copy cut inside the signer’s title, its last line: no title (the rest of it is not in the text)', () => {
    expect(signature(lines('Nơi nhận:', '- Lưu VT.', 'KT. CHỦ TỊCH', 'PHÓ CHỦ'))).toEqual(['KT. CHỦ TỊCH', null, null]);
    expect(signature(lines('Nơi nhận:', '- Lưu VT.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM'))).toEqual(['KT. GIÁM ĐỐC', null, null]);
    expect(signature(lines('TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊ'))).toEqual(['TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH', null, null]);
    expect(signature(lines('Các đơn vị biết và thực hiện.', 'PHÓ CHÁNH'))).toEqual([null, null, null]);
    expect(signature(lines('Các trường nghiêm túc thực hiện nội dung thông báo này.', '', 'TRƯỞNG'))).toEqual([null, null, null]);
    expect(signature(lines('Nơi nhận:', '- Lưu VT.', 'KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG'))).toEqual(['KT. TRƯỞNG PHÒNG', null, null]);
    expect(signature(lines('Các đơn vị biết và thực hiện.', '', 'CỤC TRƯỞNG'))).toEqual([null, 'CỤC TRƯỞNG', null]);
    expect(signature(lines('Nơi nhận:', '- Lưu VT.', 'KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG P'))).toEqual(['KT. TRƯỞNG PHÒNG', null, null]);
    expect(signature(lines('Nơi nhận:', '- Lưu VT.', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊC'))).toEqual(['KT. CHỦ TỊCH', null, null]);
    expect(signature(lines('Nơi nhận:', '- Lưu VT.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC SỞ...'))).toEqual(['KT. GIÁM ĐỐC', null, null]);
    expect(signature(lines('Nơi nhận:', '- Lưu VT.', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH UBND'))[1]).toBe('PHÓ CHỦ TỊCH UBND');
    // A whole title is kept, name or not; a cut title followed by more lines was not cut by the copy's end.
    expect(signature(lines('Nơi nhận:', '- Lưu VT.', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'))).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', null]);
    expect(signature(lines('T/M ĐẢNG ỦY', 'BÍ THƯ'))).toEqual(['T/M ĐẢNG ỦY', 'BÍ THƯ', null]);
    expect(signature(lines('K/T BÍ THƯ', 'PHÓ BÍ THƯ', 'Mai Hoàng Sơn'))[1]).toBe('PHÓ BÍ THƯ');
  });

  it('never invents a signature from body text', () => {
    expect(signature(lines('Nơi nhận:', '- Hội đồng nhân dân tỉnh,', '- Lưu Văn phòng Tỉnh ủy (lc).'))).toEqual([null, null, null]);
    expect(signature(lines('Căn cứ Kết luận này, các cấp ủy triển khai thực hiện.', 'PHỤ LỤC', 'Danh sách đơn vị'))).toEqual([null, null, null]);
  });

  it('the tail of a number-symbol wrapped at its hyphen is no authority (`KTTH` is not `KT.`)', () => {
    const body = lines('Thực hiện ý kiến chỉ đạo tại công văn số 7567/VPCP-', 'KTTH', '', 'ngày 31/12/2007 của Văn phòng Chính phủ,', 'hướng dẫn như sau:');
    expect(signature(body)).toEqual([null, null, null]);
    expect(signature(lines('Nơi nhận:', '- Lưu VT.', 'TMKT', 'CHỦ TỊCH', 'Lê Văn Ba'))[0]).toBeNull();
  });

  it('an authority whose marker lost its dot or space is still read', () => {
    expect(signature(lines('KT.GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Văn Nam'))).toEqual(['KT.GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Văn Nam']);
    expect(signature(lines('KTBỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Trần Văn Nam'))[0]).toBe('KTBỘ TRƯỞNG');
    expect(signature(lines('TM UBND XÃ', 'CHỦ TỊCH', 'Trần Văn Nam'))[0]).toBe('TM UBND XÃ');
  });

  it('a name in capitals is not taken (it cannot be told from a title)', () => {
    expect(signature(lines('T/M HUYỆN ỦY', 'BÍ THƯ', 'NGUYỄN VĂN AN'))).toEqual(['T/M HUYỆN ỦY', 'BÍ THƯ', null]);
  });
});

describe('person names', () => {
  it.each(['Hoàng Giang', 'Nguyễn Hải Trâm', 'Y Khuê Byă', "H' Yâm Mlô", 'H’Yim Kđoh', 'Nay Y Blim', 'Rơ Mah Thuấn'])('%s', (n) => {
    expect(isPersonName(n)).toBe(true);
  });
  it.each(['BÍ THƯ', 'Lưu Văn phòng', 'Như trên', 'Kính gửi', 'Nguyễn', 'Số 12-KL/TU'])('not %s', (n) => {
    expect(isPersonName(n)).toBe(false);
  });
});
