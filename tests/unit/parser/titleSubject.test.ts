import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { readSubject } from '../../../shared/parser/subject';
import { readTitle } from '../../../shared/parser/title';
import { itemsOf, lines } from './helpers';

/** Type, title issuer and subject of a title block snippet (the type word is the first line). */
function title(text: string) {
  const items = itemsOf(text);
  const t = readTitle(items, items.findIndex((i) => i.kind === 'type'));
  const s = readSubject(items, t.next, t.leading);
  return { type: t.info.name, issuer: t.issuer?.text ?? null, subject: s?.piece.text ?? null };
}

describe('title block', () => {
  it('type word, then the subject', () => {
    expect(title(lines('## KẾT LUẬN', '', 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 31', '', '-----', 'Ngày 03/7/2020, …'))).toEqual({
      type: 'KẾT LUẬN',
      issuer: null,
      subject: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 31',
    });
  });

  it('`CỦA …` under the type names the issuer', () => {
    expect(title(lines(' KẾT LUẬN  ', '', 'CỦA BAN THƯỜNG VỤ TỈNH ỦY ', '', 'về kết quả 01 tháng', '', 'trong vận hành', '', '----- '))).toEqual({
      type: 'KẾT LUẬN',
      issuer: 'BAN THƯỜNG VỤ TỈNH ỦY',
      subject: 'về kết quả 01 tháng trong vận hành',
    });
  });

  it('type, issuer and subject on one capitals line', () => {
    expect(title('KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ỦY VỀ CÔNG TÁC CHUYỂN ĐỔI SỐ\n-----')).toEqual({
      type: 'KẾT LUẬN',
      issuer: 'BAN THƯỜNG VỤ HUYỆN ỦY',
      subject: 'VỀ CÔNG TÁC CHUYỂN ĐỔI SỐ',
    });
  });

  it('`THÔNG BÁO` / `KẾT LUẬN CỦA …`: the subject is every line under the type word, the KẾT LUẬN line included', () => {
    expect(title(lines('THÔNG BÁO', 'KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY', 'tại buổi làm việc với Đảng ủy xã', '-----'))).toEqual({
      type: 'THÔNG BÁO',
      issuer: 'THƯỜNG TRỰC TỈNH ỦY',
      subject: 'KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY tại buổi làm việc với Đảng ủy xã',
    });
  });

  it('a `KẾT LUẬN` itself keeps its `CỦA …` line out of the subject', () => {
    expect(title(lines('KẾT LUẬN', 'CỦA BAN THƯỜNG VỤ TỈNH ỦY', 'về công tác cán bộ', '-----'))).toEqual({
      type: 'KẾT LUẬN',
      issuer: 'BAN THƯỜNG VỤ TỈNH ỦY',
      subject: 'về công tác cán bộ',
    });
  });

  it('a short capitals tail names a kind of the type, not the subject', () => {
    expect(title(lines('CHƯƠNG TRÌNH HÀNH ĐỘNG', 'thực hiện Nghị quyết số 57-NQ/TW', '-----')).subject).toBe('thực hiện Nghị quyết số 57-NQ/TW');
  });

  it('a lower-case `của …` line is part of the subject, not an issuer', () => {
    expect(title(lines('**KẾT LUẬN**', '**Về thực hiện Thông báo số 16**', '**của Bộ Chính trị**', '', '-----'))).toEqual({
      type: 'KẾT LUẬN',
      issuer: null,
      subject: 'Về thực hiện Thông báo số 16 của Bộ Chính trị',
    });
  });
});

describe('a recogniser’s marks on the type line', () => {
  const head = ['ĐẢNG BỘ QUẬN AN LẠC', 'ĐẢNG ỦY PHƯỜNG BÌNH AN', '*', 'Số 12-TTr/ĐU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Bình An, ngày 3 tháng 4 năm 2025'];
  const tail = ['về việc đề nghị kết nạp đảng viên', '-----', 'Kính gửi: Ban Thường vụ Quận ủy An Lạc', 'Căn cứ Điều lệ Đảng Cộng sản Việt Nam; căn cứ Quy định số 232-QĐ/TW của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;'];

  it('are no words of the subject: marks and lone letters after the type word are left out', () => {
    for (const junk of ['~', '—_ .', 'Ế', 'ễ2 =', '..`', 'i ~']) {
      const m = parseDocument(lines(...head, `TỜ TRÌNH ${junk}`, ...tail)).metadata;
      expect([m.docType, m.subject], junk).toEqual(['TỜ TRÌNH', 'về việc đề nghị kết nạp đảng viên']);
    }
  });

  it('a number after the type word stays the subject’s', () => {
    expect(parseDocument(lines(...head, 'KẾ HOẠCH 2025', ...tail)).metadata.subject).toBe('2025 về việc đề nghị kết nạp đảng viên');
  });
});

describe('subject boundaries', () => {
  it('keeps the date a report states in brackets under its subject, with or without a rule after it', () => {
    // `BÁO CÁO` / `về tình hình …` / `(Ngày 08 tháng 12 năm 2025)`: a scan loses the `-----` under it.
    const body = 'Thực hiện Công văn số 12-CV/TU ngày 15 tháng 7 năm 2025 của Ban Thường vụ Tỉnh ủy, báo cáo như sau:';
    for (const after of [['-----'], [''], []]) {
      expect(title(lines('BÁO CÁO', 'về tình hình kinh tế, xã hội', '(Ngày 08 tháng 12 năm 2025)', ...after, body)).subject).toBe('về tình hình kinh tế, xã hội (Ngày 08 tháng 12 năm 2025)');
    }
    // A caption naming another document is no part of the subject; nor is a date set apart by more
    // than the one blank line a Word copy puts between paragraphs.
    expect(title(lines('QUY ĐỊNH', 'về chế độ báo cáo', '(Ban hành kèm theo Quyết định số 27/2015/QĐ-UBND)', '', 'Chương I')).subject).toBe('về chế độ báo cáo');
    expect(title(lines('BÁO CÁO', 'về tình hình kinh tế, xã hội', '', '(Ngày 08 tháng 12 năm 2025)', '', body)).subject).toBe('về tình hình kinh tế, xã hội (Ngày 08 tháng 12 năm 2025)');
    expect(title(lines('BÁO CÁO', 'về tình hình kinh tế, xã hội', '', '', '(Ngày 08 tháng 12 năm 2025)', '', body)).subject).toBe('về tình hình kinh tế, xã hội');
  });


  it('the rule under the title closes it, whatever the case of the wrapped line', () => {
    expect(title(lines('BÁO CÁO', 'kết quả kiểm tra đối với', 'Ban Thường vụ Đảng ủy xã Quảng Tín', '-----')).subject).toBe(
      'kết quả kiểm tra đối với Ban Thường vụ Đảng ủy xã Quảng Tín',
    );
  });

  it('without a rule, a capitalised line after a blank is the body', () => {
    expect(title(lines('**KẾT LUẬN**  ', '**hội nghị lần thứ 32**', '', 'Ngày 14/5/2025, Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 32 đã thảo luận, cho ý kiến về dự thảo Đề án kết thúc hoạt động của đảng bộ cấp huyện.')).subject).toBe(
      'hội nghị lần thứ 32',
    );
  });

  it('without a rule, the bold run and lower-case wraps continue it', () => {
    expect(title(lines('**CHỈ THỊ**', '**về tăng cường công tác**', '**phòng cháy, chữa cháy**', '', 'Thời gian qua, …')).subject).toBe(
      'về tăng cường công tác phòng cháy, chữa cháy',
    );
  });

  it('a capitals subject wrapped at `ĐỊA` / `BÀN …` goes on: `BÀN` is no body (`BAN`), so the line is no enacting line', () => {
    const text = lines('KẾ HOẠCH', 'THỰC HIỆN ĐỀ ÁN TRỒNG RỪNG TRÊN ĐỊA', 'BÀN TỈNH LÀO CAI, GIAI ĐOẠN 2021 - 2025', 'Căn cứ Luật Lâm nghiệp năm 2017;');
    expect(title(text).subject).toBe('THỰC HIỆN ĐỀ ÁN TRỒNG RỪNG TRÊN ĐỊA BÀN TỈNH LÀO CAI, GIAI ĐOẠN 2021 - 2025');
    // The enacting line still ends a decision's subject.
    const decision = lines('QUYẾT ĐỊNH', 'BAN HÀNH QUY CHẾ LÀM VIỆC', 'BAN THƯỜNG VỤ TỈNH ỦY', 'Căn cứ Điều lệ Đảng;');
    expect(title(decision).subject).toBe('BAN HÀNH QUY CHẾ LÀM VIỆC');
  });

  it('an ordinary-case subject wrapped where a name begins goes on; a body line after it does not', () => {
    const wrapped = lines(
      'KẾ HOẠCH',
      'Thông tin, tuyên truyền Cuộc bầu cử đại biểu Quốc hội khóa XV và bầu cử đại biểu',
      'Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026',
      'Thực hiện Kế hoạch số 12/KH-UBND ngày 01/3/2021 của UBND huyện, Ủy ban nhân dân xã xây dựng kế hoạch như sau:',
    );
    expect(title(wrapped).subject).toBe('Thông tin, tuyên truyền Cuộc bầu cử đại biểu Quốc hội khóa XV và bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026');
    // A sentence of the body, a short subject line, or a line the body goes on after: not the subject.
    const sentence = lines('KẾ HOẠCH', 'Thông tin, tuyên truyền Cuộc bầu cử đại biểu Quốc hội khóa XV năm 2021', 'Ủy ban nhân dân xã ban hành kế hoạch như sau:', 'I. MỤC ĐÍCH');
    expect(title(sentence).subject).toBe('Thông tin, tuyên truyền Cuộc bầu cử đại biểu Quốc hội khóa XV năm 2021');
    const short = lines('KẾ HOẠCH', 'Tuyên truyền bầu cử đại biểu', 'Hội đồng nhân dân các cấp', 'Căn cứ Luật Bầu cử;');
    expect(title(short).subject).toBe('Tuyên truyền bầu cử đại biểu');
    const goesOn = lines('KẾ HOẠCH', 'Thông tin, tuyên truyền Cuộc bầu cử đại biểu Quốc hội khóa XV và bầu cử năm 2021', 'Ủy ban nhân dân xã giao các ban, ngành thực hiện', 'các nội dung tuyên truyền trên địa bàn.');
    expect(title(goesOn).subject).toBe('Thông tin, tuyên truyền Cuộc bầu cử đại biểu Quốc hội khóa XV và bầu cử năm 2021');
  });

  it('a sentence before a later rule is body text, not subject', () => {
    const s = title(lines('KẾT LUẬN', 'hội nghị lần thứ 5', 'Ngày 02/3/2025, Hội nghị đã thảo luận.', '-----')).subject;
    expect(s).toBe('hội nghị lần thứ 5');
  });

  it('a công văn: the lines under the number up to `Kính gửi`', () => {
    const items = itemsOf(lines('Số 1520-CV/VPTU', 'V/v chuẩn bị nội dung Hội nghị Ban Thường vụ', 'Tỉnh ủy tháng 11/2024', '', 'Kính gửi: Các ban xây dựng Đảng.'));
    expect(readSubject(items, 1, null, true)!.piece.text).toBe('V/v chuẩn bị nội dung Hội nghị Ban Thường vụ Tỉnh ủy tháng 11/2024');
  });

  it('a công văn whose other header column comes after the subject', () => {
    const items = itemsOf(lines('Số 89-CV/ĐUK', 'V/v góp ý dự thảo Quy chế', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Buôn Ma Thuột, ngày 17 tháng 02 năm 2025'));
    expect(readSubject(items, 1, null, true)!.piece.text).toBe('V/v góp ý dự thảo Quy chế');
  });

  it('a công văn with the dateline between number and subject', () => {
    const items = itemsOf(lines('Số 89-CV/ĐUK', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Buôn Ma Thuột, ngày 17 tháng 02 năm 2025', 'V/v góp ý dự thảo Quy chế', '', 'Kính gửi: Các chi bộ.'));
    expect(readSubject(items, 1, null, true)!.piece.text).toBe('V/v góp ý dự thảo Quy chế');
  });
});

describe('subject without a type word or number', () => {
  it('a `V/v` line is a letter’s subject even when the number line is lost, and marks a công văn, to be checked', () => {
    const r = parseDocument(lines('TỈNH ỦY ĐẮK LẮK', '', 'V/v tăng cường quản lý con dấu', '', 'Kính gửi: Các huyện ủy.', '', 'Thực hiện …'));
    const m = r.metadata;
    expect([m.subject, m.docType, m.numberSymbol]).toEqual(['V/v tăng cường quản lý con dấu', 'CÔNG VĂN', null]);
    expect(r.review).toContain('docType');
  });
});
