import { describe, expect, it } from 'vitest';
import { excerptAt, reviewField, spansOf } from '../../shared/importing/reviewFields';

describe('review excerpts', () => {
  const text = 'TỈNH ỦY ĐẮK LẮK\n\n\nSố 1485-KL/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nĐắk Lăk, ngày 14 tháng 5 năm 2025\n\n**KẾT LUẬN**';
  const start = text.indexOf('Đắk Lăk');
  const span = { start, end: start + 'Đắk Lăk'.length };

  it('shows the found text with its surroundings, blank lines collapsed', () => {
    const e = excerptAt(text, span);
    expect(e.match).toBe('Đắk Lăk');
    expect(e.before.endsWith('ĐẢNG CỘNG SẢN VIỆT NAM\n')).toBe(true);
    expect(e.before).not.toMatch(/\n\n/);
    expect(e.after.startsWith(', ngày 14 tháng 5 năm 2025\n**KẾT LUẬN**')).toBe(true);
  });

  it('cuts long surroundings at a space and marks the cut', () => {
    const long = `${'lời mở đầu '.repeat(30)}Đắk Lăk${' và phần sau'.repeat(30)}`;
    const at = long.indexOf('Đắk Lăk');
    const e = excerptAt(long, { start: at, end: at + 7 });
    expect(e.before.startsWith('…')).toBe(true);
    expect(e.after.endsWith('…')).toBe(true);
    expect(e.before.length).toBeLessThan(100);
  });

  it('ignores spans that are malformed or outside the text', () => {
    const info = { spans: { place: [{ start: 5, end: 2 }, { start: 0, end: 9999 }, 'x', span] } };
    expect(spansOf(info, 'place', text.length)).toEqual([span]);
    expect(spansOf(null, 'place', text.length)).toEqual([]);
  });

  it('says why a field waits: empty, doubtful, or a stored reason (OCR)', () => {
    expect(reviewField('issueDate', null, text, null)).toMatchObject({ reason: 'empty', excerpt: null, spans: [] });
    expect(reviewField('place', 'Đắk Lăk', text, { spans: { place: [span] } })).toMatchObject({ reason: 'doubtful', excerpt: { match: 'Đắk Lăk' } });
    // A reason stored as plain text (before reasons were coded) reads as it was stored.
    expect(reviewField('fullText', null, '', { reviewReasons: { fullText: 'cần nhận dạng chữ (OCR)' } })).toMatchObject({ reason: 'ocr', note: 'cần nhận dạng chữ (OCR)' });
    expect(reviewField('fullText', null, '', { reviewReasons: { fullText: 'x' } }).noteText).toBeUndefined();
    // A coded one: the Vietnamese and the code, for the interface's language.
    const coded = reviewField('fullText', null, '', { reviewReasons: { fullText: { code: 'review.needsOcr', params: {} } } });
    expect(coded).toMatchObject({ reason: 'ocr', note: 'cần nhận dạng chữ (OCR)', noteText: { code: 'review.needsOcr' } });
  });
});
