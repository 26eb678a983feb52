import { describe, expect, it } from 'vitest';
import { CONTESTED_CONFIDENCE, confirmCapitals, spellingKey } from '../../../shared/ocr/capitals';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { confidenceOf, madeUpScan as scan } from '../../support/madeUpScan';

describe('tones of words in capitals confirmed from the document', () => {
  it('restores a tone the capitals lost from the same pair of words in the body', () => {
    const { text, pages } = scan([['KẾT LUẬN'], ['CỦA BAN THƯỜNG VỤ TÍNH@62 ỦY'], ['Ban Thường vụ Tỉnh ủy đã họp và kết luận như sau.']]);
    const r = confirmCapitals(text, pages);
    expect(r.text).toContain('CỦA BAN THƯỜNG VỤ TỈNH ỦY');
    expect(r.text.length).toBe(text.length);
    expect(r.corrected).toBe(1);
    // The word is now read as the body's words were, and its box and range are kept.
    for (const it of r.pages[0]!.items) expect(r.text.slice(it.start, it.end)).toBe(it.text);
    expect(confidenceOf(r.pages, 'TỈNH')[0]).toBeGreaterThan(62);
  });

  it('uses the fixed phrases of headers when the body does not say them', () => {
    const { text, pages } = scan([['ĐĂNG@40 CỘNG SẢN VIỆT NAM'], ['QUYẾT ĐINH@55'], ['Nội dung văn bản.']]);
    const r = confirmCapitals(text, pages);
    expect(r.text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(r.text).toContain('QUYẾT ĐỊNH');
  });

  it('confirms a signing authority read as its fixed phrase (`TM.` before `ỦY BAN NHÂN DÂN`), never another prefix', () => {
    const { text, pages } = scan([['Quyết định này có hiệu lực từ ngày ký.'], ['| TM.@48 ỦY BAN NHÂN DÂN TỈNH'], ['TL.@48 ỦY BAN NHÂN DÂN TỈNH']]);
    const r = confirmCapitals(text, pages);
    expect(r.text).toBe(text);
    expect(confidenceOf(r.pages, 'TM.')[0]).toBe(100);
    // `TL.` (thừa lệnh) is a prefix of its own, but not one printed before a body's name: left as doubtful as it was read.
    expect(confidenceOf(r.pages, 'TL.')[0]).toBe(48);
  });

  it('leaves a word as read when the body writes the pair several ways, and marks it doubtful', () => {
    // `thể loại` and `thê loại` once each: nothing says which the title meant.
    const { text, pages } = scan([['VỀ THẾ@96 LOẠI VĂN BẢN'], ['Quy định về thể loại và thê loại văn bản.']]);
    const r = confirmCapitals(text, pages);
    expect(r.text).toBe(text);
    expect(r.corrected).toBe(0);
    expect(confidenceOf(r.pages, 'THẾ')[0]).toBe(CONTESTED_CONFIDENCE);
  });

  it('takes the hỏi of a pair the body writes with a hỏi and with a sắc over a circumflex, the recogniser erring only one way', () => {
    // As a 200-dpi scan reads a Trung ương quy định: the title and one body line lost the hỏi.
    const { text, pages } = scan([['VỀ THỂ LOẠI, THẤM@96 QUYỀN BAN HÀNH'], ['thẩm quyền ban hành văn bản; cơ quan có thấm quyền của Đảng.']]);
    const r = confirmCapitals(text, pages);
    expect(r.text).toContain('THẨM QUYỀN BAN HÀNH');
    expect(r.corrected).toBe(1);
    expect(confidenceOf(r.pages, 'THẨM')[0]).toBeGreaterThanOrEqual(96);
    // A sắc the body never writes with a hỏi stays as read (`đối với` is a word of its own).
    const kept = scan([['ĐỐI VỚI CÁN BỘ'], ['đối với cán bộ; đối với đảng viên.']]);
    expect(confirmCapitals(kept.text, kept.pages).text).toContain('ĐỐI VỚI CÁN BỘ');
  });

  it('takes the spelling the body uses at least twice as often as every other together', () => {
    const { text, pages } = scan([['BAN TỐ@90 CHỨC TỈNH ỦY'], ['Ban Tổ chức Tỉnh ủy; ban tổ chức; ban tố chức; công tác tổ chức.']]);
    expect(confirmCapitals(text, pages).text).toContain('BAN TỔ CHỨC');
  });

  it('never changes letters, only tones and marks, and never a word with digits or in small letters', () => {
    const { text, pages } = scan([['KẾ HOẠCH SỐ 12@60 TRIỂN KHAI'], ['triển khai kế hoạch; trien khai lại.'], ['Triên khai@50 văn bản.']]);
    const r = confirmCapitals(text, pages);
    // `SỐ 12` has digits; the small-letter `Triên` is a reference, never a target.
    expect(r.text).toContain('SỐ 12');
    expect(r.text).toContain('Triên khai');
    // `TRIỂN KHAI` is written `triển khai` and `trien khai` once each: left as read.
    expect(r.text).toContain('TRIỂN KHAI');
  });

  it('confirms a number in capitals from the body (`QUẬN 2`), never changing it', () => {
    const { text, pages } = scan([['HỘI ĐỒNG NHÂN DÂN', 'QUẬN 2@58'], ['Hội đồng nhân dân Quận 2 khóa IX.']]);
    const r = confirmCapitals(text, pages);
    expect(r.text).toBe(text);
    expect(confidenceOf(r.pages, '2')[0]).toBeGreaterThan(58);
  });

  it('treats old and new tone placement as one spelling (`UỶ`/`ỦY`, `HOÀ`/`HÒA`)', () => {
    expect(spellingKey('UỶ')).toBe(spellingKey('ủy'));
    expect(spellingKey('hoà')).toBe(spellingKey('HÒA'));
    expect(spellingKey('thể')).not.toBe(spellingKey('thế'));
    const { text, pages } = scan([['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['TỈNH UỶ QUẢNG NAM'], ['Tỉnh ủy Quảng Nam.']]);
    expect(confirmCapitals(text, pages).text).toBe(text);
  });

  it('gives a subject the parser empties for doubtful words back once its words are confirmed', () => {
    const header = [['TỈNH ỦY NAM ĐỊNH', 'Số 12-KL/TU'], ['Nam Định, ngày 5 tháng 3 năm 2024'], ['KẾT LUẬN'], ['VỀ CÔNG TÁC CÁN BỘ CỦA TÍNH@60 ỦY'], ['Công tác cán bộ của Tỉnh ủy được kết luận như sau:']];
    const before = scan(header);
    expect(parseDocument(before.text, before.pages).metadata.subject).toBeNull();
    const after = confirmCapitals(before.text, before.pages);
    expect(parseDocument(after.text, after.pages).metadata.subject).toBe('VỀ CÔNG TÁC CÁN BỘ CỦA TỈNH ỦY');
  });
});
