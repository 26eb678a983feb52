import { describe, expect, it } from 'vitest';
import { findTerms, highlightTerms, mergeRanges } from '../../../shared/text/findTerms';

const marked = (text: string, terms: string[]) => findTerms(text, terms).map(([s, e]) => text.slice(s, e));

describe('finding searched words in a shown text', () => {
  it('ignores case and diacritics, as search does, and marks the original characters', () => {
    expect(marked('Về việc BÀN GIAO tài liệu lưu trữ', ['ban giao'])).toEqual(['BÀN GIAO']);
    expect(marked('Đắk Lắk, ngày 14 tháng 5', ['dak lak'])).toEqual(['Đắk Lắk']);
  });

  it('matches whole words only', () => {
    expect(marked('bàn bạc, bàn giao; ban; bana', ['ban'])).toEqual(['bàn', 'bàn', 'ban']);
    expect(marked('Kết luận số 1485-KL/TU và 11485', ['1485'])).toEqual(['1485']);
  });

  it('finds a phrase across line breaks and keeps a number-symbol whole', () => {
    expect(marked('công tác\n  bàn   giao', ['bàn giao'])).toEqual(['bàn   giao']);
    expect(marked('Số 1485-KL/TU, ngày', ['1485-KL/TU'])).toEqual(['1485-KL/TU']);
  });

  it('keeps offsets right in decomposed (NFD) text', () => {
    const nfd = 'Tỉnh ủy Đắk Lắk'.normalize('NFD');
    const [range] = findTerms(nfd, ['dak lak']);
    expect(nfd.slice(range![0], range![1]).normalize('NFC')).toBe('Đắk Lắk');
  });

  it('ignores one-letter terms and empty input', () => {
    expect(findTerms('a b c', ['a'])).toEqual([]);
    expect(findTerms('', ['ban'])).toEqual([]);
    expect(findTerms('bàn giao', [])).toEqual([]);
  });

  it('merges overlapping ranges', () => {
    expect(mergeRanges([[5, 9], [0, 3], [2, 4], [9, 10]])).toEqual([[0, 4], [5, 10]]);
    expect(marked('ban giao tai lieu', ['ban giao', 'giao tai'])).toEqual(['ban giao tai']);
  });

  it('turns a search into the words and the phrase to mark', () => {
    expect(highlightTerms(' bàn giao "tài liệu" ')).toEqual(['bàn giao "tài liệu"', 'bàn', 'giao', 'tài', 'liệu']);
    expect(highlightTerms('')).toEqual([]);
  });
});

describe('where a field was read', () => {
  it('finds a date as the document writes it', async () => {
    const { fieldTerms } = await import('../../../shared/text/fieldTerms');
    const text = 'Đắk Lắk, ngày 14 tháng 5 năm 2025\nKẾT LUẬN ... ngày 06/8/2025';
    expect(marked(text, fieldTerms('issueDate', '2025-05-14'))).toEqual(['ngày 14 tháng 5 năm 2025']);
    expect(marked(text, fieldTerms('issueDate', '2025-08-06'))).toEqual(['06/8/2025']);
  });

  it('finds list items and a stamp by their parts', async () => {
    const { fieldTerms } = await import('../../../shared/text/fieldTerms');
    expect(fieldTerms('recipients', ['Như trên', 'Lưu Văn phòng'])).toEqual(['Như trên', 'Lưu Văn phòng']);
    expect(fieldTerms('incomingStamp', { receiver: 'VĂN PHÒNG TỈNH ỦY', number: '5412', date: null })).toEqual(['VĂN PHÒNG TỈNH ỦY', '5412']);
    expect(fieldTerms('notes', null)).toEqual([]);
  });
});

describe('number-symbols as real texts print them', () => {
  it('finds 1485-KL/TU with a stray markdown star or spaces around its marks', () => {
    expect(marked('Số 1485*-KL/TU ngày', ['1485-KL/TU'])).toEqual(['1485*-KL/TU']);
    expect(marked('Số 1485 - KL / TU ngày', ['1485-KL/TU'])).toEqual(['1485 - KL / TU']);
    expect(marked('Số 1485-KL/TUX', ['1485-KL/TU'])).toEqual([]);
  });
});

describe('where a field was read, exactly first', () => {
  it('marks the very words when the text has them, else what search would find', async () => {
    const { findReadTerms } = await import('../../../shared/text/findTerms');
    const text = 'TỈNH ỦY ĐẮK LẮK\nĐắk Lăk, ngày 14 tháng 5 năm 2025';
    expect(findReadTerms(text, ['Đắk Lăk']).map(([s, e]) => text.slice(s, e))).toEqual(['Đắk Lăk']);
    expect(findReadTerms(text, ['dak lak']).map(([s, e]) => text.slice(s, e))).toEqual(['ĐẮK LẮK', 'Đắk Lăk']);
  });
});
