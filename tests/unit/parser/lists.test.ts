import { describe, expect, it } from 'vitest';
import { readAddressees } from '../../../shared/parser/addressees';
import { splitMergedColumns } from '../../../shared/parser/columns';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { findRecipientsLabel, readRecipients } from '../../../shared/parser/recipients';
import { itemsOf, lines, segsOf } from './helpers';

function recipients(text: string): string[] {
  const segs = segsOf(text);
  return readRecipients(segs, findRecipientsLabel(segs))?.items.map((p) => p.text) ?? [];
}

function addressees(text: string): string[] {
  const segs = segsOf(text);
  return readAddressees(itemsOf(text), segs)?.items.map((p) => p.text) ?? [];
}

describe('Kính gửi wrapped by a copy', () => {
  it('an item wrapped over three lines before the next bullet is one addressee', () => {
    // A PDF wraps a long item: `… Tp. Hồ Chí` / `Minh, Viện …` / `Đại học Dược, Y Dược`, then `- …`.
    expect(
      addressees(lines('Kính gửi:', '- Sở Y tế các tỉnh', '- Viện Kiểm nghiệm Trung ương, Viện Kiểm nghiệm thuốc Tp. Hồ Chí', 'Minh, Viện kiểm định Quốc gia vắc xin và sinh phẩm y tế, Viện Dược liệu Các Trường', 'Đại học Dược, Y Dược', '- Các cơ sở kinh doanh thuốc', 'Theo kế hoạch đã được Bộ phê duyệt, Hội đồng dược điển đã', 'biên soạn dự thảo tiêu chuẩn về thuốc.')),
    ).toEqual(['Sở Y tế các tỉnh', 'Viện Kiểm nghiệm Trung ương, Viện Kiểm nghiệm thuốc Tp. Hồ Chí Minh, Viện kiểm định Quốc gia vắc xin và sinh phẩm y tế, Viện Dược liệu Các Trường Đại học Dược, Y Dược', 'Các cơ sở kinh doanh thuốc']);
  });

  it('the body after an unfinished last item is not taken into it, even when a bullet follows the body’s first lines', () => {
    expect(
      addressees(lines('Kính gửi:', '- Sở Y tế các tỉnh', '- Các cơ sở kinh doanh thuốc', 'Vừa qua, Cục nhận được phản ánh của các đơn vị', 'và đề nghị thực hiện như sau:', '- Rà soát các lô thuốc.')),
    ).toEqual(['Sở Y tế các tỉnh', 'Các cơ sở kinh doanh thuốc']);
  });

  it('a label cut between its two words (`Kính` / `gửi: …`, `Nơi` / `nhận:`)', () => {
    const m = parseDocument(
      lines('Kính', 'gửi: Cục Hải quan các tỉnh, thành phố', 'Trong quá trình thực hiện thủ tục hải', 'quan, Bộ Tài chính hướng dẫn như sau:', '1. Hồ sơ hải quan.', 'Nơi', 'nhận:', '- Như trên;', '- Lưu: VT.', 'KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG', 'Đỗ Hoàng Anh Tuấn'),
    ).metadata;
    expect([m.addressees, m.recipients]).toEqual([['Cục Hải quan các tỉnh, thành phố'], ['Như trên', 'Lưu: VT']]);
  });
});

