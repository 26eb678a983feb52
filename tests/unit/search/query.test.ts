import { describe, expect, it } from 'vitest';
import { allExpression, tierExpressions, withFlags } from '../../../shared/search/ftsExpr';
import { dateKey, dayOf, flag, idOfKey, keyRange } from '../../../shared/search/indexText';
import { numberKeyVariants, parseNumberQuery } from '../../../shared/search/numberQuery';
import { exactTokens, holdsExactly, parseQuery } from '../../../shared/search/parse';
import { holdsPhrase, phraseSlots, phraseVariants } from '../../../shared/search/phrase';
import { correctable, editsOf, offerable } from '../../../shared/search/typos';
import { spellingIn } from '../../../shared/search/spelling';

describe('number-symbol queries', () => {
  it('reads every spelling of a party number-symbol as the same key', () => {
    for (const text of ['1485-KL/TU', '1485 KL TU', 'KL/TU 1485', 'kl tu 1485', '1485/KL-TU', ' 1485 - kl / tu ', '1485-KL/TU.']) {
      expect(parseNumberQuery(text), text).toEqual({ key: '1485 kl tu', partial: false });
    }
    expect(parseNumberQuery('1485')).toEqual({ key: '1485', partial: true });
    expect(parseNumberQuery('1485 KL')).toEqual({ key: '1485 kl', partial: true });
    expect(parseNumberQuery('63-BC/UBKTTU')).toEqual({ key: '63 bc ubkttu', partial: false });
    expect(parseNumberQuery('41-KH/ĐU')).toEqual({ key: '41 kh du', partial: false });
  });

  it('reads State symbols, and leaves ordinary words alone', () => {
    expect(parseNumberQuery('178/2024/NĐ-CP')).toEqual({ key: '178 2024 nd cp', partial: false });
    expect(parseNumberQuery('NĐ-CP 178/2024')).toEqual({ key: '178 2024 nd cp', partial: false });
    expect(parseNumberQuery('27 nghị quyết')).toBeNull();
    expect(parseNumberQuery('tài liệu 2025')).toBeNull();
    expect(parseNumberQuery('12 34 56')).toBeNull();
  });

  it('looks a small number up with and without its leading zero', () => {
    expect(numberKeyVariants({ key: '1 kl tu', partial: false }).sort()).toEqual(['01 kl tu', '1 kl tu']);
  });
});

describe('parsing what is typed', () => {
  it('folds words, keeps their exact spelling, and reads quoted phrases', () => {
    const q = parseQuery('Bàn giao "tài liệu lưu trữ" đ');
    expect(q.words.map((w) => w.folded)).toEqual(['ban', 'giao', 'd']);
    expect(q.words[0]!.exact).toBe('bàn');
    expect(q.words[1]!.exact).toBeNull();
    expect(q.phrases.map((p) => p.map((w) => w.folded))).toEqual([['tai', 'lieu', 'luu', 'tru']]);
    expect(exactTokens(q)).toEqual(['liệu', 'bàn', 'tài', 'lưu']);
  });

  it('treats the last word as a prefix only while typing and once it has three letters', () => {
    expect(parseQuery('chuyển đổi số', { typing: true }).prefix).toBe(false);
    expect(parseQuery('chuyển đổi số', { typing: true }).tentative).toBe(true);
    expect(parseQuery('chuyển đổi s', { typing: true }).words.map((w) => w.folded)).toEqual(['chuyen', 'doi']);
    expect(parseQuery('nghiê', { typing: true }).prefix).toBe(true);
    expect(parseQuery('nghiê ', { typing: true }).prefix).toBe(false);
    expect(parseQuery('nghiê').prefix).toBe(false);
    expect(parseQuery('"tai lieu"', { typing: true }).prefix).toBe(false);
  });

  it('completes a short word being typed in the metadata only, a longer one everywhere', () => {
    const short = tierExpressions(parseQuery('chuyển đổi gia', { typing: true }));
    expect(short.map((t) => [t.tier, t.table, t.match])).toEqual([
      ['metaPhrase', 'meta', '"chuyen doi gia"*'],
      ['metaAll', 'meta', '"chuyen" AND "doi" AND "gia"*'],
      ['phrase', 'main', '"chuyen doi"'],
      ['all', 'main', '"chuyen" AND "doi"'],
    ]);
    expect(allExpression(parseQuery('gia', { typing: true }))).toEqual({ match: '"gia"*', table: 'meta' });
    expect(allExpression(parseQuery('chuyen doi giang', { typing: true }))).toEqual({ match: '"chuyen" AND "doi" AND "giang"*', table: 'main' });
  });

  it('builds well-formed expressions from anything, with the phrase tiers first', () => {
    for (const text of ['"', 'a"b"c', 'NEAR(x y)', 'x OR y AND z NOT', '*', '{subject}: x', "'; DROP TABLE x; --", 'ʒsecret', 'ʒf1']) {
      for (const tier of tierExpressions(parseQuery(text, { typing: true }))) {
        expect(tier.match.split('"').length % 2, `${text}: ${tier.match}`).toBe(1);
        expect(tier.match).not.toMatch(/ʒ/);
      }
    }
    expect(tierExpressions(parseQuery('ban giao tai lieu')).map((t) => [t.tier, t.table])).toEqual([
      ['metaPhrase', 'meta'],
      ['metaAll', 'meta'],
      ['phrase', 'main'],
      ['all', 'main'],
    ]);
    // Function words are left to the phrase tiers; a pasted subject keeps its most telling words.
    expect(allExpression(parseQuery('về bàn giao hồ sơ của các cơ quan'))!.match).toBe('"ban" AND "giao" AND "ho" AND "so" AND "co" AND "quan"');
    const pasted = parseQuery('kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 1990');
    expect(tierExpressions(pasted).map((t) => t.tier)).toEqual(['metaAll', 'all']);
    expect(allExpression(pasted)!.match).toBe('"tuong" AND "phong" AND "cach" AND "minh" AND "1990"');
    // A word typed twice (`điều động … đồng chí`) takes one place: the name's syllable keeps its own.
    expect(allExpression(parseQuery('về việc điều động, bổ nhiệm đồng chí Lê Thùy Vân'))!.match).toBe('"viec" AND "dieu" AND "dong" AND "nhiem" AND "thuy" AND "van"');
    // Repeating the word being typed keeps it a prefix.
    expect(allExpression(parseQuery('quyết định điều động, bổ nhiệm đồng chí Nguyễn Văn Nguyên', { typing: true }))!.match).toBe('"quyet" AND "dinh" AND "dieu" AND "nhiem" AND "nguyen"*');
    expect(allExpression(parseQuery('tại về tài liệu'))!.match).toBe('"tai" AND "ve" AND "tai" AND "lieu"');
    expect(withFlags('"x"', [[flag.fonds(3), flag.fonds(4)]], [flag.secret])).toBe('("x") AND ("ʒf3" OR "ʒf4") NOT "ʒsecret"');
  });
});

