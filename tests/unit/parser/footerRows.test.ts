import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { lines } from './helpers';

/** The footer fields of a made-up text: recipients, signer title and name. */
function footer(text: string): [string[], string | null, string | null] {
  const m = parseDocument(text).metadata;
  return [m.recipients, m.signerTitle, m.signerName];
}

const BODY = ['Kính gửi: Ủy ban nhân dân các xã, thị trấn.', 'Phòng Văn hóa đề nghị các đơn vị báo cáo kết quả trước ngày 30/6.', 'Trân trọng./.'];

describe('signature cells read on the recipients’ rows, line by line', () => {
  it('a title a narrow cell wrapped, its first part beside the label (`Nơi nhận: PHÓ GIÁM` / `ĐỐC`)', () => {
    const text = lines(...BODY, 'Nơi nhận: PHÓ GIÁM', 'ĐỐC', '- Như trên;', '- Các phòng chuyên môn;', '- Lưu: VT, TH.', 'Trần Văn Bình');
    expect(footer(text)).toEqual([['Như trên', 'Các phòng chuyên môn', 'Lưu: VT, TH'], 'PHÓ GIÁM ĐỐC', 'Trần Văn Bình']);
    // The same in a text layer that keeps the cells apart with a tab.
    const tabbed = lines(...BODY, 'Nơi nhận:\tCHỦ', 'TỊCH', '- Như trên;', '- Các phòng chuyên môn;', '- Lưu: VT, TH.', 'Trần Văn Bình');
    expect(footer(tabbed)).toEqual([['Như trên', 'Các phòng chuyên môn', 'Lưu: VT, TH'], 'CHỦ TỊCH', 'Trần Văn Bình']);
  });

  it('a signed note and a name split over two rows between the recipients', () => {
    const text = lines(...BODY, 'Nơi nhận: GIÁM', 'ĐỐC', '- Như trên;', '- Sở Nội vụ;', '(đã ký)', '- Các phòng chuyên môn; Trần', 'Văn Bình', '- Lưu: VT, TH.');
    expect(footer(text)).toEqual([['Như trên', 'Sở Nội vụ', 'Các phòng chuyên môn', 'Lưu: VT, TH'], 'GIÁM ĐỐC', 'Trần Văn Bình']);
    const tabbed = lines(...BODY, 'Nơi nhận:\tGIÁM', 'ĐỐC', '- Như trên;', '- Sở Nội vụ;', '(đã ký)', '- Các phòng chuyên môn;\tTrần', 'Văn Bình', '- Lưu: VT, TH.');
    expect(footer(tabbed)).toEqual([['Như trên', 'Sở Nội vụ', 'Các phòng chuyên môn', 'Lưu: VT, TH'], 'GIÁM ĐỐC', 'Trần Văn Bình']);
  });

  it('a recipient’s words a justified line put in cells of their own (`–` / `BGĐ` / `Sở` / `Nội vụ;`)', () => {
    const text = lines(...BODY, 'Nơi nhận:\tGIÁM ĐỐC', '- Như trên;', '–\tBGĐ\tSở\tNội vụ;', '- Lưu: VT, TH.', 'Trần Văn Bình');
    expect(footer(text)[0]).toEqual(['Như trên', 'BGĐ Sở Nội vụ', 'Lưu: VT, TH']);
  });

  it('the signer’s name on the last recipient’s row, one space after the item (`- Lưu: VT. Nguyễn Văn An`)', () => {
    expect(footer(lines(...BODY, 'Nơi nhận: KT. CHỦ TỊCH', '- Như trên; PHÓ CHỦ TỊCH', '- Sở Nội vụ;', '- Lưu: VT, TH. Trần Văn Bình'))).toEqual([
      ['Như trên', 'Sở Nội vụ', 'Lưu: VT, TH'],
      'PHÓ CHỦ TỊCH',
      'Trần Văn Bình',
    ]);
    // Only on the last row: a capitalised name-like tail with more recipients after it stays put.
    expect(footer(lines(...BODY, 'Nơi nhận:', '- Như trên; Hoàng Văn Thụ', '- Lưu: VT.'))[0]).toEqual(['Như trên; Hoàng Văn Thụ', 'Lưu: VT']);
  });

  it('leaves alone what is no wrapped title or split name', () => {
    // A body's word in capitals after the label is no title opener.
    expect(footer(lines(...BODY, 'Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Văn Bình'))).toEqual([
      ['Như trên', 'Lưu: VT'],
      'PHÓ CHỦ TỊCH',
      'Trần Văn Bình',
    ]);
    // A capitalised word after an item's `;` that makes no name with the next line stays the item's.
    expect(footer(lines(...BODY, 'Nơi nhận:', '- Như trên; Sở', 'Nội vụ;', '- Lưu: VT.'))[0]).toEqual(['Như trên; Sở Nội vụ', 'Lưu: VT']);
  });
});
