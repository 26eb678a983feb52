import { describe, expect, it } from 'vitest';
import { confirmCapitals } from '../../../shared/ocr/capitals';
import { undoubleMarks } from '../../../shared/ocr/doubledMarks';
import { type RecognisedPage, type RecognisedWord, ocrText } from '../../../shared/ocr/ocrText';
import { MISREAD_NUMERAL_CONFIDENCE, doubtMisreadNumerals, isMisreadNumeral } from '../../../shared/ocr/ordinals';
import { parseDocument } from '../../../shared/parser/parseDocument';

/** A made-up page: each entry of `lines` is one line; a word is `text` or `text@confidence` (95 when not given). */
function page(lines: string[]): RecognisedPage {
  const words: RecognisedWord[] = [];
  for (const [l, line] of lines.entries()) {
    let x = 0;
    for (const token of line.split(' ')) {
      const [text, conf] = token.split('@');
      words.push({ text: text!, x, y: 40 * l, width: text!.length * 10, height: 30, confidence: conf ? Number(conf) : 95, block: 1, paragraph: l + 1, line: 1 });
      x += text!.length * 10 + 10;
    }
  }
  return { index: 0, width: 2000, height: 3000, words };
}

const texts = (p: RecognisedPage) => p.words.map((w) => w.text).join(' ');

describe('a capital vowel read twice', () => {
  it('drops the extra letter when the body holds the word, keeping the body spelling', () => {
    const [p] = undoubleMarks([page(['NHIỆM VỤ PHÁT TRIỂỀN@41 KINH TẾ TRONG TÌNH HIÌNH@38 MỚI', 'Nhiệm vụ phát triển kinh tế trong tình hình mới.'])]);
    expect(texts(p!)).toContain('PHÁT TRIỂN KINH TẾ TRONG TÌNH HÌNH MỚI');
    // The letters were made single; the word is not yet trusted.
    expect(p!.words.find((w) => w.text === 'TRIỂN')!.confidence).toBe(41);
  });

  it('leaves the tones to the pairs of the body: `CÚŨA BAN` becomes `CỦA BAN`, then trusted', () => {
    const pages = undoubleMarks([page(['CÚŨA@30 BAN BÍ THƯ', 'Chỉ thị của Ban Bí thư; của Ban Thường vụ.'])]);
    const joined = ocrText(pages);
    const r = confirmCapitals(joined.text, joined.pages);
    expect(r.text).toContain('CỦA BAN BÍ THƯ');
    expect(r.pages[0]!.items.find((i) => i.text === 'CỦA')!.confidence).toBeGreaterThan(30);
  });

  it('changes nothing the body does not hold, and nothing that is a syllable or has no mark', () => {
    const lines = ['MỤC TIÊỀU@40 LẦN THỨ XIII QUẢN LÝ', 'Nội dung khác hẳn, lần thứ XIII.'];
    const [p] = undoubleMarks([page(lines)]);
    // `tiêu` is not in the body; `XIII` is a numeral (no mark), `QUẢN` a syllable.
    expect(texts(p!)).toBe(lines.join(' ').replace('@40', ''));
  });

  it('never touches words in small letters', () => {
    const lines = ['nhiệm vụ phát triểền', 'phát triển'];
    const [p] = undoubleMarks([page(lines)]);
    expect(texts(p!)).toBe(lines.join(' '));
  });
});

describe('a numeral after THỨ or KHÓA read as no numeral', () => {
  it('is doubted, however sure the recogniser was; a true numeral or digits are not', () => {
    const [p] = doubtMisreadNumerals([page(['ĐẠI HỘI LẦN THỨ XIH@93 CỦA ĐẢNG', 'KHÓA XVI@90 LẦN THỨ 13@90 KHOÁ Il@88'])]);
    const conf = (t: string) => p!.words.find((w) => w.text === t)!.confidence;
    expect(conf('XIH')).toBe(MISREAD_NUMERAL_CONFIDENCE);
    expect(conf('Il')).toBe(MISREAD_NUMERAL_CONFIDENCE);
    expect(conf('XVI')).toBe(90);
    expect(conf('13')).toBe(90);
    expect(isMisreadNumeral('XIII')).toBe(false);
    expect(isMisreadNumeral('HAI')).toBe(false);
  });

  it('keeps such a title out of the record: the subject waits for review', () => {
    const pages = doubtMisreadNumerals([page(['KẾ HOẠCH', 'THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ XIH@93 CỦA ĐẢNG', 'Thực hiện Nghị quyết Đại hội của Đảng, Ủy ban ban hành kế hoạch.'])]);
    const joined = ocrText(pages);
    const parsed = parseDocument(joined.text, joined.pages);
    expect(parsed.metadata.subject).toBeNull();
    expect(parsed.review).toContain('subject');
    // The same page read with the numeral right gives the subject.
    const right = ocrText([page(['KẾ HOẠCH', 'THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ XIII CỦA ĐẢNG', 'Thực hiện Nghị quyết Đại hội của Đảng, Ủy ban ban hành kế hoạch.'])]);
    expect(parseDocument(right.text, right.pages).metadata.subject).toBe('THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ XIII CỦA ĐẢNG');
  });
});
