import { describe, expect, it } from 'vitest';
import { prepareQuery, tokenize } from '../../shared/search/query';
import { makeSnippet } from '../../shared/text/snippet';

describe('makeSnippet', () => {
  const text = 'Ngày 14/5/2025, Hội nghị đã thảo luận. Các cơ quan thực hiện thống kê, đóng gói, bàn giao tài liệu, dữ liệu theo quy định.';

  it('highlights the words found without diacritics, in their original spelling', () => {
    const segments = makeSnippet(text, tokenize('ban giao tai lieu'));
    const hits = segments.filter((s) => s.hit).map((s) => s.text);
    expect(hits.join(' ')).toContain('bàn giao tài liệu');
    expect(segments.map((s) => s.text).join('')).toContain('đóng gói');
  });

  it('centres on the place where the words stand together in the typed order', () => {
    const filler = 'Các cơ quan tiếp tục thực hiện nhiệm vụ được giao theo kế hoạch. '.repeat(6);
    const doc = `Không chuyển giao trái phép tài liệu, dữ liệu tài liệu. ${filler} Thực hiện đúng quy định về việc bàn giao tài liệu cho cơ quan kế thừa.`;
    const segments = makeSnippet(doc, tokenize('ban giao tai lieu'), 120);
    const shown = segments.map((s) => s.text).join('');
    expect(shown).toContain('bàn giao tài liệu');
    expect(shown).not.toContain('Không chuyển giao');
  });

  it('keeps markup in the text as plain text segments', () => {
    const segments = makeSnippet('<script>alert(1)</script> bàn giao', ['ban']);
    expect(segments.map((s) => s.text).join('')).toContain('<script>');
    expect(segments.find((s) => s.hit)?.text).toBe('bàn');
  });

  it('matches whole words, and a word still being typed at word starts', () => {
    const segments = makeSnippet('chuyển giao và giao nhận', ['giao']);
    expect(segments.filter((s) => s.hit).length).toBe(2);
    expect(makeSnippet('bangiao', ['giao']).some((s) => s.hit)).toBe(false);
    expect(makeSnippet('giaoduc và sớm', ['giao', 'so']).some((s) => s.hit)).toBe(false);
    const typing = makeSnippet('chuyển đổi và sớm', ['chuyen', 'so'], 240, { prefixes: ['so'] }).filter((s) => s.hit).map((s) => s.text);
    expect(typing).toEqual(['chuyển', 'sớ']);
  });

  it('marks the spelling typed with diacritics where the text holds it, else every folded match', () => {
    const text = 'Hồ sơ chuyên môn; chuyển đổi số tại cơ sở; chuyên đề về số hóa.';
    const exact = new Map([
      ['chuyen', 'chuyển'],
      ['doi', 'đổi'],
      ['so', 'số'],
    ]);
    const hits = makeSnippet(text, ['chuyen', 'doi', 'so'], 240, { exact }).filter((s) => s.hit).map((s) => s.text);
    expect(hits).toEqual(['chuyển đổi số', 'số']);
    // Typed without diacritics: every folded match.
    const folded = makeSnippet(text, ['chuyen', 'doi', 'so']).filter((s) => s.hit).map((s) => s.text);
    expect(folded).toEqual(['sơ chuyên', 'chuyển đổi số', 'sở', 'chuyên', 'số']);
    // A spelling the text does not hold falls back to the folded matches.
    const missing = makeSnippet('bản giao', ['ban'], 240, { exact: new Map([['ban', 'bàn']]) }).filter((s) => s.hit).map((s) => s.text);
    expect(missing).toEqual(['bản']);
  });

  it('marks words typed side by side as one highlight, and keeps apart ones apart', () => {
    const hits = makeSnippet('Diện tích sầu riêng tăng; sầu và riêng.', ['sau', 'rieng']).filter((s) => s.hit).map((s) => s.text);
    expect(hits).toEqual(['sầu riêng', 'sầu', 'riêng']);
  });

  it('returns a window of the text when nothing matches', () => {
    const long = 'a '.repeat(1000);
    const segments = makeSnippet(long, ['zzz'], 100);
    expect(segments.every((s) => !s.hit)).toBe(true);
    expect(segments.map((s) => s.text).join('').length).toBeLessThan(120);
  });
});

describe('prepareQuery', () => {
  it('folds, quotes every word and adds the phrase', () => {
    expect(prepareQuery('Bàn giao tài liệu').match).toBe('"ban giao tai lieu" OR ("ban" AND "giao" AND "tai" AND "lieu")');
  });

  it('turns FTS syntax into plain separators', () => {
    const q = prepareQuery('"ban" OR NEAR(giao* -tai) ^lieu:');
    expect(q.terms).toEqual(['ban', 'or', 'near', 'giao', 'tai', 'lieu']);
    expect(q.match).not.toMatch(/NEAR\(|\*|\^|:/);
  });

  it('has no match for text without words', () => {
    expect(prepareQuery('  -- ** "" ').match).toBeNull();
  });
});
