import { describe, expect, it } from 'vitest';
import { fold } from '../../../shared/text/fold';

/** Folding as defined: NFD, combining marks dropped, đ → d, lower case — one code point at a time. */
function reference(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return out;
}

describe('folding through the unit table', () => {
  it('gives what folding one code point at a time gives, on Vietnamese text, capitals, symbols and long inputs', () => {
    const samples = [
      'ĐẢNG CỘNG SẢN VIỆT NAM — Tỉnh ủy Đắk Lắk, ngày 14 tháng 5 năm 2025',
      'Số 1485-KL/TU · “Kết luận” (bàn giao tài liệu) ½ № ℃ ﬁ',
      'Nghị quyết 60-NQ/TW về sắp xếp tổ chức bộ máy; Ủy ban kiểm tra; Ỹ ỹ Ỵ ỵ',
      'decomposed: ' + 'Đắk Lắk'.normalize('NFD'),
      'x'.repeat(20_000) + 'Ồ' + 'ẫ'.repeat(9_000),
    ];
    for (const s of samples) expect(fold(s)).toBe(reference(s));
  });

  it('falls back to code points for astral characters and keeps them', () => {
    const s = 'Văn bản 𝐀𝐁 😀 Đắk';
    expect(fold(s)).toBe(reference(s));
    expect(fold(s)).toContain('😀');
  });
});
