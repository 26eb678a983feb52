import { describe, expect, it } from 'vitest';
import { codeTable } from '../../../shared/text/codeTable';

describe('codeTable', () => {
  it('marks exactly the units of its ranges, both ends included', () => {
    const table = codeTable([
      [9, 13],
      [0x2000, 0x200a],
      [0xfeff, 0xfeff],
    ]);
    const marked = [...table.keys()].filter((c) => table[c] === 1);
    const expected = [9, 10, 11, 12, 13, ...Array.from({ length: 11 }, (_, i) => 0x2000 + i), 0xfeff];
    expect(marked).toEqual(expected);
  });

  it('covers every UTF-16 code unit, so a lookup never falls outside it', () => {
    const table = codeTable([[0xffff, 0xffff]]);
    expect(table.length).toBe(0x10000);
    expect(table[0xffff]).toBe(1);
  });
});
