import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reindexDocument } from '../../electron/services/search/reindex';
import { dateKey } from '../../shared/search/indexText';
import { writePartyDocument } from '../support/partyDocs';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../support/services';

/**
 * A bulk import writes a batch's search index entries together at the end of the batch's
 * transaction, with bodies folded on the worker thread. The index must come out exactly as if each
 * document had been indexed on its own from its stored record.
 */

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

/** Every term occurrence in a full-text table (term, key, column, offset), via an fts5vocab view. */
function postings(app: TestApp, table: 'document_fts' | 'document_meta_fts'): string[] {
  const db = app.services.context.catalogue.db;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_${table} USING fts5vocab(main, ${table}, instance)`);
  return (db.prepare(`SELECT term, doc, col, offset FROM temp.vocab_${table} ORDER BY doc, col, offset, term`).all() as Array<Record<string, unknown>>).map(
    (r) => `${r.doc}|${r.col}|${r.offset}|${r.term}`,
  );
}

describe('bulk import search index', () => {
  it('indexes every document of every batch exactly as indexing it on its own would', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const folder = tempDir();
    const count = 130; // over the worker pool's threshold, and several batches
    for (let i = 0; i < count; i++) {
      // Dates in no order, so a batch's index keys arrive out of order.
      const n = (i * 37) % count;
      writePartyDocument(path.join(folder, `hop-${Math.floor(i / 40)}`), `vb-${String(i).padStart(4, '0')}.txt`, {
        number: `${200 + i}-KL/TU`,
        date: `${(n % 28) + 1}/${(n % 12) + 1}/${2000 + (n % 25)}`,
        subject: `về công tác cán bộ và tổ chức đảng ở Đắk Lắk, đợt ${i}`,
        body: [`Văn bản thứ ${i}: Ban Thường vụ Tỉnh ủy thống nhất đánh giá kết quả ${n % 7 === 0 ? 'rất tốt' : 'khá'}; Nghệ An, Huế và Quảng Trị phối hợp.`],
      });
    }
    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [folder] });
    const job = await waitForJob(app, jobId);
    expect(job).toMatchObject({ state: 'done', imported: count, failed: 0 });

    const ctx = app.services.context;
    const docs = ctx.catalogue.db.prepare('SELECT id, issue_date FROM documents ORDER BY id').all() as Array<{ id: number; issue_date: string | null }>;
    expect(docs).toHaveLength(count);
    for (const d of docs) expect(ctx.catalogue.repos.searchIndex.keyOf(d.id)).toBe(dateKey(d.id, d.issue_date));
    const batched = { main: postings(app, 'document_fts'), meta: postings(app, 'document_meta_fts') };
    expect(batched.main.length).toBeGreaterThan(count * 50);
    // Folded text, diacritics gone: a term of a body is in the index.
    expect(batched.main.some((p) => p.endsWith('|nghe'))).toBe(true);

    ctx.catalogue.transaction(() => {
      for (const d of docs) reindexDocument(ctx, d.id);
    });
    expect(postings(app, 'document_fts')).toEqual(batched.main);
    expect(postings(app, 'document_meta_fts')).toEqual(batched.meta);
    expect((await app.call('search.query', { text: 'dak lak' })).total).toBe(count);
  });
});
