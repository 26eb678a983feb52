import { describe, expect, it } from 'vitest';
import { csvField, reportCsvRow } from '../../shared/importing/report';

describe('the import report as CSV', () => {
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('never lets a spreadsheet run a cell as a formula', () => {
    for (const bad of ['=1+1', '+cmd', '-2+3', '@SUM(A1)']) expect(csvField(bad).replace(/^"/, '')[0]).toBe("'");
    // Numbers stay numbers.
    expect(csvField(-5)).toBe('-5');
  });

  it('writes one line per file, outcome in Vietnamese', () => {
    const line = reportCsvRow({ seq: 3, name: '/hồ sơ/a.txt', outcome: 'duplicate', documentId: 7, sha256: 'ab', size: 10, message: 'Đã có', at: '2025-01-01T00:00:00Z' });
    expect(line).toBe('3,/hồ sơ/a.txt,Trùng lặp,7,ab,10,Đã có,2025-01-01T00:00:00Z\r\n');
  });
});
