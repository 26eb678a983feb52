import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { reindexDocument } from '../../../electron/services/search/reindex';
import { writeCorpus } from '../../bench/corpus/generate';
import { CLI_ENTRY } from '../../support/paths';
import { copyFixture } from '../../support/schema';
import { tempDir } from '../../support/services';
import { importDocs, start } from './helpers';

/**
 * The index stays in step with the catalogue: after edits, removal and restore, a removal written
 * straight into the database, an index damaged outside the app, and an import killed half-way.
 */

const FILLER = 'Các cơ quan, đơn vị tiếp tục thực hiện nhiệm vụ được giao theo kế hoạch đề ra. ';

describe('search index consistency', () => {
  it('follows edits of subject, date, type and security level', async () => {
    const app = start();
    const { ids } = await importDocs(app, [
      { name: 'a', number: '60-KL/TU', date: '2021-06-01', subject: 'về phòng chống thiên tai', body: FILLER },
      { name: 'b', number: '61-KL/TU', date: '2022-06-01', subject: 'về công tác dân vận', body: FILLER },
    ]);
    const a = ids.get('a')!;
    await app.call('documents.update', { id: a, patch: { subject: 'về kiểm kê phông lưu trữ', issueDate: '2019-03-04', docType: 'THÔNG BÁO', securityLevel: 'mat' } });
    // The old subject is still in the document's text, but no longer in its subject.
    const old = await app.call('search.query', { text: 'phong chong thien tai' });
    expect(old.hits.map((h) => [h.documentId, h.matchedBy])).toEqual([[a, 'phrase']]);
    expect((await app.call('search.query', { text: 'kiem ke phong luu tru' })).hits[0]!.documentId).toBe(a);
    const y2019 = await app.call('search.query', { text: 'kiem ke', filters: { dateFrom: '2019-01-01', dateTo: '2019-12-31' } });
    expect(y2019.hits.map((h) => h.documentId)).toEqual([a]);
    expect((await app.call('search.query', { text: 'kiem ke', filters: { dateFrom: '2021-01-01' } })).total).toBe(0);
    expect((await app.call('search.query', { text: 'kiem ke', filters: { docTypes: ['THÔNG BÁO'], securityLevels: ['mat'] } })).total).toBe(1);
    const facets = await app.call('search.facets', {});
    expect(facets.groups.find((g) => g.key === 'security')!.values.find((v) => v.value === 'mat')!.count).toBe(1);
  });

  it('drops a removed document from search and facets, and brings it back on restore', async () => {
    const app = start();
    const { ids } = await importDocs(app, [
      { name: 'gone', number: '70-KL/TU', date: '2024-01-01', subject: 'về sắp xếp tổ chức bộ máy', body: FILLER },
      { name: 'kept', number: '71-KL/TU', date: '2024-02-01', subject: 'về sắp xếp đơn vị hành chính', body: FILLER },
    ]);
    const gone = ids.get('gone')!;
    await app.call('documents.remove', { id: gone, reason: 'Nhập trùng, bản sao của văn bản khác' });
    const r = await app.call('search.query', { text: 'sap xep' });
    expect(r.hits.map((h) => h.documentId)).toEqual([ids.get('kept')]);
    expect((await app.call('search.query', { text: '70-KL/TU' })).hits.map((h) => h.documentId)).not.toContain(gone);
    expect((await app.call('search.facets', { text: 'sap xep' })).total).toBe(1);
    await app.call('documents.restore', { id: gone });
    expect((await app.call('search.query', { text: 'sap xep' })).total).toBe(2);
    expect((await app.call('search.query', { text: '70-KL/TU' })).direct).toBe(gone);
  });

  it('follows a removal written straight into the database once reindexDocument is called, and repairs a damaged index at start-up', async () => {
    const app = start();
    const { ids } = await importDocs(app, [
      { name: 'x', number: '80-KL/TU', date: '2024-03-01', subject: 'về quản lý đất công ích', body: FILLER },
      { name: 'y', number: '81-KL/TU', date: '2024-03-02', subject: 'về quản lý đất rừng', body: FILLER },
    ]);
    const x = ids.get('x')!;
    const ctx = app.services.context;
    ctx.catalogue.transaction(() => {
      ctx.catalogue.db.prepare("UPDATE documents SET removed_at = '2025-01-01T00:00:00Z', removed_by = 'sql', removal_reason = 'test' WHERE id = ?").run(x);
      reindexDocument(ctx, x);
    });
    expect((await app.call('search.query', { text: 'quan ly dat' })).hits.map((h) => h.documentId)).toEqual([ids.get('y')]);
    ctx.catalogue.transaction(() => {
      ctx.catalogue.db.prepare('UPDATE documents SET removed_at = NULL, removed_by = NULL, removal_reason = NULL WHERE id = ?').run(x);
      reindexDocument(ctx, x);
    });
    expect((await app.call('search.query', { text: 'quan ly dat' })).total).toBe(2);

    // Index rows lost outside the app (an older build, a hand repair): the next start indexes exactly those.
    ctx.catalogue.db.exec('DELETE FROM document_fts; DELETE FROM document_meta_fts; DELETE FROM search_keys');
    const dir = app.dir;
    await app.close();
    const again = start(dir);
    expect((await again.call('search.query', { text: 'quan ly dat' })).total).toBe(2);
    expect((await again.call('search.query', { text: '81-KL/TU' })).direct).toBe(ids.get('y'));
  });

  it('re-indexes, once, a schema-5 catalogue whose index a development build wrote without the metadata index', async () => {
    // Two copies of a catalogue at schema 5: as a release wrote it, and as a development build
    // left it (no metadata index, rows of an older index format).
    const released = tempDir('kholuu-released-');
    const developed = tempDir('kholuu-developed-');
    copyFixture(5, released);
    const raw = new Database(copyFixture(5, developed));
    raw.exec("DROP TABLE document_meta_fts; UPDATE settings SET value = '1' WHERE key = 'search.indexFormat'");
    raw.close();
    const reference = start(released);
    const again = start(developed);
    expect(again.services.context.catalogue.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'document_meta_fts'").pluck().get()).toBe(1);
    for (const text of ['chinh ly', 'ban giao tai lieu', 'hoi nghi ban chap hanh', '1485-KL/TU']) {
      const before = await reference.call('search.query', { text });
      const after = await again.call('search.query', { text });
      expect(before.total, text).toBeGreaterThan(0);
      expect(after.hits.map((h) => [h.documentId, h.matchedBy]), text).toEqual(before.hits.map((h) => [h.documentId, h.matchedBy]));
    }
  });

  it('matches the catalogue after an import killed half-way', async () => {
    const app = start();
    const folder = path.join(app.dir, 'corpus');
    writeCorpus(folder, { count: 400, seed: 11 });
    const cataloguePath = app.cataloguePath;
    await app.close();
    const child = spawn(process.execPath, [CLI_ENTRY, '--db', cataloguePath, 'import', folder], {
      stdio: 'ignore',
      detached: true,
    });
    // Kill it hard once some documents are committed, mid-run.
    const reader = new Database(cataloguePath, { readonly: true, fileMustExist: false });
    const deadline = Date.now() + 90_000;
    let seen = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        seen = reader.prepare('SELECT count(*) FROM documents').pluck().get() as number;
      } catch {
        seen = 0;
      }
      if (seen >= 20) break;
    }
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    reader.close();
    expect(seen).toBeGreaterThanOrEqual(20);

    const after = start(app.dir);
    // The import area resumes an interrupted run when the catalogue opens: let it finish first.
    for (let last = -1, n = 0; ; last = n) {
      await new Promise((r) => setTimeout(r, 700));
      n = (await after.call('app.counts', {})).documents;
      if (n === last) break;
    }
    const db = after.services.context.catalogue.db;
    const docs = db.prepare('SELECT id, number_symbol FROM documents WHERE removed_at IS NULL ORDER BY id').all() as Array<{ id: number; number_symbol: string | null }>;
    expect(docs.length).toBeGreaterThanOrEqual(seen);
    expect(db.prepare('SELECT count(*) FROM search_keys').pluck().get()).toBe(docs.length);
    expect(db.prepare('SELECT count(*) FROM search_keys k JOIN documents d ON d.id = k.document_id').pluck().get()).toBe(docs.length);
    // Every document in the catalogue is found by its number; nothing the catalogue lacks is found.
    for (const d of docs.filter((x) => x.number_symbol).slice(0, 40)) {
      const r = await after.call('search.query', { text: d.number_symbol! });
      expect(r.hits.map((h) => h.documentId), d.number_symbol!).toContain(d.id);
    }
    const all = await after.call('search.query', { text: '', limit: 200 });
    expect(all.total).toBe(docs.length);
    expect(fs.existsSync(folder)).toBe(true);
  }, 180_000);
});
