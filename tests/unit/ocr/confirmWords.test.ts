import { describe, expect, it } from 'vitest';
import { OCR_SYMBOL_DOUBT } from '../../../shared/parser/ocrDoubt';
import {
  CONFIRM_BELOW,
  MAX_CONFIRMED_PER_PAGE,
  SURE_AGAIN_AT,
  agreeingConfidence,
  confirmBox,
  confirmedConfidence,
  needsConfirming,
  wordCore,
  wordsToConfirm,
} from '../../../shared/ocr/confirmWords';

const word = (text: string, confidence: number, left = 100, top = 200) => ({ text, confidence, left, top, width: 22 * text.length, height: 40 });

describe('words read again to confirm them', () => {
  it('compares a word by its letters and digits, not the dashes, quotes and stops a cut adds around it', () => {
    expect(wordCore('-BỘ')).toBe('BỘ');
    expect(wordCore('“TH&THCS:.')).toBe('TH&THCS');
    expect(wordCore('99/2015/NĐ-CP.')).toBe('99/2015/NĐ-CP');
    expect(wordCore('59/QĐ-UBND')).toBe('59/QĐ-UBND');
    expect(wordCore('--')).toBe('');
  });

  it('reads again only unsure number-symbols, in reading order, a page at most so many', () => {
    expect(needsConfirming(word('59/QĐ-UBND', 47))).toBe(true);
    expect(needsConfirming(word('66-QĐ/TW,', 20))).toBe(true);
    expect(needsConfirming(word('01/2018/TT-VPCP', 29))).toBe(true);
    expect(needsConfirming(word('17-CTr/TU', 60))).toBe(true);
    expect(needsConfirming(word('59/QĐ-UBND', CONFIRM_BELOW))).toBe(false);
    // Words of names, subjects and lists keep their doubt: it often stands for a misread layout.
    expect(needsConfirming(word('BỘ', 0))).toBe(false);
    expect(needsConfirming(word('GDNN-GDTX', 56))).toBe(false);
    expect(needsConfirming(word('22/10/2019', 40))).toBe(false);
    expect(needsConfirming(word('a', 10))).toBe(false);
    const page = Array.from({ length: 2 * MAX_CONFIRMED_PER_PAGE + 10 }, (_, i) => word(`${i}/QĐ-UBND`, i % 2 === 0 ? 40 : 96));
    const chosen = wordsToConfirm(page);
    expect(chosen).toHaveLength(MAX_CONFIRMED_PER_PAGE);
    expect(chosen[0]!.text).toBe('0/QĐ-UBND');
    expect(chosen.every((w) => w.confidence === 40)).toBe(true);
  });

  it('cuts a word out with white around it, inside the page', () => {
    expect(confirmBox(word('BỘ', 0, 100, 200), 2500, 3500)).toEqual({ left: 76, top: 186, width: 92, height: 68 });
    const atEdge = confirmBox(word('BỘ', 0, 5, 3480), 2500, 3500);
    expect(atEdge.left).toBe(0);
    expect(atEdge.top + atEdge.height).toBe(3500);
  });

  it('takes from a reading again only a word with the very same letters', () => {
    expect(agreeingConfidence('BỘ', [{ text: '-BỘ', confidence: 93 }])).toBe(93);
    expect(agreeingConfidence('59/QĐ-UBND', [{ text: ':', confidence: 90 }, { text: '59/QĐ-UBND', confidence: 86 }])).toBe(86);
    // A tone read otherwise is another word: nothing is re-spelt or confirmed.
    expect(agreeingConfidence('phổ', [{ text: 'phố', confidence: 90 }])).toBeNull();
    expect(agreeingConfidence('59/QĐ-UBND', [{ text: '559/QĐ-UBND', confidence: 90 }])).toBeNull();
    expect(agreeingConfidence('59/QĐ-UBND', [])).toBeNull();
  });

  it('confirms a word only when every reading gives it surely, and then at the least sure of them', () => {
    expect(confirmedConfidence(47, [82, 86])).toBe(82);
    expect(confirmedConfidence(0, [93, 93])).toBe(93);
    // A misread the model repeats at one scale changes at the other (`UBTUMTTQYVN` / `UBTUMTTQVN`).
    expect(confirmedConfidence(48, [null, 80])).toBe(48);
    expect(confirmedConfidence(20, [])).toBe(20);
  });

  it('confirms a symbol as far as its own doubt asks: both readings agreeing at 50 or more lift it there', () => {
    // `66-QĐ/TW` first read at 20, again at 63 (smaller) and 76 (its own size): a symbol, not in doubt.
    expect(SURE_AGAIN_AT).toBe(OCR_SYMBOL_DOUBT);
    expect(confirmedConfidence(20, [63, 76])).toBe(63);
    expect(confirmedConfidence(47, [73, 86])).toBe(73);
    // One reading under the symbol's threshold confirms nothing; nor does a reading that disagrees.
    expect(confirmedConfidence(20, [45, 90])).toBe(20);
    expect(confirmedConfidence(20, [63, null])).toBe(20);
  });
});
