import { describe, expect, it } from 'vitest';
import { isCleanCell } from '../../../shared/parser/clean';

/** The units the cleaner takes for spaces (clean.ts `isSpaceCode`). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** A cell that cleans to itself, unit by unit: no marker first, no mark, escape or zero-width space, single U+0020 spaces inside only. */
function cleanByUnits(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (first === 35 || first === 62) return false;
  let space = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 92 || c === 42 || c === 95 || c === 126 || c === 0x200b || c === 0x200c || c === 0x200d) return false;
    if (isSpace(c)) {
      if (c !== 32 || space) return false;
      space = true;
    } else space = false;
  }
  return !space || raw.length === 0;
}

describe('a cell with nothing to clean', () => {
  it('is told by its units alone, whatever unit stands first, inside, doubled or last', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      for (const cell of [u, `${u}Số 12`, `Số${u}12`, `Số 12${u}`, `Số ${u}${u} 12`, `Số ${u} 12`]) {
        if (isCleanCell(cell) !== cleanByUnits(cell)) wrong.push(JSON.stringify(cell));
      }
    }
    expect(wrong).toEqual([]);
    expect(isCleanCell('')).toBe(true);
    expect(isCleanCell('Ban Thường vụ Tỉnh ủy')).toBe(true);
    expect(isCleanCell('**KẾT LUẬN**')).toBe(false);
  });
});
