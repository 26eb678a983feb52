import { describe, expect, it } from 'vitest';
import { isoDate, parseVietnameseDate, readPlaceDate } from '../../../shared/parser/dateLine';
import { readIssuer } from '../../../shared/parser/issuer';
import { findIncomingStamp } from '../../../shared/parser/incomingStamp';
import { readMark } from '../../../shared/parser/marks';
import { readNumberLine } from '../../../shared/parser/numberLine';
import { itemsOf, lines, segOf, segsOf } from './helpers';

describe('number line', () => {
  it('reads a party number-symbol and drops a stray escaped star', () => {
    const r = readNumberLine(segOf('Số 1485\\*-KL/TU'))!;
    expect(r.numberSymbol).toBe('1485-KL/TU');
    expect(r.abbr).toBe('KL');
    expect(r.bare).toBe(false);
  });

  it('reads `Số:` with State-form symbols', () => {
    expect(readNumberLine(segOf('Số: 66/NQ-CP'))!.numberSymbol).toBe('66/NQ-CP');
    expect(readNumberLine(segOf('SỐ 178/2024/NĐ-CP'))!.numberSymbol).toBe('178/2024/NĐ-CP');
  });

  it('puts back the slash a scan lost after a State number, and says it was repaired', () => {
    const r = readNumberLine(segOf('Số: 27KH-UBND Lào Cai, ngày 3 tháng 4 năm 2024'))!;
    expect(r.numberSymbol).toBe('27/KH-UBND');
    expect(r.form).toBe('state');
    expect(r.abbr).toBe('KH');
    expect(r.repaired).toBe(true);
    expect(readNumberLine(segOf('Số: 52SNV-TCBC'))!.numberSymbol).toBe('52/SNV-TCBC');
    // Only after a `Số` label; a sound number is not marked repaired.
    expect(readNumberLine(segOf('27KH-UBND'))).toBeNull();
    expect(readNumberLine(segOf('Số: 27/KH-UBND'))!.repaired).toBeUndefined();
    // The party shape has `-` after the number: `27-KH/TU` is read as it is.
    expect(readNumberLine(segOf('Số 27-KH/TU'))!.numberSymbol).toBe('27-KH/TU');
  });

  it('reads a party type whose last letter a scan read twice as that type, flagged', () => {
    const r = readNumberLine(segOf('Số: 66-QĐĐ/TW'))!;
    expect(r.numberSymbol).toBe('66-QĐ/TW');
    expect(r.abbr).toBe('QĐ');
    expect(r.repaired).toBe(true);
    // A doubled letter that is no slip of a type is left as printed.
    expect(readNumberLine(segOf('Số: 12-XX/TU'))!.numberSymbol).toBe('12-XX/TU');
    expect(readNumberLine(segOf('Số: 12-KL/TU'))!.repaired).toBeUndefined();
  });

  it('reads a number whose label a scan cut to its `S`', () => {
    expect(readNumberLine(segOf('S53/QĐ-UBND'))!.numberSymbol).toBe('53/QĐ-UBND');
    expect(readNumberLine(segOf('S53/QĐ-UBND'))!.bare).toBe(false);
  });

  it('reads a blank number as no number but keeps the type abbreviation', () => {
    const r = readNumberLine(segOf('Số      -KH/HU'))!;
    expect(r.numberSymbol).toBeNull();
    expect(r.abbr).toBe('KH');
  });

  it('keeps lowercase type letters of party abbreviations', () => {
    expect(readNumberLine(segOf('Số 12-TTr/HU'))!.numberSymbol).toBe('12-TTr/HU');
    expect(readNumberLine(segOf('Số 14-CTr/HU'))!.abbr).toBe('CTr');
  });

  it('reports where the number ends so a dateline on the same row can be read', () => {
    const seg = segOf('Số 2090-CV/TU Đắk Lắk, ngày 16 tháng 6 năm 2025');
    expect(readNumberLine(seg)!.end).toBe('Số 2090-CV/TU'.length);
  });

  it('does not take a wrapped body line for the number line', () => {
    expect(readNumberLine(segOf('số 18-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII'))).toBeNull();
    expect(readNumberLine(segOf('Số lượng đảng viên tăng 12%'))).toBeNull();
  });
});