describe('Nơi nhận', () => {
  it('one recipient per bullet, list punctuation removed', () => {
    expect(recipients(lines('Nơi nhận:', '- Các đồng chí TUV,', '- Lưu Văn phòng Tỉnh ủy(xh).', '', '**T/M TỈNH ỦY**'))).toEqual([
      'Các đồng chí TUV',
      'Lưu Văn phòng Tỉnh ủy(xh)',
    ]);
  });

  it('joins a recipient wrapped over lines, across blank lines', () => {
    expect(
      recipients(lines('Nơi nhận: ', '- Các sở, ban, ngành, Ủy ban MTTQ, các tổ chức ', '', '  chính trị - xã hội tỉnh, ', '', '- Lưu Văn phòng Tỉnh uỷ. ', '', 'T/M BAN THƯỜNG VỤ ')),
    ).toEqual(['Các sở, ban, ngành, Ủy ban MTTQ, các tổ chức chính trị - xã hội tỉnh', 'Lưu Văn phòng Tỉnh uỷ']);
  });

  it('joins a wrap that starts with a capital when it closes the item', () => {
    expect(recipients(lines('Nơi nhận:', '- Ban Thường vụ các huyện ủy và Đảng ủy trực thuộc', 'Tỉnh ủy,', '- Lưu VP.'))).toEqual([
      'Ban Thường vụ các huyện ủy và Đảng ủy trực thuộc Tỉnh ủy',
      'Lưu VP',
    ]);
  });

  it('joins a wrap after an item that stopped at a comma inside its own enumeration', () => {
    // Items end in `;`: an item ending in `,` goes on, on the next line, even with a capital.
    expect(
      recipients(
        lines('Nơi nhận:', '- Như điều 2;', '- TT. HĐND tỉnh;', '- Báo Hòa Bình, Đài PT-TH tỉnh, Công báo tỉnh,', 'Cổng thông tin điện tử tỉnh;', '- Lưu: VT, KT.', '|', 'TM. ỦY BAN NHÂN DÂN'),
      ),
    ).toEqual(['Như điều 2', 'TT. HĐND tỉnh', 'Báo Hòa Bình, Đài PT-TH tỉnh, Công báo tỉnh, Cổng thông tin điện tử tỉnh', 'Lưu: VT, KT']);
    // In a list whose items end in `,`, a line after one is no wrap: the list has ended.
    expect(recipients(lines('Nơi nhận:', '- Như trên,', '- Lưu VP,', 'Phạm Văn Minh'))).toEqual(['Như trên', 'Lưu VP']);
  });

  it('reads on past the signature lines a reading order put between the recipients', () => {
    // An OCR pass or a PDF reading the two footer columns row by row.
    expect(
      recipients(lines('Nơi nhận:', '- Như Điều 3;', '- Bộ Tư pháp;', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', '- TT. Tỉnh ủy, TT. HĐND tỉnh;', '- Lưu: VT, KT.', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An')),
    ).toEqual(['Như Điều 3', 'Bộ Tư pháp', 'TT. Tỉnh ủy, TT. HĐND tỉnh', 'Lưu: VT, KT']);
    // The rows read one line each from the first on: the authority right under the label.
    expect(
      recipients(lines('Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', '- Như trên;', 'CHỦ TỊCH', '- TT HĐND huyện;', '- Lưu: VT.', 'Nguyễn Văn An')),
    ).toEqual(['Như trên', 'TT HĐND huyện', 'Lưu: VT']);
    // The authority's row above the label's, its title beside the label: no recipient.
    expect(recipients(lines('TM. ỦY BAN NHÂN DÂN', 'Nơi nhận: CHỦ TỊCH', '- Như trên;', '- Lưu: VT.', 'Nguyễn Văn An'))).toEqual(['Như trên', 'Lưu: VT']);
    // The signature after the list, then the body of an attached text: the list has ended.
    expect(recipients(lines('Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lê Văn Tám', '- Căn cứ Luật Tổ chức chính quyền địa phương;'))).toEqual([
      'Như trên',
      'Lưu: VT',
    ]);
  });

  it('reads a list written without bullets', () => {
    expect(recipients(lines('Nơi nhận:', 'Ban Thường vụ Huyện ủy;', 'Các chi bộ trực thuộc;', 'Lưu VT.', '', 'T/M ĐẢNG ỦY'))).toEqual([
      'Ban Thường vụ Huyện ủy',
      'Các chi bộ trực thuộc',
      'Lưu VT',
    ]);
  });

  it('reads only the left column when the signature stands beside it', () => {
    expect(recipients(lines('Nơi nhận:                    T/M BAN THƯỜNG VỤ', '- Như trên,                       BÍ THƯ', '- Lưu VP.', '', '                            Rơ Mah Thuấn'))).toEqual([
      'Như trên',
      'Lưu VP',
    ]);
  });

  it('a markdown heading label and an inline first recipient', () => {
    expect(recipients(lines('### Nơi nhận: - Như trên,', '- Lưu VT.'))).toEqual(['Như trên', 'Lưu VT']);
  });

  it('leaves out a last item the copy’s end cuts inside a word, and flags the list', () => {
    // The page saved no further: `- Các trường h` is what is left of an item, no recipient.
    const cut = lines('Nơi nhận:', '- Như trên;', '- Các phòng GD&ĐT;', '- Các trường h');
    expect(recipients(cut)).toEqual(['Như trên', 'Các phòng GD&ĐT']);
    const segs = segsOf(cut);
    expect(readRecipients(segs, findRecipientsLabel(segs))?.doubtful).toBe(true);
    expect(recipients(lines('Nơi nhận:', '- Như trên;', '- Các trường THCS, THPT trên địa bàn thành ph'))).toEqual(['Như trên']);
    // A whole last item (a syllable, an abbreviation) ends the copy without punctuation: kept.
    expect(recipients(lines('Nơi nhận:', '- Như trên;', '- Các trường học'))).toEqual(['Như trên', 'Các trường học']);
    expect(recipients(lines('Nơi nhận:', '- Như trên;', '- Lưu: VT, TH'))).toEqual(['Như trên', 'Lưu: VT, TH']);
    // A cut word on a last line the copy does not end with (the signature follows) is the item’s own.
    expect(recipients(lines('Nơi nhận:', '- Như trên;', '- Lưu: VT, h', '', 'T/M ĐẢNG ỦY', 'BÍ THƯ', 'Nguyễn Văn An'))).toEqual(['Như trên', 'Lưu: VT, h']);
  });

  it('items a copy ran together on one line, each after the `;` of the one before (`- Như trên; - Lưu: VT.`)', () => {
    expect(recipients(lines('Nơi nhận: - Như trên; - TT. Tỉnh ủy; - Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN'))).toEqual(['Như trên', 'TT. Tỉnh ủy', 'Lưu: VT']);
    expect(recipients(lines('Nơi nhận:', '- Như trên; - TT. Tỉnh ủy;', '- Lưu: VT.'))).toEqual(['Như trên', 'TT. Tỉnh ủy', 'Lưu: VT']);
    // A dash inside an item, with no `;` before it, is the item's own.
    expect(recipients(lines('Nơi nhận:', '- Đài Phát thanh - Truyền hình tỉnh;', '- Lưu: VT.'))).toEqual(['Đài Phát thanh - Truyền hình tỉnh', 'Lưu: VT']);
  });

  it('reads on past the page number a page break put between the items', () => {
    expect(recipients(lines('Nơi nhận:', '- Như trên;', '- Bộ Tư pháp;', '2', '- TT. Tỉnh ủy;', '- Lưu: VT.'))).toEqual(['Như trên', 'Bộ Tư pháp', 'TT. Tỉnh ủy', 'Lưu: VT']);
    expect(recipients(lines('Nơi nhận:', '- Như trên;', '- Bộ Tư pháp;', '', 'Trang 2/3', '', '- Lưu: VT.'))).toEqual(['Như trên', 'Bộ Tư pháp', 'Lưu: VT']);
    expect(recipients(lines('Nơi nhận:', '- Như trên;', '- Bộ Tư pháp;', '- 2 -', '- Lưu: VT.'))).toEqual(['Như trên', 'Bộ Tư pháp', 'Lưu: VT']);
    // A number with no bullet after it ends the list, as any other line would.
    expect(recipients(lines('Nơi nhận:', '- Như trên;', '- Lưu: VT.', '2', 'Điều 1. Phạm vi'))).toEqual(['Như trên', 'Lưu: VT']);
  });

  it('stops at the name of an unsigned block', () => {
    expect(recipients(lines('Nơi nhận:', '- Như trên,', '- Lưu VT.', 'Nguyễn Văn An'))).toEqual(['Như trên', 'Lưu VT']);
  });
});

