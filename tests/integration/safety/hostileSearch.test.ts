/**
 * Search queries typed to break the full-text engine: FTS5 syntax (`"`, `*`, `NEAR(`,
 * `^`, `:` and column filters, unbalanced parentheses, `OR OR`, `AND NOT`), SQL, control and
 * invisible characters, very long queries. Each is either answered (a list of hits, maybe empty)
 * or refused with a Vietnamese message for bad input; none fails inside the engine, and the
 * catalogue is the same afterwards (no table dropped, nothing written but the search history).
 * The search, suggestions and facets all get the same texts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { openSafetyApp } from '../../support/safety';
import { type TestApp, tempDir } from '../../support/services';

const QUERIES = [
  '"',
  '""',
  '"bàn giao',
  'bàn giao"',
  '*',
  '**',
  'lưu*',
  '*lưu',
  'NEAR(',
  'NEAR(bàn giao',
  'NEAR(bàn giao, 3)',
  'NEAR(',
  '^',
  '^bàn',
  ':',
  'subject:bàn',
  'body:lưu trữ',
  'number_symbol:1485',
  '(',
  ')',
  '((bàn',
  'bàn (giao',
  'lưu trữ)',
  'OR',
  'OR OR',
  'AND',
  'NOT',
  'bàn OR OR giao',
  'AND NOT OR',
  '-',
  '-bàn',
  '+giao',
  '{bàn giao}',
  '[tài liệu]',
  "'",
  "'; DROP TABLE documents; --",
  '" OR 1=1 --',
  "1485-KL/TU' OR '1'='1",
  '%',
  '_',
  '\\',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\u202egiao bàn',
  'bàn\u200bgiao',
  '😀 lưu trữ',
  '   ',
  '1485-KL/TU"',
  'KL/TU 1485 *',
  '<script>alert(1)</script>',
  'bàn giao '.repeat(110).slice(0, 1_000),
  `"${'a'.repeat(998)}`,
  'lưu trữ '.repeat(2_000),
];

let app: TestApp;
let countsBefore: ReturnType<TestApp['services']['context']['catalogue']['repos']['counts']>;

async function outcome(name: 'search.query' | 'search.suggest' | 'search.facets', text: string): Promise<'answered' | 'refused'> {
  try {
    if (name === 'search.query') {
      const r = await app.call('search.query', { text });
      expect(Array.isArray(r.hits), text).toBe(true);
    } else if (name === 'search.suggest') await app.call('search.suggest', { text });
    else await app.call('search.facets', { text });
    return 'answered';
  } catch (err) {
    expect(err, `${name} ${JSON.stringify(text.slice(0, 60))}`).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    // Bad input is refused plainly; never an internal failure of the engine.
    expect(e.kind, `${name} ${JSON.stringify(text.slice(0, 60))}: ${e.messageEn}`).toBe('invalid_input');
    expect(e.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]/i);
    return 'refused';
  }
}

beforeAll(async () => {
  app = openSafetyApp(tempDir('kholuu-hostile-search-'));
  await app.call('samples.load', {});
  countsBefore = app.services.context.catalogue.repos.counts();
});

afterAll(async () => {
  await app?.close();
});

describe('hostile search queries', () => {
  it(`answers or plainly refuses each of ${QUERIES.length} queries, in search, suggestions and facets`, async () => {
    const seen: Record<string, number> = { answered: 0, refused: 0 };
    for (const q of QUERIES) {
      seen[await outcome('search.query', q)]!++;
      if (q.length <= 200) await outcome('search.suggest', q);
      await outcome('search.facets', q);
    }
    // The ordinary words still find the samples, and over-long input is what gets refused.
    expect((await app.call('search.query', { text: 'bàn giao' })).total).toBeGreaterThan(0);
    expect(seen.answered).toBeGreaterThan(QUERIES.length - 3);
  });

  it('leaves the catalogue as it was', async () => {
    expect(app.services.context.catalogue.repos.counts()).toEqual(countsBefore);
    const report = await app.call('integrity.check', { originals: true });
    expect(report.ok).toBe(true);
    expect((await app.call('search.query', { text: '1485-KL/TU' })).hits[0]?.numberSymbol).toBe('1485-KL/TU');
  });
});
