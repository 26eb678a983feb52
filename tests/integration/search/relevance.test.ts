import { describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/createServices';
import { SEED, SEED_FILES } from '../../support/paths';
import { testAppOf } from '../../support/services';
import { importDocs, start } from './helpers';

/**
 * Vietnamese relevance, on a real catalogue: documents go through the real
 * importer (parser, originals, index) and queries through the validated contract.
 */

const FILLER = 'Các cơ quan, đơn vị tiếp tục thực hiện nhiệm vụ được giao theo kế hoạch đề ra. ';

describe('search relevance', () => {
  it('matches without diacritics (đ → d) and ranks exact diacritics above folded ones (bàn giao before bản giao)', async () => {
    const app = start();
    // The folded-only match is the newer one: without the exact-spelling rule it would come first.
    const { ids } = await importDocs(app, [
      { name: 'exact', number: '10-KL/TU', date: '2023-02-01', subject: 'về công tác lưu trữ', body: `${FILLER}Thực hiện bàn giao tài liệu cho cơ quan kế thừa. ${FILLER}` },
      { name: 'folded', number: '11-KL/TU', date: '2024-09-01', subject: 'về công tác văn thư', body: `${FILLER}Lập bản giao tài liệu kèm theo biên bản. ${FILLER}` },
    ]);
    const folded = await app.call('search.query', { text: 'ban giao tai lieu' });
    expect(folded.hits.map((h) => h.documentId).sort()).toEqual([ids.get('exact'), ids.get('folded')].sort());
    expect(folded.hits[0]!.documentId).toBe(ids.get('folded'));

    const exact = await app.call('search.query', { text: 'bàn giao tài liệu' });
    expect(exact.hits.map((h) => h.documentId)).toEqual([ids.get('exact'), ids.get('folded')]);
    expect(exact.hits[0]!.exact).toBe(true);
    expect(exact.hits[1]!.exact).toBe(false);

    const d = await app.call('search.query', { text: 'dak lak' });
    expect(d.total).toBe(2);
    expect((await app.call('search.query', { text: 'Đắk Lắk' })).total).toBe(2);
  });

  it('keeps quoted phrases together and prefers documents holding the words side by side', async () => {
    const app = start();
    const { ids } = await importDocs(app, [
      { name: 'together', number: '20-KL/TU', date: '2020-01-10', subject: 'về thu thập hồ sơ', body: `${FILLER}Thống kê toàn bộ tài liệu hiện có. ${FILLER}` },
      { name: 'apart', number: '21-KL/TU', date: '2024-01-10', subject: 'về công tác tài chính', body: `${FILLER}Quản lý tài chính và các nguồn thu. ${FILLER}Cập nhật số liệu báo cáo. ${FILLER}` },
    ]);
    const quoted = await app.call('search.query', { text: '"tài liệu"' });
    expect(quoted.hits.map((h) => h.documentId)).toEqual([ids.get('together')]);
    // Unquoted: both hold "tài" and "liệu"; the one with the word "tài liệu" comes first though older.
    const loose = await app.call('search.query', { text: 'tai lieu' });
    expect(loose.total).toBe(2);
    expect(loose.hits[0]!.documentId).toBe(ids.get('together'));
    expect(loose.hits[0]!.matchedBy).toBe('phrase');
    expect(loose.hits[1]!.matchedBy).toBe('all');
  });

  it('ranks a match in the subject above one in the body, and highlights the words in the snippet', async () => {
    const app = start();
    const { ids } = await importDocs(app, [
      { name: 'subject', number: '30-KL/TU', date: '2019-03-03', subject: 'về phát triển cây sầu riêng', body: `${FILLER}${FILLER}` },
      { name: 'body', number: '31-KL/TU', date: '2025-03-03', subject: 'về nông nghiệp', body: `${FILLER}Diện tích sầu riêng tăng nhanh. ${FILLER}` },
    ]);
    const r = await app.call('search.query', { text: 'sau rieng' });
    expect(r.hits.map((h) => h.documentId)).toEqual([ids.get('subject'), ids.get('body')]);
    const marked = r.hits[1]!.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase());
    expect(marked).toEqual(['sầu riêng']);
  });

  it('marks the spelling typed with diacritics in snippets, and the word being typed as a prefix', async () => {
    const app = start();
    await importDocs(app, [
      { name: 'digital', number: '35-KL/TU', date: '2024-05-05', subject: 'về chuyển đổi số', body: `Hồ sơ chuyên môn ở cơ sở. Đẩy mạnh chuyển đổi số trong các cơ quan. ${FILLER}` },
    ]);
    const marks = (r: { hits: Array<{ snippet: Array<{ text: string; hit: boolean }> }> }) => r.hits[0]!.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase());
    // Typed with diacritics: only `chuyển đổi số`, not `chuyên`, `sơ` or `sở`.
    // (The subject stands in the text's header too, so the phrase is marked there as well.)
    const exact = marks(await app.call('search.query', { text: 'chuyển đổi số' }));
    expect(exact.length).toBeGreaterThan(0);
    expect(new Set(exact)).toEqual(new Set(['chuyển đổi số']));
    // Typed without: every folded match.
    const folded = marks(await app.call('search.query', { text: 'chuyen doi so' }));
    expect(folded).toEqual(expect.arrayContaining(['sơ chuyên', 'sở', 'chuyển đổi số']));
    // Still typing `chuyển đổi s`: the last word marks the words it starts.
    const typing = marks(await app.call('search.query', { text: 'chuyển đổi sô', typing: true }));
    expect(typing).toContain('chuyển đổi số');
  });

  it('matches the last word as a prefix while typing, and not once the query is submitted', async () => {
    const app = start();
    const { ids } = await importDocs(app, [
      { name: 'digital', number: '40-KL/TU', date: '2024-04-04', subject: 'về chuyển đổi số trong các cơ quan đảng', body: FILLER },
      { name: 'other', number: '41-KL/TU', date: '2024-04-05', subject: 'về chuyển đổi cơ cấu kinh tế', body: FILLER },
    ]);
    const typing = await app.call('search.query', { text: 'chuyển đổi s', typing: true });
    // "s" is too short to narrow: both documents about "chuyển đổi" show while it is typed.
    expect(typing.total).toBe(2);
    const typed = await app.call('search.query', { text: 'cơ qua', typing: true });
    expect(typed.hits.map((h) => h.documentId)).toContain(ids.get('digital'));
    // Two letters are not yet a prefix: a syllable the index holds (`số`) is searched as a word,
    // anything else is left out until it is long enough.
    expect((await app.call('search.query', { text: 'chuyen doi ki', typing: true })).total).toBe(2);
    expect((await app.call('search.query', { text: 'chuyen doi ng', typing: true })).total).toBe(2);
    expect((await app.call('search.query', { text: 'chuyển đổi tế', typing: true })).hits.map((h) => h.documentId)).toEqual([ids.get('other')]);
    // A short word being typed completes against subjects and metadata: the subject that goes on
    // with "kinh…" comes first; the other one still matches the words already typed.
    const kinh = await app.call('search.query', { text: 'chuyen doi kin', typing: true });
    expect(kinh.hits.map((h) => [h.documentId, h.matchedBy])).toEqual([
      [ids.get('other'), 'metaAll'],
      [ids.get('digital'), 'phrase'],
    ]);
    expect((await app.call('search.query', { text: 'chuyen doi kin' })).total).toBe(0);
  });

  it('tolerates one typo in a longer word and says which spelling it searched', async () => {
    const app = start();
    const { ids } = await importDocs(app, [
      { name: 'strict', number: '50-KL/TU', date: '2024-05-05', subject: 'về chấp hành nghiêm túc kỷ luật phát ngôn', body: FILLER },
    ]);
    const r = await app.call('search.query', { text: 'ngheim tuc' });
    expect(r.hits.map((h) => h.documentId)).toEqual([ids.get('strict')]);
    expect(r.corrections).toEqual([{ word: 'ngheim', alternatives: expect.arrayContaining(['nghiem']) }]);
    expect(r.hits[0]!.corrected).toBe(true);
    // A short word is not "corrected" into a dozen others.
    expect((await app.call('search.query', { text: 'tcu' })).total).toBe(0);
  });

  it('finds or offers a query with one letter wrong on the seeds: four letters and more searched, three offered', async () => {
    const app = start();
    const { ids } = await importDocs(app, [], SEED_FILES);
    const conclusion = ids.get('000_7b32d37c7a9e4c58')!;
    const conference = [conclusion, ids.get('002_b9c6dfc83a8f48b9')!];
    // A word of four letters or more: its spellings one letter away are searched.
    const leiu = await app.call('search.query', { text: 'ban giao tai leiu' });
    expect(leiu.hits[0]!.documentId).toBe(conclusion);
    expect(leiu.corrections).toEqual([{ word: 'leiu', alternatives: expect.arrayContaining(['lieu']) }]);
    const hanx = await app.call('search.query', { text: 'hoi nghi ban chap hanx' });
    expect(hanx.hits.slice(0, 2).map((h) => h.documentId).sort()).toEqual(conference.sort());
    expect(hanx.hits[0]!.matchedBy).toBe('metaPhrase');
    expect(hanx.corrections).toEqual([{ word: 'hanx', alternatives: expect.arrayContaining(['hanh']) }]);
    // A word of three letters is one letter from dozens of syllables: the query whose words then
    // stand side by side is offered, spelt as the document spells it, and its hits shown.
    for (const text of ['ban giao tsi lieu', 'bam giao tai lieu']) {
      for (const typing of [false, true]) {
        const r = await app.call('search.query', { text: typing ? `${text} ` : text, typing });
        expect(r.didYouMean, text).toEqual({ text: 'bàn giao tài liệu', searched: true });
        expect(r.hits[0]!.documentId, text).toBe(conclusion);
        expect(r.hits[0]!.corrected, text).toBe(true);
        // The counts beside the hits are those of the query searched.
        expect((await app.call('search.facets', { text: typing ? `${text} ` : text, typing })).total, text).toBe(r.total);
      }
    }
    // Words that find something are not second-guessed.
    expect((await app.call('search.query', { text: 'ban giao tai lieu' })).didYouMean ?? null).toBeNull();
  });

  it('never offers a spelling that only secret documents hold to a caller who may not see them', async () => {
    const app = start();
    await importDocs(app, [
      { name: 'open', number: '70-KL/TU', date: '2024-05-05', subject: 'về công tác văn thư', body: FILLER },
      {
        name: 'secret',
        number: '71-KL/TU',
        date: '2024-05-06',
        subject: 'về phương án canarysubjmat',
        body: `${FILLER}Mật danh canary của phương án. ${FILLER}`,
        security: 'MẬT',
      },
    ]);
    // Where secrets are shown, the words of the secret record are offered as corrections like any other…
    expect(app.services.context.access.secretsVisible()).toBe(true);
    expect((await app.call('search.query', { text: 'canarysubjmax' })).corrections).toEqual([{ word: 'canarysubjmax', alternatives: ['canarysubjmat'] }]);
    expect((await app.call('search.query', { text: 'canarx' })).corrections).toEqual([{ word: 'canarx', alternatives: ['canary'] }]);
    // …to a locked viewer (the browser host, nothing unlocked), nothing tells that a hidden record
    // holds them: no correction, no offer, no hit, no count.
    const locked = testAppOf(app.dir, app.cataloguePath, createServices({ cataloguePath: app.cataloguePath, host: 'web', version: 'test', samplesDir: null, actor: 'web user' }));
    try {
      expect(locked.services.context.access.secretsVisible()).toBe(false);
      for (const text of ['canarysubjmax', 'canarx', 'CANARYSUBJMAX', 'phuong an canarx', 'canary']) {
        for (const typing of [false, true]) {
          const r = await locked.call('search.query', { text, typing });
          expect(JSON.stringify([r.corrections, r.didYouMean, r.hits]), text).not.toMatch(/canary/i);
          if (!text.includes(' ')) expect(r.corrections, text).toEqual([]);
          expect(r.total, text).toBe(0);
          expect((await locked.call('search.facets', { text, typing })).total, text).toBe(0);
        }
      }
      // Open words still get their corrections.
      expect((await locked.call('search.query', { text: 'vwn thu' })).didYouMean).toEqual({ text: 'văn thư', searched: true });
      expect((await locked.call('search.query', { text: 'congg tac' })).corrections).toEqual([{ word: 'congg', alternatives: ['cong'] }]);
    } finally {
      await locked.close();
    }
  });

  it('keeps a corrected word in the phrase: a swapped letter still puts the document about the phrase first', async () => {
    const app = start();
    // The newer documents hold the same telling words, not side by side: ordered by date (as
    // when a correction switched the phrase checks off) they would come first.
    const { ids } = await importDocs(app, [
      { name: 'target', number: '60-QĐ/TU', date: '2019-06-06', type: 'QUYẾT ĐỊNH', subject: 'về việc điều động, bổ nhiệm đồng chí Nguyễn Thanh Tiến Tài', body: FILLER },
      { name: 'namesake', number: '61-QĐ/TU', date: '2024-06-06', type: 'QUYẾT ĐỊNH', subject: 'về việc điều động, bổ nhiệm đồng chí Nguyễn Thanh Tài', body: FILLER },
      { name: 'progress', number: '62-BC/TU', date: '2024-07-07', type: 'BÁO CÁO', subject: 'về tiến độ thực hiện nghị quyết', body: FILLER },
    ]);
    // A pasted subject with two letters swapped in one name (`ngueyn`).
    const pasted = await app.call('search.query', { text: 've viec dieu dong, bo nhiem dong chi ngueyn thanh tien tai' });
    expect(pasted.corrections).toEqual([{ word: 'ngueyn', alternatives: expect.arrayContaining(['nguyen']) }]);
    expect(pasted.hits.map((h) => h.documentId)).toContain(ids.get('namesake'));
    expect(pasted.hits[0]!.documentId).toBe(ids.get('target'));
    expect(pasted.hits[0]!.matchedBy).toBe('metaPhrase');
    expect(pasted.hits[0]!.corrected).toBe(true);
    // A few words: the corrected phrase is looked up in the index like any other.
    const short = await app.call('search.query', { text: 'ngueyn thanh tien' });
    expect(short.corrections).toEqual([{ word: 'ngueyn', alternatives: expect.arrayContaining(['nguyen']) }]);
    expect(short.hits.map((h) => [h.documentId, h.matchedBy])[0]).toEqual([ids.get('target'), 'metaPhrase']);
    expect(short.hits.map((h) => h.documentId)).not.toContain(ids.get('namesake'));
  });

  it('ranks a pasted subject while it is still being typed: the unfinished last word does not spoil the phrase', async () => {
    const app = start();
    const { ids } = await importDocs(app, [
      { name: 'target', number: '63-QĐ/TU', date: '2019-06-06', type: 'QUYẾT ĐỊNH', subject: 'về việc điều động, bổ nhiệm đồng chí Nguyễn Thanh Tiến Tài', body: FILLER },
      // Newer, and holds every word, but not side by side.
      { name: 'scattered', number: '64-QĐ/TU', date: '2024-06-06', type: 'QUYẾT ĐỊNH', subject: 'về việc điều động đồng chí Nguyễn Văn Tiến, bổ nhiệm đồng chí Trần Thanh Tài', body: FILLER },
    ]);
    // The search box sends a paste as typing: the last word (`tie`, of `Tiến`) is a prefix.
    const r = await app.call('search.query', { text: 've viec dieu dong, bo nhiem dong chi nguyen thanh tie', typing: true });
    expect(r.hits.map((h) => h.documentId)).toEqual([ids.get('target'), ids.get('scattered')]);
    expect(r.hits[0]!.matchedBy).toBe('metaPhrase');
  });

  it('finds a number-symbol in any spelling and goes straight to the document', async () => {
    const app = start();
    const { ids } = await importDocs(app, [], SEED_FILES);
    const target = ids.get('000_7b32d37c7a9e4c58')!;
    for (const text of ['1485-KL/TU', '1485 KL TU', 'KL/TU 1485', 'kl tu 1485', '1485/KL-TU', ' 1485 - kl / tu ']) {
      const r = await app.call('search.query', { text });
      expect(r.hits[0]!.documentId, text).toBe(target);
      expect(r.hits[0]!.matchedBy, text).toBe('number');
      expect(r.direct, text).toBe(target);
    }
    const bare = await app.call('search.query', { text: '1485' });
    expect(bare.hits[0]!.documentId).toBe(target);
    expect(bare.direct).toBeNull();
    // A letter (4029-CV/TU) from the seeds, in the other order, lower case.
    const letter = await app.call('search.query', { text: 'cv/tu 4029' });
    expect(letter.hits[0]!.numberSymbol).toBe('4029-CV/TU');
    expect(SEED.letter4029).toContain('003_');
  });

  it('never errors on text an FTS engine would read as syntax', async () => {
    const app = start();
    await importDocs(app, [], SEED_FILES);
    for (const text of ['"', '""', '"bàn', 'bàn AND', 'NEAR(giao tai', '*', '**', 'OR OR', 'NOT', '-giao', 'giao^', 'a:b', '{subject}: x', '(((', ')', "'; DROP TABLE documents; --", '\\', 'ʒsecret', '\u0000']) {
      for (const typing of [false, true]) {
        const r = await app.call('search.query', { text, typing });
        expect(Array.isArray(r.hits), text).toBe(true);
      }
      expect(Array.isArray((await app.call('search.facets', { text })).groups)).toBe(true);
    }
    expect((await app.call('search.query', { text: 'tài liệu"' })).total).toBeGreaterThan(0);
    expect((await app.call('app.counts', {})).documents).toBe(5);
  });

  it('finds the seeds by what an archivist remembers of them', async () => {
    const app = start();
    const { ids } = await importDocs(app, [], SEED_FILES);
    const first = async (text: string) => (await app.call('search.query', { text })).hits[0]?.documentId;
    expect(await first('chính quyền địa phương 02 cấp')).toBe(ids.get('001_38eeffc6e2bc3679'));
    expect(await first('kết thúc hoạt động của đảng bộ cấp huyện')).toBe(ids.get('000_7b32d37c7a9e4c58'));
    expect(await first('Kết luận 127')).toBe(ids.get('003_b4be3f4186006de6'));
    expect(await first('hoang giang')).toBe(ids.get('001_38eeffc6e2bc3679'));
  });
});