describe('place and date line', () => {
  it('reads the place as written (typos kept) and the ISO date', () => {
    const r = readPlaceDate(segOf('Đắk Lăk, ngày 14 tháng 5 năm 2025'))!;
    expect(r.place!.text).toBe('Đắk Lăk');
    expect(r.date).toBe('2025-05-14');
    expect(r.datePiece.text).toBe('ngày 14 tháng 5 năm 2025');
  });

  it('accepts italics, capitals and a place with a dot', () => {
    expect(readPlaceDate(segOf('*TP. Buôn Ma Thuột, NGÀY 03 THÁNG 02 NĂM 2025*'))!.place!.text).toBe('TP. Buôn Ma Thuột');
    expect(readPlaceDate(segOf('Hà Nội, ngày 7/4/2025'))!.date).toBe('2025-04-07');
  });

  it('keeps the place but gives no date when the day is blank', () => {
    const r = readPlaceDate(segOf('Hòa Sơn, ngày ... tháng 6 năm 2025'))!;
    expect(r.place!.text).toBe('Hòa Sơn');
    expect(r.date).toBeNull();
    expect(r.unreadable).toBe(true);
  });

  it('rejects impossible dates', () => {
    expect(readPlaceDate(segOf('Gia Lai, ngày 31 tháng 2 năm 2025'))!.date).toBeNull();
    expect(isoDate(29, 2, 2024)).toBe('2024-02-29');
    expect(isoDate(29, 2, 2025)).toBeNull();
    expect(isoDate(1, 13, 2025)).toBeNull();
  });

  it('reads a scanned dateline whose month word lost its vowel (`thúng`) as tháng', () => {
    const r = readPlaceDate(segOf('Quảng Trị, ngày 09 thúng 11 năm 2021'))!;
    expect(r.place!.text).toBe('Quảng Trị');
    expect(r.date).toBe('2021-11-09');
    expect(readPlaceDate(segOf('Hà Giang, ngày 3 thòng 4 năm 2020'))!.date).toBe('2020-04-03');
    // Another word in the month's place is no dateline.
    expect(readPlaceDate(segOf('Hà Giang, ngày 3 thuong 4 năm 2020'))).toBeNull();
  });

  it('keeps the place of a scanned dateline whose year was read with a digit too many, and gives no date', () => {
    // `năm 19681` for 1981: which digit is the stray one the line does not say (1968, 1981, 1961).
    const r = readPlaceDate(segOf('Hà Nội, ngày 17 tháng 9 năm 19681'))!;
    expect(r.place!.text).toBe('Hà Nội');
    expect(r.date).toBeNull();
    expect(r.unreadable).toBe(true);
  });

  it('leaves out the star under the issuer read as a stray mark before the place', () => {
    for (const line of ['x Cao Bằng, ngày 14 tháng 5 năm 2024', 'x- Cao Bằng, ngày 14 tháng 5 năm 2024', '. Cao Bằng, ngày 14 tháng 5 năm 2024', '* Cao Bằng, ngày 14 tháng 5 năm 2024']) {
      const r = readPlaceDate(segOf(line))!;
      expect(r.place!.text, line).toBe('Cao Bằng');
      expect(r.date, line).toBe('2024-05-14');
    }
    // A lower-case word before the place is a sentence, not a stray mark.
    expect(readPlaceDate(segOf('xã Cao Bằng, ngày 14 tháng 5 năm 2024'))).toBeNull();
  });

  it('does not read a body sentence as the dateline', () => {
    expect(readPlaceDate(segOf('Ngày 06/8/2025, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị'))).toBeNull();
    expect(readPlaceDate(segOf('trước ngày 15 tháng 8 năm 2025'))).toBeNull();
  });

  it('parses dates in words or digits', () => {
    expect(parseVietnameseDate('ngày 14 tháng 5 năm 2025')).toBe('2025-05-14');
    expect(parseVietnameseDate('05/8/2025')).toBe('2025-08-05');
  });
});

describe('security and urgency marks', () => {
  it.each([
    ['MẬT', 'security', 'mat'],
    ['**TỐI MẬT**', 'security', 'toi_mat'],
    ['Tuyệt mật', 'security', 'tuyet_mat'],
    ['KHẨN', 'urgency', 'khan'],
    ['THƯỢNG KHẨN', 'urgency', 'thuong_khan'],
    ['HOẢ TỐC', 'urgency', 'hoa_toc'],
    ['(HỎA TỐC)', 'urgency', 'hoa_toc'],
    ['Độ mật: Mật', 'security', 'mat'],
    ['Độ khẩn: Khẩn', 'urgency', 'khan'],
  ])('%s', (text, kind, value) => {
    const m = readMark(segOf(text))!;
    expect([m.kind, m.value]).toEqual([kind, value]);
  });

  it('ignores the words inside other text', () => {
    expect(readMark(segOf('BẢO MẬT'))).toBeNull();
    expect(readMark(segOf('bảo vệ bí mật nhà nước'))).toBeNull();
    expect(readMark(segOf('Khẩn trương rà soát'))).toBeNull();
  });
});

