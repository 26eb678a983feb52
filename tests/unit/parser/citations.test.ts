import { describe, expect, it } from 'vitest';
import { citationDisagrees, findCitations } from '../../../shared/parser/citations';

describe('citations', () => {
  it('party form with type word and date, across line breaks', () => {
    const text = 'theo Kết luận số 44-KL/TU ngày \n\n05/8/2025 của Ban Thường vụ';
    const at = text.indexOf('44-KL/TU');
    expect(findCitations(text, null)).toEqual([
      { numberSymbol: '44-KL/TU', form: 'party', docType: 'Kết luận', date: '2025-08-05', span: { start: at, end: at + 8 } },
    ]);
  });

  it('State forms', () => {
    const text = 'Nghị định số 178/2024/NĐ-CP, Nghị quyết số 66/NQ-CP ngày 26/3/2025, Công điện số 127/CĐ-TTg, Nghị quyết số 03/2025/NQ-HĐND và Thông tư 10/2022/TT-BNV';
    expect(findCitations(text, null).map((c) => [c.numberSymbol, c.form, c.docType, c.date])).toEqual([
      ['178/2024/NĐ-CP', 'state', 'Nghị định', null],
      ['66/NQ-CP', 'state', 'Nghị quyết', '2025-03-26'],
      ['127/CĐ-TTg', 'state', 'Công điện', null],
      ['03/2025/NQ-HĐND', 'state', 'Nghị quyết', null],
      ['10/2022/TT-BNV', 'state', 'Thông tư', null],
    ]);
  });

  it('a law whose legislature’s code is joined by a dash, spaced (`36/2005 – QH 11`, `36/2005-QH11`), as written', () => {
    const text = 'Căn cứ Luật Thương mại số 36/2005 – QH 11 ngày 14 tháng 6 năm 2005; Luật Dược số 34/2005-QH11; Luật Giáo dục số 38/2005/QH11 và tỷ lệ 12/2005 – 30 hồ sơ';
    expect(findCitations(text, null).map((c) => [c.numberSymbol, c.date])).toEqual([
      ['36/2005 – QH 11', '2005-06-14'],
      ['34/2005-QH11', null],
      ['38/2005/QH11', null],
    ]);
  });

  it('an old State symbol whose type and issuer a dot joins (`01/1999/QĐ.UB`)', () => {
    const text = 'thay thế Quyết định số 01/1999/QĐ.UB ngày 15/01/1999 và Quyết định số 45/QĐ.UBND của Ủy ban nhân dân tỉnh';
    expect(findCitations(text, null).map((c) => [c.numberSymbol, c.date])).toEqual([
      ['01/1999/QĐ.UB', '1999-01-15'],
      ['45/QĐ.UBND', null],
    ]);
    // A sentence that ends on a symbol is no joint: the next word is not part of it.
    expect(findCitations('theo Quyết định số 12/QĐ-UBND. Ủy ban giao Sở Nội vụ.', null).map((c) => c.numberSymbol)).toEqual(['12/QĐ-UBND']);
    expect(findCitations('theo Quyết định số 12/QĐ.Ủy ban giao', null).map((c) => c.numberSymbol)).toEqual(['12/QĐ']);
  });

  it('a type word broken over lines and a date in words', () => {
    const [c] = findCitations('(tại Công \n\nvăn số 71-CV/TU ngày 15 tháng 7 năm 2025)', null);
    expect([c!.docType, c!.date]).toEqual(['Công văn', '2025-07-15']);
  });

  it('excludes the document’s own number, also when written with a stray star', () => {
    expect(findCitations('Số 1485\\*-KL/TU … theo Kết luận số 1485-KL/TU', '1485-KL/TU')).toEqual([]);
  });

  it('deduplicates in first-occurrence order, keeping distinct symbols of one number', () => {
    const text = 'Kết luận số 16-KL/TW; Nghị quyết số 18-NQ/TW; Thông báo kết luận số 16-TB/TW; lại 16-KL/TW và 18-NQ/TW';
    expect(findCitations(text, null).map((c) => c.numberSymbol)).toEqual(['16-KL/TW', '18-NQ/TW', '16-TB/TW']);
  });

  it('a State symbol a line break cut at its hyphen is read whole, with its date', () => {
    const text = 'Xét đề nghị tại Tờ trình số 25/TTr-\nSNV ngày 02/3/2021 và Công văn số 7/UBND-\n  VX-TH, Quyết định số 3/QĐ-\nCăn cứ khác';
    expect(findCitations(text, null).map((c) => [c.numberSymbol, c.date])).toEqual([
      ['25/TTr-SNV', '2021-03-02'],
      ['7/UBND-VX-TH', null],
    ]);
  });

  it('does not read dates, ranges, percentages or bare numbers as citations', () => {
    expect(findCitations('nhiệm kỳ 2020-2025, ngày 15/7/2025, đạt 36,81%, Kết luận số 127, COVID-19, CT- XH', null)).toEqual([]);
  });

  it('flags a citation whose type word names another type than its symbol', () => {
    const [kl, qd] = findCitations('Thông báo kết luận số 16-KL/TW; Quy định số 24-QĐ/TW', null);
    expect(citationDisagrees(kl!)).toBe(true);
    // Central Committee regulations are numbered QĐ: not a mismatch.
    expect(citationDisagrees(qd!)).toBe(false);
  });

  it('reads codes joined by & and a joint a copy spaced or broke (only before a code in capitals)', () => {
    const text =
      'theo Thông tư liên tịch số 9/2010/TTLT-BTC-BNN&PTNT ngày 2/3/2010, Tờ trình số 41/TTr -\nNN&PTNT ngày 5/4/2011, ' +
      'văn bản số 77/KT- KĐ ngày 6.7.2012, Quyết định số 8/2003/QĐ/ UB-TC, Công văn số 55/GDĐT –KT&KĐCL và công văn số 12/UBND - Văn phòng tỉnh';
    expect(findCitations(text, null).map((c) => c.numberSymbol)).toEqual([
      '9/2010/TTLT-BTC-BNN&PTNT',
      '41/TTr-NN&PTNT',
      '77/KT-KĐ',
      '8/2003/QĐ/UB-TC',
      '55/GDĐT –KT&KĐCL',
      '12/UBND',
    ]);
  });

  it('reads a joint body’s long code (Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam)', () => {
    const text = 'Căn cứ Thông tư liên tịch số 5/2003/TTLT/BTTUBTWMTTQVN-BNV ngày 1/2/2003 của liên Bộ';
    expect(findCitations(text, null).map((c) => [c.numberSymbol, c.date])).toEqual([['5/2003/TTLT/BTTUBTWMTTQVN-BNV', '2003-02-01']]);
  });

  it('a symbol cut by a stray space is one citation with the whole symbol the text writes elsewhere', () => {
    const after = 'Thông tư số 3/2015/TT-BGDĐT ngày 1/2/2015; sửa đổi Thông tư 3/2015/TT-BGD ĐT ngày 1/2/2015';
    expect(findCitations(after, null).map((c) => c.numberSymbol)).toEqual(['3/2015/TT-BGDĐT']);
    const before = 'Thông tư 3/2015/TT-BGD ĐT ngày 1/2/2015 và Quyết định số 7/QĐ-UBND; Thông tư số 3/2015/TT-BGDĐT';
    expect(findCitations(before, null).map((c) => c.numberSymbol)).toEqual(['3/2015/TT-BGDĐT', '7/QĐ-UBND']);
    // Written only with the space, the capitals after it are not taken: nothing says they belong to it.
    expect(findCitations('Thông tư 3/2015/TT-BGD ĐT ngày 1/2/2015', null).map((c) => c.numberSymbol)).toEqual(['3/2015/TT-BGD']);
  });

  it('takes no number line for a citation: an own number the header could not read, a copy’s number', () => {
    const text = 'BAN BÍ THƯ\n*\nSố: 66-QĐĐ/TW\n\nQUY ĐỊNH\ntheo Quy định số 29-QĐ/TW ngày 25/7/2016\n\nSAO Y BẢN CHÍNH\nSố : 45-SY/VPTU';
    expect(findCitations(text, null).map((c) => c.numberSymbol)).toEqual(['29-QĐ/TW']);
    // Within a line a capital `Số` still cites, and so does a line that goes on after the symbol
    // as a wrapped title does; the dateline beside a number line does not make it a citation.
    expect(findCitations('Thực hiện Kết luận Số 44-KL/TU ngày 05/8/2025', null).map((c) => c.numberSymbol)).toEqual(['44-KL/TU']);
    expect(findCitations('KẾ HOẠCH\nSỐ 77-KH/TU NGÀY 14 THÁNG 3 NĂM 2022 CỦA BAN THƯỜNG VỤ', null).map((c) => c.numberSymbol)).toEqual(['77-KH/TU']);
    expect(findCitations('Số: 66-QĐĐ/TW        Hà Nội, ngày 06 tháng 02 năm 2017\nQUY ĐỊNH', null)).toEqual([]);
    // A number line does not hide the same symbol cited further on.
    expect(findCitations('Số 12-TB/VPTU\nthực hiện Thông báo số 12-TB/VPTU ngày 3/4/2025', null).map((c) => c.numberSymbol)).toEqual(['12-TB/VPTU']);
  });
});
