import { describe, expect, it } from 'vitest';
import { fold } from '../../shared/text/fold';
import { MAX_MARK_RUN, excessMarks, hasLongMarkRun, isPlainNfc, isStableUnit, streamSafe, toNfc } from '../../shared/text/normalize';

const CGJ = '\u034f';
const MARKS = '\u0301\u0300\u0323\u0309\u0303';
/** Longest run of combining marks in a text (U+034F, itself a mark of class 0, ends a run). */
const longestRun = (s: string) => Math.max(0, ...(s.replaceAll(CGJ, ' ').match(/\p{M}+/gu) ?? []).map((r) => Array.from(r).length));

describe('linear normalization (stream-safe text, UAX #15)', () => {
  it('leaves ordinary Vietnamese alone, composed or decomposed', () => {
    const text = 'Nghị quyết của Ban Chấp hành Đảng bộ tỉnh Đắk Lắk về công tác lưu trữ, Tuyệt mật, Hỏa tốc';
    expect(streamSafe(text)).toBe(text);
    expect(streamSafe(text.normalize('NFD'))).toBe(text.normalize('NFD'));
    expect(toNfc(text.normalize('NFD'))).toBe(text);
    expect(hasLongMarkRun(text.normalize('NFD'))).toBe(false);
  });

  it('cuts a run of marks longer than 30 into runs of at most 30, losing none', () => {
    const flood = `a${MARKS.repeat(21)}b`; // 105 marks on one letter
    const safe = streamSafe(flood);
    expect(hasLongMarkRun(flood)).toBe(true);
    expect(longestRun(safe)).toBe(MAX_MARK_RUN);
    expect(safe.split(CGJ).length - 1).toBe(3);
    expect(safe.replaceAll(CGJ, '')).toBe(flood);
    // Exactly 30 is already stream-safe.
    const thirty = `a${MARKS.repeat(6)}`;
    expect(streamSafe(thirty)).toBe(thirty);
    expect(streamSafe(`${thirty}\u0301`)).toBe(`${thirty}${CGJ}\u0301`);
  });

  it('counts a mark outside the BMP as one mark and never splits its surrogate pair', () => {
    const astral = '\u{1D167}'; // MUSICAL SYMBOL COMBINING TREMOLO-1, a combining mark
    const flood = `x${astral.repeat(40)}`;
    const safe = streamSafe(flood);
    expect(safe.split(CGJ).map((p) => Array.from(p).filter((c) => c === astral).length)).toEqual([30, 10]);
    // No lone surrogate anywhere.
    expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(safe)).toBe(false);
  });

  it('counts every mark past the 30th of each run, however much plain text stands before the first', () => {
    const plain = 'Nghị quyết về công tác lưu trữ của Đảng bộ. '.repeat(200);
    expect(isPlainNfc(plain)).toBe(true);
    expect(excessMarks(plain)).toBe(0);
    expect(excessMarks(`${plain}a${'\u0301'.repeat(40)} ${plain}e${'\u0300'.repeat(35)}`)).toBe(10 + 5);
    expect(hasLongMarkRun(`${plain}x${'\u{1D167}'.repeat(31)}`)).toBe(true);
    expect(hasLongMarkRun(`${plain}x${'\u{1D167}'.repeat(30)}`)).toBe(false);
  });

  it('gives NFC: the result of a flood normalizes to itself', () => {
    const flood = `ê${'\u0301\u0323'.repeat(5_000)} và ${'\u0309'.repeat(500)}`;
    const nfc = toNfc(flood);
    expect(nfc.normalize('NFC')).toBe(nfc);
    expect(longestRun(nfc)).toBeLessThanOrEqual(MAX_MARK_RUN);
    // Reordered within its first 30 marks (dot below first) and composed, as NFC does.
    expect(nfc.startsWith('ệ')).toBe(true);
  });
});

/** Folding as it was defined one character at a time: the chunked version must agree with it everywhere. */
function foldOneByOne(text: string): string {
  let out = '';
  for (const ch of toNfc(text)) {
    if (ch === 'đ' || ch === 'Đ') out += 'd';
    else out += ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  return out;
}

describe('text NFC as it stands', () => {
  it('takes as stable only units that normalization leaves alone, alone or beside any other of them', () => {
    const stable: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isStableUnit(c)) stable.push(String.fromCharCode(c));
    expect(stable.length).toBeGreaterThan(1000);
    expect(stable).toContain('ệ');
    expect(stable).toContain('–');
    for (const a of stable) {
      expect(a.normalize('NFC')).toBe(a);
      expect(a.normalize('NFD') === a || !/\p{M}/u.test(a)).toBe(true);
    }
    // A pair could compose (a letter and a mark): none of these does with any other.
    let changed = 0;
    for (const a of stable) for (const b of stable) if ((a + b).normalize('NFC') !== a + b) changed++;
    expect(changed).toBe(0);
    // What is left out: marks, singletons that decompose (EN QUAD, the Kelvin and Ångström signs).
    for (const c of [0x0301, 0x0340, 0x2000, 0x2001, 0x212a, 0x212b]) expect(isStableUnit(c)).toBe(false);
  });

  it('finds a text plain exactly when every unit of it is stable', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isPlainNfc(`Số 12-KL/TU ${String.fromCharCode(c)} Hà Nội`) !== isStableUnit(c)) wrong.push(c);
    expect(wrong).toEqual([]);
    expect(isPlainNfc('')).toBe(true);
    expect(isPlainNfc('Ban Thường vụ 😀')).toBe(false);
  });

  it('gives the same text for a document’s text however often it is asked, composed or decomposed', () => {
    const text = `Đắk Lắk, ngày 14 tháng 5 năm 2025 “Hỏa tốc” … ${'Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về công tác lưu trữ. '.repeat(60)}`;
    const nfd = text.normalize('NFD');
    for (let i = 0; i < 3; i++) {
      expect(toNfc(nfd)).toBe(text);
      expect(toNfc(text)).toBe(text);
      expect(toNfc(`${text}\u0301`)).toBe(`${text}\u0301`.normalize('NFC'));
    }
  });
});

describe('fold over long and odd texts', () => {
  it('agrees with folding one character at a time, across chunk boundaries, astral letters and lone surrogates', () => {
    const pieces = ['Đắk Lắk ', 'BÀN GIAO ', '𝐀𝐁 ', '\ud800', 'ß', 'ǅ', '\u0130', '한국 ', 'x'.repeat(8190), '\u0301\u0323', '\udc00', 'ﬁ', 'Ω'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = Array.from({ length: 3_000 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    expect(fold(text)).toBe(foldOneByOne(text));
  });

  it('folds 20 MB of one line without building it a character at a time', () => {
    const line = 'Bàn giao tài liệu lưu trữ '.repeat(800_000);
    const folded = fold(line);
    expect(folded.length).toBe(line.length);
    expect(folded.slice(0, 26)).toBe('ban giao tai lieu luu tru ');
  });
});