describe('Kính gửi', () => {
  it('a heading `- Kính gửi:*` over a bullet list', () => {
    expect(addressees(lines('- Kính gửi:*', '- Các đồng chí Ủy viên,', ' - Các cơ quan tham mưu.', '', 'Thực hiện Kết luận số 127-KL/TW …'))).toEqual([
      'Các đồng chí Ủy viên',
      'Các cơ quan tham mưu',
    ]);
  });

  it('inline, and in bold', () => {
    expect(addressees(lines('**Kính gửi:** Ban Thường vụ Tỉnh ủy.', '', 'Thực hiện …'))).toEqual(['Ban Thường vụ Tỉnh ủy']);
    expect(addressees(lines('Kính gửi: Ban Thường vụ Tỉnh ủy Lâm Đồng', '', 'Thực hiện Kết luận …'))).toEqual(['Ban Thường vụ Tỉnh ủy Lâm Đồng']);
  });

  it('the body’s first sentence a copy ran onto the line of the last addressee ends the list', () => {
    expect(
      addressees(lines('Kính gửi: - Hiệu trưởng các trường mầm non; - Hiệu trưởng các trường THCS. Phòng Giáo dục và Đào tạo thông báo lịch thi như sau:', '1. Thời gian.')),
    ).toEqual(['Hiệu trưởng các trường mầm non', 'Hiệu trưởng các trường THCS']);
    expect(addressees(lines('Kính gửi:', '- Ủy ban nhân dân các huyện;', '- Sở Y tế.Sở Nội vụ nhận được Công văn số 12/UBND-VX của Ủy ban.'))).toEqual(['Ủy ban nhân dân các huyện', 'Sở Y tế']);
    // An abbreviation's stop inside an item (`TT. HĐND`, `Tp. Hồ Chí Minh`), or a short tail, is the item's own.
    expect(addressees(lines('Kính gửi:', '- TT. HĐND, UBND thành phố;', '- Công an Tp. Hồ Chí Minh.', '', 'Thực hiện …'))).toEqual(['TT. HĐND, UBND thành phố', 'Công an Tp. Hồ Chí Minh']);
  });

  it('an inline addressee a narrow cell wrapped onto a short capitalised line that closes it', () => {
    expect(
      addressees(lines('Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc', 'Trung ương.', 'Bộ Nội vụ nhận được Công văn số 12/UBND-NC ngày 3/4/2015.')),
    ).toEqual(['Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương']);
    // An item cut after a joining word (`… trực thuộc` / `Trung ương`) goes on, punctuated or not.
    expect(addressees(lines('Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc', 'Trung ương', '', 'Bộ Nội vụ nhận được Công văn số 12/UBND-NC.'))).toEqual([
      'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
    ]);
    expect(addressees(lines('Kính gửi:', '- Sở Tài nguyên và', 'Môi trường', '- Sở Xây dựng.', '', 'Bộ Nội vụ nhận được Công văn số 12/UBND-NC.'))).toEqual([
      'Sở Tài nguyên và Môi trường',
      'Sở Xây dựng',
    ]);
    // A line of the body after an unpunctuated addressee is no wrap, short or not.
    expect(addressees(lines('Kính gửi: Ủy ban nhân dân tỉnh Lào Cai', 'Bộ Nội vụ trả lời như sau.', 'Về việc bổ sung biên chế năm 2015.'))).toEqual([
      'Ủy ban nhân dân tỉnh Lào Cai',
    ]);
    expect(addressees(lines('Kính gửi: Ủy ban nhân dân tỉnh Lào Cai', '', 'Trung ương.'))).toEqual(['Ủy ban nhân dân tỉnh Lào Cai']);
  });

  it('does not take the body for an addressee', () => {
    expect(addressees(lines('Kính gửi: Ban Thường vụ Tỉnh ủy', 'Thực hiện Kết luận số 127-KL/TW ngày 28/02/2025 của Bộ Chính trị'))).toEqual([
      'Ban Thường vụ Tỉnh ủy',
    ]);
  });
});

