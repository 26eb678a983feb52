import { describe, expect, it } from 'vitest';
import { fold, foldOneToOne, foldWithOffsets, foldedRange, hasDiacritics } from '../../shared/text/fold';

describe('fold', () => {
  it('removes tones and vowel marks and lower-cases', () => {
    expect(fold('Bàn giao TÀI LIỆU')).toBe('ban giao tai lieu');
    expect(fold('Nghị quyết, Thông báo, Hướng dẫn')).toBe('nghi quyet, thong bao, huong dan');
  });

  it('folds đ and Đ to d, which Unicode decomposition does not do', () => {
    expect('đ'.normalize('NFD')).toBe('đ');
    expect(fold('Đắk Lắk, Đảng ủy')).toBe('dak lak, dang uy');
  });

  it('gives the same result for NFC and NFD input', () => {
    const nfc = 'Tuyệt mật, Thượng khẩn, Hỏa tốc';
    expect(fold(nfc.normalize('NFD'))).toBe(fold(nfc));
  });

  it('maps each folded character back to its source offset', () => {
    const text = 'Số 1485-KL/TU về bàn giao';
    const { folded, offsets } = foldWithOffsets(text);
    const at = folded.indexOf('ban giao');
    expect(text.slice(offsets[at], offsets[at + 'ban giao'.length])).toBe('bàn giao');
    expect(offsets[folded.length]).toBe(text.length);
  });

  it('folds a line as fold does, short or long, with a byte order mark, a lone half or an astral letter in it', () => {
    const lines = [
      'Đ',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      '\ufeffQUYẾT ĐỊNH về việc thành lập Ban Chỉ đạo',
      'Kính gửi: các đồng chí\ufeff Ủy viên Ban Thường vụ',
      'Ban Thường vụ 😀 Tỉnh ủy Đắk Lắk, ngày 12 tháng 3',
      'Ban Thường vụ \ud800 Tỉnh ủy Đắk Lắk, ngày 12 tháng 3',
      'Kết luận '.repeat(600),
    ];
    for (const line of lines) {
      const { folded, offsets } = foldWithOffsets(line);
      expect(folded).toBe(fold(line));
      expect(offsets).toHaveLength(folded.length + 1);
    }
  });

  it('folds a long text character by character, across its pieces, a byte order mark or a lone half at a piece’s start', () => {
    const byChar = (t: string) =>
      [...t.normalize('NFC')].map((ch) => (ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase())).join('');
    const body = 'Kết luận của Ban Thường vụ Đảng ủy. '.repeat(600);
    for (const text of [`\ufeff${body}`, `${'a'.repeat(8192)}\ufeff${body}`, `${'a'.repeat(8192)}\ud800${body}`, `${body}😀${body}`]) {
      expect(fold(text)).toBe(byChar(text));
    }
  });

  it('folds a whole text unit for unit, so that a range of its fold is the fold of that range', () => {
    const text = 'ĐẢNG BỘ TỈNH ĐẮK LẮK\nSố 12-NQ/TU, ngày 05 tháng 3 năm 2024 — “Về công tác lưu trữ”\n'.repeat(60);
    const whole = foldOneToOne(text)!;
    expect(whole).toBe(fold(text));
    for (const [from, to] of [[0, 0], [0, 20], [21, 104], [2500, 4900], [0, text.length]] as const) {
      expect(foldedRange(whole, from, to)).toEqual(foldWithOffsets(text.slice(from, to)));
    }
    // A character folding to two units (が: か and its voicing mark, outside the marks removed) or an astral one: none.
    expect(foldOneToOne('Số 12 \u304c về')).toBeNull();
    expect(foldOneToOne('Tài liệu 𝐀')).toBeNull();
  });

  it('folds again the text folded whole last as it folds any other (the import folds it twice)', () => {
    const text = `Nghị quyết ${'về công tác xây dựng Đảng. '.repeat(200)}`;
    const before = fold(text);
    foldOneToOne(text);
    expect(fold(text)).toBe(before);
    // A text of the same length but other words is folded, not taken from the one remembered.
    const other = text.replace('Nghị', 'Nghĩ');
    expect(fold(other)).toBe(before.replace('nghi', 'nghi'));
    expect(fold(`${text.slice(0, -1)}X`)).toBe(`${before.slice(0, -1)}x`);
  });

  it('tells text with diacritics from plain text', () => {
    expect(hasDiacritics('ban giao')).toBe(false);
    expect(hasDiacritics('bàn giao')).toBe(true);
    expect(hasDiacritics('dang uy Đ')).toBe(true);
  });
});