describe('incoming stamp', () => {
  it('reads the multi-line stamp and keeps its receiver apart', () => {
    const segs = segsOf(lines('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'ĐẾN', 'Số: 5412', 'Ngày: 23/7', 'Chuyến:'));
    const r = findIncomingStamp(segs, 40)!;
    expect(r.stamp).toEqual({ receiver: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', number: '5412', date: '23/7' });
    expect([...r.used].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads a stamp written on one line', () => {
    const r = findIncomingStamp(segsOf('VĂN PHÒNG HĐND VÀ UBND HUYỆN LẮK ĐẾN Số: 318 Ngày: 12/9/2023'), 40)!;
    expect(r.stamp).toEqual({ receiver: 'VĂN PHÒNG HĐND VÀ UBND HUYỆN LẮK', number: '318', date: '12/9/2023' });
  });

  it('does not take the word "đến" in a sentence for a stamp', () => {
    expect(findIncomingStamp(segsOf('Từ tỉnh đến cơ sở\nSố: 12'), 40)).toBeNull();
  });
});

describe('issuer and superior body', () => {
  const issuerOf = (text: string) => {
    const items = itemsOf(text);
    const r = readIssuer(items, items.length);
    return [r.issuer?.text ?? null, r.parent?.text ?? null, r.doubtful];
  };

  it('a single body line above the star', () => {
    expect(issuerOf(lines('TỈNH ỦY ĐẮK LẮK', '*', 'Số 1-KL/TU'))).toEqual(['TỈNH ỦY ĐẮK LẮK', null, false]);
  });

  it('a superior body above the issuer', () => {
    expect(issuerOf(lines('ĐẢNG BỘ TỈNH ĐẮK LẮK', 'HUYỆN ỦY KRÔNG PẮC', '*', 'Số 2-NQ/HU'))).toEqual([
      'HUYỆN ỦY KRÔNG PẮC',
      'ĐẢNG BỘ TỈNH ĐẮK LẮK',
      false,
    ]);
    expect(issuerOf(lines('TỈNH ỦY GIA LAI', 'VĂN PHÒNG', '*', 'Số 3-TB/VPTU'))).toEqual(['VĂN PHÒNG', 'TỈNH ỦY GIA LAI', false]);
  });

  it('steps over the motto interleaved by a converter', () => {
    expect(issuerOf(lines('ĐẢNG BỘ TỈNH ĐẮK LẮK ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐẢNG ỦY XÃ EA KLY', '*'))).toEqual([
      'ĐẢNG ỦY XÃ EA KLY',
      'ĐẢNG BỘ TỈNH ĐẮK LẮK',
      false,
    ]);
  });

  it('joins a name wrapped over two lines, and flags it', () => {
    expect(issuerOf(lines('ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ', 'DOANH NGHIỆP TỈNH', '*', 'Số 4-CV/ĐUK'))).toEqual([
      'ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH',
      null,
      true,
    ]);
    // A department is never a superior body: `BAN THƯỜNG VỤ` over `HUYỆN ỦY …` is one name.
    expect(issuerOf(lines('BAN THƯỜNG VỤ', 'HUYỆN ỦY KRÔNG BÚK', '*'))[0]).toBe('BAN THƯỜNG VỤ HUYỆN ỦY KRÔNG BÚK');
  });

  it('ignores capitals that are not a body name (draft mark, unrecognised text)', () => {
    expect(issuerOf(lines('DỰ THẢO', 'HUYỆN ỦY LẮK', '*'))).toEqual(['HUYỆN ỦY LẮK', null, false]);
  });

  it('finds nothing without a header', () => {
    expect(issuerOf(lines('Số 4029-CV/TU', 'Triển khai thực hiện'))).toEqual([null, null, false]);
    expect(issuerOf(lines('KẾT LUẬN', 'CỦA BAN THƯỜNG VỤ TỈNH ỦY'))).toEqual([null, null, false]);
  });
});
