import { describe, expect, it } from 'vitest';
import { KNOWN_NAME_CONFIDENCE, trustKnownNames } from '../../../shared/ocr/knownNames';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { confidenceOf, madeUpScan as scan } from '../../support/madeUpScan';

const header = (name: string) => [
  ['HỘI ĐỒNG NHÂN DÂN', name],
  ['Số: 10/2008/NQ-HĐND'],
  ['NGHỊ QUYẾT'],
  ['Về việc ban hành nội quy kỳ họp'],
  ['Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;'],
];

describe('names of provinces and Government bodies read letter for letter', () => {
  it('trusts a province read exactly though the recogniser doubted a mark, and the issuer is kept', () => {
    const { text, pages } = scan(header('TỈNH ĐẮK LẮK@63'));
    // Without it the issuer is left for review: `LẮK` was read at 63%.
    expect(parseDocument(text, pages).metadata.issuer).toBeNull();
    const trusted = trustKnownNames(text, pages).pages;
    expect(confidenceOf(trusted, 'LẮK')).toEqual([KNOWN_NAME_CONFIDENCE]);
    const parsed = parseDocument(text, trusted);
    expect(parsed.metadata.issuer).toBe('HỘI ĐỒNG NHÂN DÂN TỈNH ĐẮK LẮK');
    expect(parsed.review).not.toContain('issuer');
  });

  it('leaves a name read with other marks doubtful, and changes no letter', () => {
    const { text, pages } = scan(header('TỈNH ĐÁK@60 LẮK@63'));
    const trusted = trustKnownNames(text, pages).pages;
    expect(confidenceOf(trusted, 'LẮK')).toEqual([63]);
    expect(confidenceOf(trusted, 'ĐÁK')).toEqual([60]);
    expect(parseDocument(text, trusted).metadata.issuer).toBeNull();
  });

  it('needs the whole name, in one paragraph, and words the recogniser saw at all', () => {
    // One word of a two-word name confirms nothing (`BÌNH` alone is no province).
    const one = scan([['TỈNH BÌNH@60'], ['ĐỊNH@60 là tên đất']]);
    expect(confidenceOf(trustKnownNames(one.text, one.pages).pages, 'BÌNH')).toEqual([60]);
    const faint = scan([['BỘ Y@20 TẾ@55']]);
    expect(confidenceOf(trustKnownNames(faint.text, faint.pages).pages, 'TẾ')).toEqual([55]);
  });

  it('trusts one word the recogniser hardly saw in a name of three words or more whose other words it read surely', () => {
    // `BỘ` read at 0 (a dash beside it taken into its box) at the end of the issuer cell's line.
    const { text, pages } = scan([['VĂN PHÒNG CHÍNH PHỦ - BỘ@0', 'NỘI VỤ'], ['Số: 02/2011/TTLT-VPCP-BNV'], ['THÔNG TƯ LIÊN TỊCH'], ['Hướng dẫn về tổ chức bộ máy'], ['Căn cứ Nghị định số 36/2008/NĐ-CP ngày 28 tháng 3 năm 2008;']]);
    expect(parseDocument(text, pages).metadata.issuer).toBeNull();
    const trusted = trustKnownNames(text, pages).pages;
    expect(confidenceOf(trusted, 'BỘ')).toEqual([KNOWN_NAME_CONFIDENCE]);
    expect(parseDocument(text, trusted).metadata.issuer).toBe('VĂN PHÒNG CHÍNH PHỦ - BỘ NỘI VỤ');
    // Two such words, another word itself unsure, a name of two words, a word of one letter (a
    // speck is easily read as one): the name stays doubtful.
    for (const read of [[['BỘ@0 NỘI@30 VỤ']], [['BỘ@0 NỘI@70 VỤ']], [['TỈNH BÌNH@0 ĐỊNH']], [['BỘ@90 Y@20 TẾ@95']]]) {
      const other = scan(read);
      expect(Math.min(...trustKnownNames(other.text, other.pages).pages.flatMap((p) => p.items.map((w) => w.confidence ?? 0)))).toBeLessThan(40);
    }
  });

  it('reads a Government body over a line break and with a dash between its words', () => {
    const { text, pages } = scan([['BỘ LAO ĐỘNG@70 -', 'THƯƠNG@68 BINH VÀ XÃ HỘI']]);
    const trusted = trustKnownNames(text, pages).pages;
    expect(confidenceOf(trusted, 'ĐỘNG')).toEqual([KNOWN_NAME_CONFIDENCE]);
    expect(confidenceOf(trusted, 'THƯƠNG')).toEqual([KNOWN_NAME_CONFIDENCE]);
    // Old tone placement is the same spelling.
    const old = scan([['TỈNH KHÁNH HOÀ@61']]);
    expect(confidenceOf(trustKnownNames(old.text, old.pages).pages, 'HOÀ')).toEqual([KNOWN_NAME_CONFIDENCE]);
  });

  it('gives the word tỉnh before a province its hook back, in any letter case, and nothing else', () => {
    const { text, pages } = scan([['BAN HÀNH QUY CHẾ TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG', 'TÍNH@49 KIÊN GIANG'], ['Ủy ban nhân dân tính Kiên Giang; quy hoạch tỉnh Hà Tĩnh; tính toán lại.']]);
    const r = trustKnownNames(text, pages);
    expect(r.text).toContain('TỈNH KIÊN GIANG');
    expect(r.text).toContain('tỉnh Kiên Giang');
    // `HÀ TĨNH` is a province read whole; `tính toán` stands before no province.
    expect(r.text).toContain('tỉnh Hà Tĩnh');
    expect(r.text).toContain('tính toán');
    expect(r.text.length).toBe(text.length);
    for (const it of r.pages[0]!.items) expect(r.text.slice(it.start, it.end)).toBe(it.text);
    expect(confidenceOf(r.pages, 'TỈNH')).toEqual([KNOWN_NAME_CONFIDENCE]);
  });
});

describe('the 34 provinces and cities after the 2025 arrangement', () => {
  it('lists 34 distinct units, each of two words or more trusted when read letter for letter in a header', async () => {
    const { PROVINCES_2025 } = await import('../../../shared/ocr/knownNames');
    expect(new Set(PROVINCES_2025).size).toBe(34);
    // A one-word name (`Huế`) confirms nothing: a common word could spell it.
    for (const name of PROVINCES_2025.filter((n) => n.includes(' '))) {
      const words = name.toUpperCase().split(' ');
      const { text, pages } = scan([['ỦY BAN NHÂN DÂN', `TỈNH ${words.map((w) => `${w}@55`).join(' ')}`]]);
      const trusted = trustKnownNames(text, pages).pages;
      expect(confidenceOf(trusted, words.at(-1)!), name).toEqual([KNOWN_NAME_CONFIDENCE]);
    }
  });
});
