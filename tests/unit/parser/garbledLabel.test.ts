import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { lines } from './helpers';

// A ward committee's letter whose header a recogniser read: the `Kính gửi` label garbled after its
// first word, its addressee intact after the colon. Made-up texts in that shape.

const LETTER = ['ĐẢNG ỦY PHƯỜNG BÌNH AN', 'Số 12-CV/ĐU', 'V/v tổ chức hội nghị'];

describe('a Kính gửi label a recogniser garbled', () => {
  it('reads the addressee after the colon and flags it for review', () => {
    for (const label of ["Kính oxrr' Plano ít oy cử BOS:", 'Kính g3i:', "Kính g'ửi:"]) {
      const r = parseDocument(lines(...LETTER, `${label} Ban Chỉ huy Quân sự phường Bình An`, 'Thực hiện Kế hoạch của Quận ủy,'));
      expect([r.metadata.addressees, r.review.includes('addressees')], label).toEqual([['Ban Chỉ huy Quân sự phường Bình An'], true]);
    }
  });

  it('leaves a sentence opening with `Kính` and a colon alone, and `Kính trình:` as it was', () => {
    for (const line of ['Kính đề nghị các đồng chí: tham dự đầy đủ', 'Kính trình: Ban Thường vụ Quận ủy']) {
      expect(parseDocument(lines(...LETTER, line)).metadata.addressees, line).toEqual([]);
    }
  });

  it('reads a printed label as before, not flagged', () => {
    const r = parseDocument(lines(...LETTER, 'Kính gửi: Ban Chỉ huy Quân sự phường Bình An', 'Thực hiện Kế hoạch của Quận ủy,'));
    expect([r.metadata.addressees, r.review.includes('addressees')]).toEqual([['Ban Chỉ huy Quân sự phường Bình An'], false]);
  });
});
