/**
 * Folding a stored text from its UTF-8 bytes must give exactly what `fold` gives the decoded text:
 * the search index of a document re-indexed by a bulk edit must equal the one its import wrote.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold } from '../../shared/text/fold';
import { foldUtf8, foldUtf8OrDecode } from '../../shared/text/foldUtf8';
import { SEED_FILES } from '../support/paths';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('folding UTF-8 bytes', () => {
  it('gives fold’s result for every character of the ranges it folds itself, each in context', () => {
    const ranges: Array<[number, number]> = [
      [0x00, 0x7f],
      [0x80, 0x24f],
      [0x1e00, 0x1eff],
      [0x2010, 0x205e],
    ];
    let checked = 0;
    for (const [lo, hi] of ranges) {
      for (let c = lo; c <= hi; c++) {
        const text = `Ab${String.fromCharCode(c)}Đắk ${String.fromCharCode(c)}`;
        const fast = foldUtf8(utf8(text));
        expect(fast, `U+${c.toString(16)}`).not.toBeNull();
        expect(fast, `U+${c.toString(16)}`).toBe(fold(text));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(900);
  });

  it('gives fold’s result on real documents, long ones included', () => {
    for (const file of SEED_FILES) {
      const text = fs.readFileSync(file, 'utf8');
      const fast = foldUtf8(utf8(text));
      expect(fast).not.toBeNull();
      expect(fast).toBe(fold(text));
      const long = text.repeat(8);
      expect(foldUtf8(utf8(long))).toBe(fold(long));
    }
  });

  it('leaves to fold what NFC would change or it does not cover, and the fallback still agrees', () => {
    const others = [
      'Tỉnh u\u0309y (decomposed, a combining mark)',
      'Ω ohm sign U+2126, Å angstrom U+212B',
      '中文 and 한국어 (conjoining: \u1100\u1161)',
      'emoji 📄 astral',
      'Ελληνικά ά',
    ];
    for (const text of others) {
      expect(foldUtf8(utf8(text)), text).toBeNull();
      expect(foldUtf8OrDecode(utf8(text))).toBe(fold(text));
    }
    const invalid = new Uint8Array([0x61, 0xc3, 0x28, 0x62, 0xe1, 0xbb]);
    expect(foldUtf8(invalid)).toBeNull();
    expect(foldUtf8OrDecode(invalid)).toBe(fold(new TextDecoder().decode(invalid)));
  });
});
