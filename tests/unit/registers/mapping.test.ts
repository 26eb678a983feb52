import { describe, expect, it } from 'vitest';
import { sentence } from '../../../shared/contract/errors';
import { fieldOfHeader, findHeaderRow, suggestMapping } from '../../../shared/registers/fields';
import { parseRegisterDate, readRegisterRow } from '../../../shared/registers/values';

// Reading registers as offices keep them: headers written many ways, title rows above them, dates
// in several forms; and never a guessed value.

describe('register headers', () => {
  it('names the usual columns, with or without diacritics', () => {
    const cases: Array<[string, string | null]> = [
      ['Số, ký hiệu', 'numberSymbol'],
      ['So, ky hieu', 'numberSymbol'],
      ['Số và ký hiệu văn bản', 'numberSymbol'],
      ['SỐ, KÝ HIỆU', 'numberSymbol'],
      ['Ngày tháng', 'issueDate'],
      ['Ngay thang van ban', 'issueDate'],
      ['Ngày, tháng, năm', 'issueDate'],
      ['Ngày ban hành', 'issueDate'],
      ['Trích yếu', 'subject'],
      ['Tên loại và trích yếu nội dung', 'subject'],
      ['Trich yeu noi dung', 'subject'],
      ['Tên loại', 'docType'],
      ['Tác giả/Cơ quan ban hành', 'issuer'],
      ['Tac gia / Co quan ban hanh', 'issuer'],
      ['Nơi ban hành', 'issuer'],
      ['Hồ sơ số', 'fileCode'],
      ['Ho so so', 'fileCode'],
      ['Tờ số', 'sheetNumber'],
      ['To so', 'sheetNumber'],
      ['Ghi chú', 'notes'],
      ['Người ký', 'signerName'],
      // Not document fields: the register's own order and the day the copy arrived.
      ['STT', null],
      ['Số TT', null],
      ['Ngày đến', null],
      ['Đơn vị nhận', null],
      ['', null],
    ];
    for (const [header, field] of cases) expect(fieldOfHeader(header), header).toBe(field);
  });

  it('suggests one column per field, the first that matches', () => {
    const mapping = suggestMapping(['STT', 'Số, ký hiệu', 'Ngày tháng', 'Tên loại và trích yếu nội dung', 'Tác giả', 'Hồ sơ số', 'Tờ số', 'Ghi chú', 'Trích yếu (bản sao)']);
    expect(mapping).toEqual({ numberSymbol: 1, issueDate: 2, docType: null, subject: 3, issuer: 4, signerName: null, fileCode: 5, sheetNumber: 6, notes: 7 });
  });

  it('finds the header row under a title', () => {
    const rows = [['SỔ ĐĂNG KÝ VĂN BẢN ĐI', '', ''], ['Năm 2024', '', ''], [], ['STT', 'Số, ký hiệu', 'Ngày tháng', 'Trích yếu'], ['1', '12-KL/HU', '03/01/2024', 'x']];
    expect(findHeaderRow(rows)).toBe(3);
    expect(findHeaderRow([['a', 'b'], ['1', '2']])).toBe(0);
  });
});

describe('register values', () => {
  it('reads whole, valid days only', () => {
    expect(parseRegisterDate('14/5/2025')).toBe('2025-05-14');
    expect(parseRegisterDate('03-07-2020')).toBe('2020-07-03');
    expect(parseRegisterDate('3.7.2020')).toBe('2020-07-03');
    expect(parseRegisterDate('2024-02-29')).toBe('2024-02-29');
    expect(parseRegisterDate('ngày 14 tháng 5 năm 2025')).toBe('2025-05-14');
    for (const bad of ['31/02/2024', '29/02/2023', '14/5/25', '5/2025', '45000', '14/13/2024', 'tháng 5', '2025', '']) expect(parseRegisterDate(bad), bad).toBeNull();
  });

  it('takes mapped cells, never a guess, and flags what is empty or unreadable', () => {
    const mapping = { numberSymbol: 0, issueDate: 1, subject: 2, issuer: 3, fileCode: 4, sheetNumber: 5, notes: 6 };
    const ok = readRegisterRow(['1485 - KL/TU', '14/05/2025', '  hội nghị   lần thứ 32 ', 'Tỉnh ủy Đắk Lắk', '12', '3-5', ''], mapping);
    expect(ok.fields).toEqual({
      numberSymbol: '1485-KL/TU',
      issueDate: '2025-05-14',
      docType: null,
      subject: 'hội nghị lần thứ 32',
      issuer: 'Tỉnh ủy Đắk Lắk',
      signerName: null,
      fileCode: '12',
      sheetNumber: '3-5',
      notes: null,
    });
    expect(ok.reviewFields).toEqual(['docType']);
    expect(ok.problems).toEqual([]);
    expect(ok.empty).toBe(false);

    const bad = readRegisterRow(['', '31/02/2024', 'báo cáo', '', '', '', 'bản sao'], mapping);
    expect(bad.fields.issueDate).toBeNull();
    expect(bad.reviewFields).toEqual(['numberSymbol', 'issueDate', 'docType', 'issuer']);
    expect(bad.problems.map((p) => sentence('vi', p))).toEqual(['Ngày “31/02/2024” không đọc được thành một ngày đầy đủ: để trống, cần rà soát.']);
    expect(bad.problems.map((p) => sentence('en', p))).toEqual(['The date “31/02/2024” does not read as a whole day: left empty, to be reviewed.']);
    expect(readRegisterRow(['', '', '', '', '', '', ''], mapping).empty).toBe(true);
  });
});