describe('single-spaced two-column footer lines', () => {
  it('cuts the authority and a trailing title off the recipients', () => {
    const segs = splitMergedColumns(segsOf(lines('Nơi nhận: T/M BAN THƯỜNG VỤ', '- Như trên, PHÓ BÍ THƯ', '- Các CQCT tham mưu, giúp việc Tỉnh ủy,', '- Ủy ban MTTQ VN,')));
    expect(segs.map((s) => [s.text, s.col])).toEqual([
      ['Nơi nhận:', 0],
      ['T/M BAN THƯỜNG VỤ', 1],
      ['- Như trên,', 0],
      ['PHÓ BÍ THƯ', 1],
      ['- Các CQCT tham mưu, giúp việc Tỉnh ủy,', 0],
      ['- Ủy ban MTTQ VN,', 0],
    ]);
  });

  it('cuts every authority mark off, with or without its space', () => {
    const segs = splitMergedColumns(segsOf(lines('Nơi nhận: KT. BÍ THƯ', '- Lưu VT. TL.BAN THƯỜNG VỤ', '- Như trên. T/UQ CHỦ TỊCH', '- Lưu VP. Phó Bí thư')));
    expect(segs.map((s) => [s.text, s.col])).toEqual([
      ['Nơi nhận:', 0],
      ['KT. BÍ THƯ', 1],
      ['- Lưu VT.', 0],
      ['TL.BAN THƯỜNG VỤ', 1],
      ['- Như trên.', 0],
      ['T/UQ CHỦ TỊCH', 1],
      ['- Lưu VP. Phó Bí thư', 0],
    ]);
  });
});

describe('Nơi nhận split into paper and electronic copies', () => {
  it('a short heading ending in a colon between bullets (`Bản điện tử:`) heads the next items, it ends nothing', () => {
    expect(recipients(lines('Nơi nhận:', '-Lưu VT;', 'Bản điện tử:', '- Như kính gửi;', '-Lãnh đạo, chuyên viên phòng.', 'TRƯỞNG PHÒNG'))).toEqual([
      'Lưu VT',
      'Như kính gửi',
      'Lãnh đạo, chuyên viên phòng',
    ]);
    expect(recipients(lines('Nơi nhận:', 'Bản giấy:', '- Như trên;', 'Bản điện tử:', '- Sở Nội vụ (b/c);', '- Lưu: VT.', 'KT. GIÁM ĐỐC'))).toEqual([
      'Như trên',
      'Sở Nội vụ (b/c)',
      'Lưu: VT',
    ]);
  });

  it('the body’s `… như sau:` after the list still ends it', () => {
    expect(recipients(lines('Nơi nhận:', '- Như trên;', '- Lưu VT.', 'Đề nghị các đơn vị thực hiện như sau:', '- Rà soát hồ sơ.'))).toEqual(['Như trên', 'Lưu VT']);
  });
});
