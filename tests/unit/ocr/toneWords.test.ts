import { describe, expect, it } from 'vitest';
import { chooseTones, retone } from '../../../shared/ocr/toneWords';
import { isPair, toneVariants, wordPairs } from '../../../shared/ocr/wordPairs';
import { vietnameseWordPairs } from '../../../electron/services/ocr/wordList';
import { confidenceOf, madeUpScan as scan } from '../../support/madeUpScan';

// A made-up word list: the rule is shown on it, then on the product's list below.
const pairs = wordPairs(['phổ biến', 'tổ chức', 'sửa đổi', 'bổ sung', 'đối với', 'thẩm quyền', 'an toàn khu', 'Hà Tĩnh', 'uỷ ban']);

describe('a word list of two-syllable words', () => {
  it('knows pairs apart from tone placement and case, and every pair inside a longer word', () => {
    expect(isPair(pairs, 'ỦY', 'BAN')).toBe(true);
    expect(isPair(pairs, 'toàn', 'khu')).toBe(true);
    expect(isPair(pairs, 'hà', 'tĩnh')).toBe(true);
    expect(isPair(pairs, 'phố', 'biến')).toBe(false);
  });

  it('gives the other tones of one syllable, the other kept as read', () => {
    expect(toneVariants(pairs, 'phố', 'biến', 0)).toEqual(['phổ']);
    expect(toneVariants(pairs, 'phố', 'biển', 0)).toEqual([]);
    expect(toneVariants(pairs, 'phổ', 'biến', 0)).toEqual([]);
  });

  it('puts a tone where the reading had its tone, in the reading’s letter case', () => {
    expect(retone('PHỐ', 'phổ')).toBe('PHỔ');
    expect(retone('tố', 'tổ')).toBe('tổ');
  });
});

describe('tones chosen by the words they make', () => {
  it('gives back a hỏi read as a sắc where only the hỏi makes a word, in capitals or small letters', () => {
    const { text, pages } = scan([['KẾ HOẠCH PHỐ@96 BIẾN GIÁO DỤC'], ['các tố@97 chức và cá nhân có thấm@96 quyền']]);
    const r = chooseTones(text, pages, pairs);
    expect(r.text).toContain('PHỔ BIẾN');
    expect(r.text).toContain('các tổ chức');
    expect(r.text).toContain('thẩm quyền');
    expect(r.corrected).toBe(3);
    expect(r.text.length).toBe(text.length);
    // The word keeps the recogniser's confidence; its item says what the text says.
    expect(confidenceOf(r.pages, 'PHỔ')).toEqual([96]);
    expect(r.pages[0]!.items.every((it) => r.text.slice(it.start, it.end) === it.text)).toBe(true);
  });

  it('reads both words of a pair the recogniser misread one by one (`sửa đối bố sung`)', () => {
    const { text, pages } = scan([['luật sửa đối bố sung một số điều']]);
    expect(chooseTones(text, pages, pairs).text).toBe('luật sửa đổi bổ sung một số điều');
  });

  it('leaves a word that makes a word as read, or whose hỏi makes none', () => {
    // `đối với` is a word: `đối` stays though `đổi` would make `sửa đổi` on the other side.
    const { text, pages } = scan([['sửa đối với nhau'], ['phố biển đẹp']]);
    expect(chooseTones(text, pages, pairs).text).toBe(text);
  });

  it('proposes no tone but the hỏi for a sắc: other tones are read right far more often than not', () => {
    // `tộ chức`, `tô chức`: the list has `tổ chức`, yet a nặng or a level tone is not the known misreading.
    const { text, pages } = scan([['các tộ chức và tô chức']]);
    expect(chooseTones(text, pages, pairs).text).toBe(text);
  });

  it('never changes a name, nor reads a word beside one', () => {
    const { text, pages } = scan([['Tố Chức là tên người'], ['Phố Biến'], ['ông PHỐ Biến']]);
    expect(chooseTones(text, pages, pairs).text).toBe(text);
  });

  it('reads a sentence’s first word with the small-letter word after it, and keeps its capital', () => {
    const { text, pages } = scan([['3. Tố chức thực hiện'], ['Thấm Quyền']]);
    const r = chooseTones(text, pages, pairs);
    expect(r.text).toContain('3. Tổ chức thực hiện');
    // Followed by a word in title case it is a name: left as read.
    expect(r.text).toContain('Thấm Quyền');
  });

  it('reads no pair across a paragraph', () => {
    const { text, pages } = scan([['các tố'], ['chức năng']]);
    expect(chooseTones(text, pages, pairs).text).toBe(text);
  });
});

describe('the product’s word list (@vntk/dictionary)', () => {
  it('holds the everyday two-syllable words of an administrative text', () => {
    const list = vietnameseWordPairs();
    for (const [a, b] of [['phổ', 'biến'], ['tổ', 'chức'], ['sửa', 'đổi'], ['bổ', 'sung'], ['thẩm', 'quyền'], ['ủy', 'ban']]) expect(isPair(list, a!, b!), `${a} ${b}`).toBe(true);
    const { text, pages } = scan([['TUYÊN TRUYỀN, PHỐ BIẾN PHÁP LUẬT'], ['Luật sửa đối, bố sung một số điều của Luật Tố chức chính quyền địa phương']]);
    const r = chooseTones(text, pages, list);
    expect(r.text).toContain('PHỔ BIẾN');
    expect(r.text).toContain('sửa đổi, bổ sung');
    expect(r.text).toContain('Tổ chức');
  });
});
