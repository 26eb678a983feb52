import { describe, expect, it } from 'vitest';
import { lostAccentedLetters } from '../../../shared/parser/lostLetters';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { fold } from '../../../shared/text/fold';

/** The rule as written first: each `\p{L}+` word with a lower-case letter counts, and lacks a vowel when its folded form has none. */
function reference(text: string): boolean {
  const sample = text.slice(0, 20000);
  let words = 0;
  let voweless = 0;
  for (const m of sample.matchAll(/\p{L}+/gu)) {
    if (!/\p{Ll}/u.test(m[0])) continue;
    words++;
    if (!/[aeiouy]/.test(fold(m[0]))) voweless++;
  }
  return words >= 30 && voweless / words >= 0.1;
}

/** A deterministic generator (no flaky seeds). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

// Sound words, words that lost their vowels, capitals, decomposed marks, letters outside the BMP, digits and punctuation.
const PIECES = ['Thực', 'hiện', 'Nghị', 'quyết', 'Thc', 'hin', 'Ngh', 'quyt', 'TNH', 'Ph', 'th', 'UBND', 'HĐND', 'Hà', 'N', 'i', 'đ', 'Đ', 'được', 'trng', 'a\u0301', 'u\u031b\u0300', 'n\u0303g', 'x', '𝐚𝐛', '𝐀', 'ΣΩ', 'λ', 'ǅ', '2025', '15/8', '-', ',', '.', ' ', ' ', '\n', '\t'];

describe('a text layer that lost its accented letters', () => {
  it('is told the same way as by the rule word by word, on texts of every kind of letter', () => {
    const next = rng(7);
    let lost = 0;
    for (let t = 0; t < 400; t++) {
      const n = 20 + Math.floor(next() * 160);
      const voweless = next();
      let text = '';
      for (let i = 0; i < n; i++) {
        const piece = next() < voweless * 0.4 ? PIECES[4 + Math.floor(next() * 6)]! : PIECES[Math.floor(next() * PIECES.length)]!;
        text += piece + (next() < 0.7 ? ' ' : '');
      }
      const expected = reference(text);
      if (expected) lost++;
      expect(lostAccentedLetters(text), JSON.stringify(text)).toBe(expected);
    }
    // Both answers occur, so the comparison means something.
    expect(lost).toBeGreaterThan(20);
    expect(lost).toBeLessThan(380);
  });

  it('reads the two kinds of layer apart', () => {
    const sound = 'Thực hiện Nghị quyết số 15-NQ/TU của Ban Thường vụ Tỉnh ủy về công tác lưu trữ tài liệu, '.repeat(3);
    const lostLayer = 'Thc hin Ngh quyt s 15-NQ/TU ca Ban Thng v Tnh y v cng tc lu tr ti liu, '.repeat(3);
    expect(lostAccentedLetters(sound)).toBe(false);
    expect(lostAccentedLetters(lostLayer)).toBe(true);
  });
});

describe('numbers in a text layer that lost its accented letters', () => {
  // `Quyết định số 12/QĐ-UBND` read as `Quyt nh s 12/Q-UBND`: the `Đ` of a code is gone too.
  const page = (own: string) =>
    [
      'UBND TNH AN LC',
      'S VN HA, TH THAO',
      'V DU LCH',
      `S: ${own}`,
      'CNG HA X HI CH NGHA VIT NAM',
      'c lp - T do - Hnh phc',
      'An Lc, ngy 05 thng 3 nm 2020',
      'HNG DN',
      'Thc hin cng tc th vin nm 2020',
      'Cn c Quyt nh s 12/Q-UBND ngy 10/01/2020 ca UBND tnh; Cn c Ngh nh s 45/2019/N-CP ngy 02/3/2019 ca Chnh ph; Cn c Thng t s 05/2020/TT-BVHTTDL ca B Vn ha, Th thao v Du lch, S hng dn nh sau: thc hin cc nhim v trng tm ca ngnh trong nm 2020 theo k hoch c giao.',
    ].join('\n');

  it('leaves the citations empty for review when a cited code lost its Đ (Q-UBND, N-CP), never a damaged number', () => {
    const r = parseDocument(page('120/HD-SVHTTDL'));
    expect(r.metadata.numberSymbol).toBe('120/HD-SVHTTDL');
    expect(r.metadata.citations).toEqual([]);
    expect(r.review).toContain('citations');
  });

  it('leaves its own number empty when its code lost the Đ', () => {
    const r = parseDocument(page('120/Q-UBND'));
    expect(r.metadata.numberSymbol).toBeNull();
    expect(r.review).toContain('numberSymbol');
  });
});

describe('a number whose code lost the stroke of its Đ', () => {
  // A recogniser or a converter without Vietnamese reads `Đ` as `D`, in a text that kept every
  // other letter: `Số 27-KH/DU` for `27-KH/ĐU`. No code is spelt so; the number is not legible as written.
  const head = (number: string) => lines('ĐẢNG ỦY PHƯỜNG AN LẠC', `Số ${number}`, 'An Lạc, ngày 5 tháng 3 năm 2025', 'KẾ HOẠCH', 'sắp xếp cán bộ, công chức', 'I. MỤC ĐÍCH, YÊU CẦU');
  const lines = (...ls: string[]) => ls.join('\n');

  it('leaves the own number empty for review, and keeps the rest', () => {
    for (const n of ['27-KH/DU', '27-KH/DUK']) {
      const r = parseDocument(head(n));
      expect(r.metadata.numberSymbol, n).toBeNull();
      expect(r.review, n).toContain('numberSymbol');
      expect(r.metadata.docType).toBe('KẾ HOẠCH');
      expect(r.metadata.issuer).toBe('ĐẢNG ỦY PHƯỜNG AN LẠC');
    }
    const state = parseDocument(lines('ỦY BAN NHÂN DÂN TỈNH AN LẠC', 'Số: 12/QD-UBND', 'An Lạc, ngày 5 tháng 3 năm 2025', 'QUYẾT ĐỊNH', 'Về việc thành lập tổ công tác', 'Căn cứ Luật Tổ chức chính quyền địa phương năm 2015 và các văn bản hướng dẫn thi hành luật này;'));
    expect(state.metadata.numberSymbol).toBeNull();
  });

  it('reads codes that print a plain D as they are', () => {
    for (const n of ['27-KH/ĐU', '15-HD/BDVTU', '12-CV/BDVTW']) expect(parseDocument(head(n)).metadata.numberSymbol, n).toBe(n);
    expect(parseDocument(lines('SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'Số: 1062/SGDĐT-QLCL', 'An Lạc, ngày 5 tháng 3 năm 2025', 'V/v tổ chức thi', 'Kính gửi: Các trường')).metadata.numberSymbol).toBe('1062/SGDĐT-QLCL');
  });
});
