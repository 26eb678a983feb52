import { describe, expect, it } from 'vitest';
import { OCR_TEXT_DOUBT } from '../../../shared/parser/ocrDoubt';
import { PAIRED_FLOOR, trustPairedWords } from '../../../shared/ocr/pairedWords';
import { wordPairs } from '../../../shared/ocr/wordPairs';
import { vietnameseWordPairs } from '../../../electron/services/ocr/wordList';
import { confidenceOf, madeUpScan as scan } from '../../support/madeUpScan';

// A made-up word list: the rule is shown on it, then on the product's list below.
const pairs = wordPairs(['phân cấp', 'phổ thông', 'phố thông', 'địa bàn', 'giáo dục', 'ủy ban']);

describe('unsure syllables a word list vouches for', () => {
  it('trusts a syllable that makes a word of the list, as read, with a sure neighbour', () => {
    const { text, pages } = scan([['QUY ĐỊNH PHÂN@74 CẤP QUẢN LÝ'], ['giáo dục@70 mầm non']]);
    const r = trustPairedWords(text, pages, pairs);
    expect(confidenceOf(r.pages, 'PHÂN')).toEqual([OCR_TEXT_DOUBT]);
    expect(confidenceOf(r.pages, 'dục')).toEqual([OCR_TEXT_DOUBT]);
    // Nothing is re-spelt.
    expect(r.text).toBe(text);
  });

  it('leaves a syllable whose other tone makes a word with the same neighbour', () => {
    // `phổ thông` and `phố thông` are both in this list: the list cannot say which was printed.
    const { text, pages } = scan([['giáo dục phổ@74 thông']]);
    expect(confidenceOf(trustPairedWords(text, pages, pairs).pages, 'phổ')).toEqual([74]);
  });

  it('leaves a misread that makes no word, a neighbour itself unsure, and a syllable far below the threshold', () => {
    const { text, pages } = scan([['trên địa bạn@50 tỉnh'], ['QUY ĐỊNH PHÂN@74 CẤP@60 QUẢN'], ['địa bàn@35 tỉnh']]);
    const r = trustPairedWords(text, pages, pairs);
    expect(confidenceOf(r.pages, 'bạn')).toEqual([50]);
    expect(confidenceOf(r.pages, 'PHÂN')).toEqual([74]);
    expect(confidenceOf(r.pages, 'bàn')).toEqual([35]);
    expect(35).toBeLessThan(PAIRED_FLOOR);
  });

  it('vouches for a syllable read at 40–60 that only its reading makes a word with a sure neighbour', () => {
    // `TRIỂN@42 KHAI` opening a plan's subject: `TRIỂN KHAI` is a word, no other tone of `TRIỂN` makes one with `KHAI`.
    const { text, pages } = scan([['TRIỂN@42 KHAI THỰC HIỆN ĐỀ ÁN'], ['địa bàn@40 tỉnh']]);
    const r = trustPairedWords(text, pages, vietnameseWordPairs());
    expect(confidenceOf(r.pages, 'TRIỂN')).toEqual([OCR_TEXT_DOUBT]);
    expect(confidenceOf(r.pages, 'bàn')).toEqual([OCR_TEXT_DOUBT]);
  });

  it('asks only the neighbours of the same paragraph, and no name in title case', () => {
    const { text, pages } = scan([['quy định phân@70'], ['cấp quản lý'], ['Ủy@70 Ban']]);
    const r = trustPairedWords(text, pages, pairs);
    expect(confidenceOf(r.pages, 'phân')).toEqual([70]);
    expect(confidenceOf(r.pages, 'Ủy')).toEqual([70]);
  });

  it('vouches with the product word list for the subjects of real scans', () => {
    const { text, pages } = scan([['BAN HÀNH QUY ĐỊNH PHÂN@74 CẤP QUẢN LÝ'], ['giáo dục phổ@74 thông']]);
    const r = trustPairedWords(text, pages, vietnameseWordPairs());
    expect(confidenceOf(r.pages, 'PHÂN')).toEqual([OCR_TEXT_DOUBT]);
    expect(confidenceOf(r.pages, 'phổ')).toEqual([OCR_TEXT_DOUBT]);
  });
});
