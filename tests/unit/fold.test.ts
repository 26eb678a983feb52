import { describe, expect, it } from 'vitest';
import { fold, foldWithOffsets, hasDiacritics } from '../../shared/text/fold';

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

  it('tells text with diacritics from plain text', () => {
    expect(hasDiacritics('ban giao')).toBe(false);
    expect(hasDiacritics('bàn giao')).toBe(true);
    expect(hasDiacritics('dang uy Đ')).toBe(true);
  });
});
