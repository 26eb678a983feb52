import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { buildSegments, cleanCell, cleanInline, withLineCache } from '../../../shared/parser/clean';
import { SEEDS_DIR } from '../../support/paths';
import { spanOf } from '../../../shared/parser/piece';
import { lines, segsOf } from './helpers';

describe('cleanCell', () => {
  it('drops bold, italic, headings and escapes, keeping offsets into the input', () => {
    const raw = '## **Số 1485\\*-KL/TU**  ';
    const p = cleanCell(raw, 100);
    expect(p.text).toBe('Số 1485-KL/TU');
    expect(p.map).toHaveLength(p.text.length);
    // Every kept character points at the same character in the input.
    for (let i = 0; i < p.text.length; i++) {
      if (p.text[i] !== ' ') expect(raw[p.map[i]! - 100]).toBe(p.text[i]);
    }
    const span = spanOf(p)!;
    expect(raw.slice(span.start - 100, span.end - 100)).toBe('Số 1485\\*-KL/TU');
  });

  it('collapses whitespace runs (tabs, NBSP) to one space and trims', () => {
    expect(cleanCell('  Kính\u00a0\u00a0gửi:\t Ban   Thường vụ  ', 0).text).toBe('Kính gửi: Ban Thường vụ');
  });

  it('keeps escaped punctuation other than * and _', () => {
    expect(cleanInline('khu dân cư \\- hoàn thành \\(2025\\)')).toBe('khu dân cư - hoàn thành (2025)');
  });

  it('removes italic marks inside a line and strikethrough marks', () => {
    expect(cleanInline('hành vi sai phạm (*nếu có*) ~~xoá~~')).toBe('hành vi sai phạm (nếu có) xoá');
  });
});

describe('buildSegments', () => {
  it('one segment per non-blank line, counting the blank lines above', () => {
    const segs = segsOf(lines('A', '', '', 'B  ', '   ', 'C'));
    expect(segs.map((s) => [s.text, s.blankBefore])).toEqual([
      ['A', 0],
      ['B', 2],
      ['C', 1],
    ]);
  });

  it('recognises the decorative star and rules', () => {
    const segs = segsOf(lines('TỈNH ỦY ĐẮK LẮK', '\\*', '*', '-----', '***', '___', '- item'));
    expect(segs.map((s) => (s.star ? 'star' : s.sep ? 'sep' : s.text))).toEqual([
      'TỈNH ỦY ĐẮK LẮK',
      'star',
      'star',
      'sep',
      'sep',
      'sep',
      '- item',
    ]);
  });

  it('splits columns laid out with tabs or long space runs', () => {
    const segs = segsOf('HUYỆN ỦY CHƯ PĂH            ĐẢNG CỘNG SẢN VIỆT NAM\n- Như trên,\tBÍ THƯ');
    expect(segs.map((s) => [s.text, s.col, s.ncols])).toEqual([
      ['HUYỆN ỦY CHƯ PĂH', 0, 2],
      ['ĐẢNG CỘNG SẢN VIỆT NAM', 1, 2],
      ['- Như trên,', 0, 2],
      ['BÍ THƯ', 1, 2],
    ]);
  });

  it('does not split a slot left blank for the clerk', () => {
    const segs = segsOf(lines('Hòa Sơn, ngày      tháng 6 năm 2025', 'Số      -KH/HU'));
    expect(segs.map((s) => s.text)).toEqual(['Hòa Sơn, ngày tháng 6 năm 2025', 'Số -KH/HU']);
  });

  it('reads markdown pipe tables cell by cell and skips their rule row', () => {
    const segs = segsOf(lines('| TỈNH ỦY ĐẮK LẮK | **ĐẢNG CỘNG SẢN VIỆT NAM** |', '|---|---|', '| \\* | |'));
    expect(segs.map((s) => (s.star ? '*' : s.text))).toEqual(['TỈNH ỦY ĐẮK LẮK', 'ĐẢNG CỘNG SẢN VIỆT NAM', '*']);
  });

  it('handles CRLF line ends and marks bold lines', () => {
    const segs = segsOf('**KẾT LUẬN**\r\nplain\r\n');
    expect(segs.map((s) => [s.text, s.bold])).toEqual([
      ['KẾT LUẬN', true],
      ['plain', false],
    ]);
  });

  it('keeps offsets absolute when the window starts inside the text', () => {
    const text = 'xxxx\nNơi nhận:\n- A,';
    const segs = buildSegments(text, 5, text.length);
    expect(text.slice(segs[1]!.map[0], segs[1]!.map[segs[1]!.map.length - 1]! + 1)).toBe('- A,');
  });

  it('folds each segment for matching', () => {
    expect(segsOf('ĐẮK LẮK Uỷ')[0]!.folded).toBe('dak lak uy');
  });

  it('gives every window the same segments when the lines of one text are cleaned once', () => {
    const seed = fs.readFileSync(path.join(SEEDS_DIR, fs.readdirSync(SEEDS_DIR).find((n) => n.endsWith('.txt'))!), 'utf8');
    // A header run together on one line (cut into pieces), blank lines, a border line, columns.
    const text = `TỈNH ỦY ĐẮK LẮK *Số 12-KL/TU ĐẢNG CỘNG SẢN VIỆT NAM Đắk Lắk, ngày 14 tháng 5 năm 2025 KẾT LUẬN của Ban Thường vụ\n\n| |\n${seed}`;
    const mid = text.indexOf('\n', text.length >> 1) + 1;
    const windows: Array<[number, number, number?]> = [
      [0, text.length],
      [0, 8000, 150],
      [mid, text.length],
      [mid, mid + 700],
      [0, text.length, 5],
      [mid, text.length],
    ];
    const plain = windows.map(([from, to, max]) => buildSegments(text, from, Math.min(to, text.length), max));
    const cached = withLineCache(text, () => windows.map(([from, to, max]) => buildSegments(text, from, Math.min(to, text.length), max)));
    expect(plain[0]!.length).toBeGreaterThan(20);
    expect(plain[4]).toHaveLength(5);
    expect(cached).toEqual(plain);
    // Each window numbers its lines from its own start, even where it reuses another's.
    const first = cached[2]![0]!;
    const sameInWhole = cached[0]!.find((g) => g.map[0] === first.map[0])!;
    expect(first.line).toBeLessThan(5);
    expect(sameInWhole.line).toBeGreaterThan(first.line + 10);
    expect(cached[5]).not.toBe(cached[2]);
  });
});