describe('index rows', () => {
  it('keys documents by date, then id, undated lowest', () => {
    expect(dayOf(null)).toBe(0);
    expect(dayOf('1900-01-01')).toBe(1);
    expect(dateKey(5, '2025-05-14')).toBeGreaterThan(dateKey(99, '2025-05-13'));
    expect(dateKey(5, null)).toBeLessThan(dateKey(1, '1990-01-01'));
    expect(idOfKey(dateKey(123_456, '2024-02-29'))).toBe(123_456);
    const [lo, hi] = keyRange('2024-01-01', '2024-12-31');
    expect(dateKey(7, '2024-06-01')).toBeGreaterThanOrEqual(lo);
    expect(dateKey(7, '2024-06-01')).toBeLessThanOrEqual(hi);
    expect(dateKey(7, '2025-01-01')).toBeGreaterThan(hi);
  });

  it('tells an exact spelling from a folded one, whole words only', () => {
    expect(holdsExactly('Thực hiện BÀN GIAO tài liệu', ['bàn', 'tài'])).toBe(true);
    expect(holdsExactly('Lập bản giao tài liệu', ['bàn'])).toBe(false);
    expect(holdsExactly('bàngiao', ['bàn'])).toBe(false);
    expect(holdsExactly('Đắk Lắk', ['đắk', 'lắk'])).toBe(true);
  });

  it('offers spellings one edit away', () => {
    const e = editsOf('ngheim');
    expect(e).toContain('nghiem');
    expect(e).toContain('nghem');
    expect(e).not.toContain('ngheim');
    // Two letters swapped anywhere in the word is one edit.
    expect(editsOf('thunog')).toContain('thuong');
    expect(editsOf('ngueyn')).toContain('nguyen');
  });

  it('searches other spellings of words of four letters or more, and only offers three-letter ones', () => {
    expect(correctable('hanx')).toBe(true);
    expect(correctable('tsi')).toBe(false);
    expect(offerable('tsi')).toBe(true);
    expect(offerable('xa')).toBe(false);
    expect(correctable('2024')).toBe(false);
    expect(editsOf('leiu')).toContain('lieu');
    expect(editsOf('tsi')).toContain('tai');
  });

  it('spells an offered query as the document does', () => {
    const text = 'Thực hiện đúng quy định về việc BÀN GIAO TÀI LIỆU, cơ sở dữ liệu';
    expect(spellingIn(text, ['ban', 'giao', 'tai', 'lieu'])).toBe('bàn giao tài liệu');
    expect(spellingIn('Đắk Lắk, ngày 14', ['dak', 'lak'])).toBe('đắk lắk');
    expect(spellingIn(text, ['giao', 'ban'])).toBeNull();
    expect(spellingIn(text, [])).toBeNull();
  });

  it('keeps the phrase tiers for a corrected word, each spelling side by side', () => {
    const q = parseQuery('ban thunog vu');
    const alts = new Map([['thunog', ['thuong']]]);
    const tiers = tierExpressions(q, alts);
    expect(tiers.map((t) => t.tier)).toEqual(['metaPhrase', 'metaAll', 'phrase', 'all']);
    expect(tiers[0]!.match).toBe('("ban thunog vu" OR "ban thuong vu")');
    expect(tiers[1]!.match).toBe('"ban" AND ("thunog" OR "thuong") AND "vu"');
    // Too many spellings to look for as phrases: the words apart only.
    const wide = new Map([['thunog', ['thuong', 'thung', 'thuog']], ['nghiem', ['nghiep', 'nghiam']]]);
    expect(tierExpressions(parseQuery('thunog nghiem'), wide).map((t) => t.tier)).toEqual(['metaAll', 'all']);
  });

  it('finds a phrase in a text with any spelling of a corrected word, side by side only', () => {
    const slots = phraseSlots(parseQuery('ban thunog vu').words, new Map([['thunog', ['thuong', 'thong']]]));
    expect(phraseVariants(slots)).toEqual([
      ['ban', 'thunog', 'vu'],
      ['ban', 'thuong', 'vu'],
      ['ban', 'thong', 'vu'],
    ]);
    expect(holdsPhrase('hoi nghi ban thuong vu thi uy'.split(' '), slots)).toBe(true);
    expect(holdsPhrase('ban thong vu'.split(' '), slots)).toBe(true);
    expect(holdsPhrase('ban chap hanh thuong vu'.split(' '), slots)).toBe(false);
    expect(holdsPhrase('ban thuong'.split(' '), slots)).toBe(false);
  });
});
