import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { describe, expect, it } from 'vitest';
import { joinSplitNumberSymbols, pageLines } from '../../../electron/services/import/formats/pdfLines';
import { encodeTcvn3 } from '../../../shared/text/encodings/tcvn3';

// Lines rebuilt from text items the way PDF producers lay them out.

const SIZE = 10;
/** A text item at (x, y) whose characters are 5 units wide each. */
function item(str: string, x: number, y: number, fontName = 'f1', charWidth = 5): TextItem {
  return { str, dir: 'ltr', width: [...str].length * charWidth, height: SIZE, transform: [SIZE, 0, 0, SIZE, x, y], fontName, hasEOL: false };
}

describe('rebuilding PDF lines', () => {
  it('puts the header columns side by side with a tab, words with spaces, top to bottom', () => {
    const { lines } = pageLines([
      item('ĐẢNG CỘNG SẢN VIỆT NAM', 320, 800),
      item('TỈNH ỦY ĐẮK LẮK', 60, 800),
      item('Số', 60, 786),
      item('1485-KL/TU', 60 + 2 * 5 + 3, 786),
    ]);
    expect(lines).toEqual(['TỈNH ỦY ĐẮK LẮK\tĐẢNG CỘNG SẢN VIỆT NAM', 'Số 1485-KL/TU']);
  });

  it('keeps a wide vertical gap as a blank line', () => {
    const { lines } = pageLines([item('KẾT LUẬN', 250, 700), item('Ngày 14/5/2025, Hội nghị…', 60, 660)]);
    expect(lines).toEqual(['KẾT LUẬN', '', 'Ngày 14/5/2025, Hội nghị…']);
  });

  it('lets a letter of a fallback font win over the space drawn under it', () => {
    // LibreOffice draws `TỈNH` as `T NH` in the main font, then `Ỉ` alone in a second font.
    const { lines } = pageLines([item('T NH GIA LAI', 60, 800), item('Ỉ', 65, 800, 'f2')]);
    expect(lines).toEqual(['TỈNH GIA LAI']);
  });

  it('joins a word a fallback font split, and keeps real spaces where the font changes', () => {
    // `Ngh` in the main font, `ị` from the fallback font 3 units further (narrower than its slot),
    // then `quyết` after a real space; `Ban` then `Tổ` in another font after a small space.
    const { lines } = pageLines([item('Ngh', 60, 800), item('ị', 78, 800, 'f2', 3), item('quyết', 86, 800), item('Ban', 60, 786), item('Tổ', 78, 786, 'f2')]);
    expect(lines).toEqual(['Nghị quyết', 'Ban Tổ']);
  });

  it('drops control codes standing for glyphs without a character', () => {
    // A separately drawn accent, over the letter before it, that pdf.js reports as U+0003.
    expect(pageLines([item('Huy', 60, 800), item('\u0003', 70, 801.5, 'f2'), item('ện', 75, 800)]).lines).toEqual(['Huyện']);
  });

  it('reads text in .VnTime and .VnTimeH fonts by their names, TCVN3 ư drawn as a hyphen included', () => {
    const codes = (s: string) => encodeTcvn3(s).text.replace(/\u00ad/g, '-');
    const fonts: Record<string, { encoding: 'tcvn3'; capitals: boolean }> = { vn: { encoding: 'tcvn3', capitals: false }, vnh: { encoding: 'tcvn3', capitals: true } };
    const { lines, legacyFonts } = pageLines(
      [item(codes('ban thường vụ huyện ủy chư păh'), 60, 800, 'vnh'), item(codes('Lưu Văn phòng; CT-XH; kinh tế - xã hội; Bí thư'), 60, 786, 'vn'), item('Times 12-KL/TU', 60, 772, 'plain')],
      (name) => fonts[name] ?? null,
    );
    expect(lines).toEqual(['BAN THƯỜNG VỤ HUYỆN ỦY CHƯ PĂH', 'Lưu Văn phòng; CT-XH; kinh tế - xã hội; Bí thư', 'Times 12-KL/TU']);
    expect([...legacyFonts]).toEqual(['tcvn3']);
  });

  it('joins a number-symbol the line broke at its hyphen or slash, and nothing else', () => {
    expect(joinSplitNumberSymbols(['theo Quy định số 80-', 'QĐ/TW ngày 18/8/2022'])).toEqual(['theo Quy định số 80-QĐ/TW ngày 18/8/2022']);
    expect(joinSplitNumberSymbols(['Nghị quyết số 93/2023/NQ-', 'HĐND của Hội đồng'])).toEqual(['Nghị quyết số 93/2023/NQ-HĐND của Hội đồng']);
    expect(joinSplitNumberSymbols(['Nghị định số 178/', '2024/NĐ-CP'])).toEqual(['Nghị định số 178/2024/NĐ-CP']);
    expect(joinSplitNumberSymbols(['nhiệm kỳ 2020-', 'Tiếp tục'])).toEqual(['nhiệm kỳ 2020-', 'Tiếp tục']);
    expect(joinSplitNumberSymbols(['kinh tế -', 'xã hội'])).toEqual(['kinh tế -', 'xã hội']);
  });
});

describe('placing PDF line cells', () => {
  it('gives each cell between column gaps its text and box, top-left origin', () => {
    const { lines, placed } = pageLines(
      [item('ĐẢNG CỘNG SẢN VIỆT NAM', 320, 800), item('TỈNH ỦY ĐẮK LẮK', 60, 800), item('Số 1485-KL/TU', 70, 786)],
      () => null,
      842,
    );
    expect(lines).toEqual(['TỈNH ỦY ĐẮK LẮK\tĐẢNG CỘNG SẢN VIỆT NAM', 'Số 1485-KL/TU']);
    expect(placed.map((p) => p.text)).toEqual(['TỈNH ỦY ĐẮK LẮK', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 1485-KL/TU']);
    const [issuer, motto, number] = placed;
    expect(issuer).toMatchObject({ x: 60, width: 15 * 5, y: 842 - 800 - SIZE, height: SIZE });
    expect(motto!.x).toBe(320);
    // The second line is below the first.
    expect(number!.y).toBeGreaterThan(issuer!.y);
  });
});
