/**
 * A bulk action re-indexes (or drops from the index) many documents at once: their old rows are
 * deleted in key order, their records read with one statement, the new rows written in key order.
 * The index must come out exactly as indexing each document on its own from its record would give,
 * after the action and after its undo, and the undo must give back the index as it was; the facet
 * columns count what the records hold.
 */
import { describe, expect, it } from 'vitest';
import { reindexDocument } from '../../../electron/services/search/reindex';
import { bulkWorlds, runBulk, type BulkWorld } from '../../support/bulkWorld';

const world = bulkWorlds();

/** Every term occurrence of a full-text table (key, column, offset, term), via an fts5vocab view. */
function postings(w: BulkWorld, table: 'document_fts' | 'document_meta_fts'): string[] {
  const { db } = w.app.services.context.catalogue;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_${table} USING fts5vocab(main, ${table}, instance)`);
  return (db.prepare(`SELECT term, doc, col, offset FROM temp.vocab_${table} ORDER BY doc, col, offset, term`).all() as Array<Record<string, unknown>>).map(
    (r) => `${r.doc}|${r.col}|${r.offset}|${r.term}`,
  );
}

function index(w: BulkWorld) {
  const keys = w.app.services.context.catalogue.db.prepare('SELECT document_id, fts_rowid FROM search_keys ORDER BY document_id').all();
  return { main: postings(w, 'document_fts'), meta: postings(w, 'document_meta_fts'), keys };
}

/** The index as indexing every document on its own from its record gives it. */
function rebuilt(w: BulkWorld) {
  const ctx = w.app.services.context;
  const ids = ctx.catalogue.db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
  ctx.catalogue.transaction(() => {
    for (const id of ids) reindexDocument(ctx, id);
  });
  return index(w);
}

async function countOf(w: BulkWorld, filters: Record<string, unknown>): Promise<number> {
  return (await w.app.call('search.query', { text: '', filters, exactTotal: true })).total;
}

describe('the search index after bulk actions and their undo', () => {
  it('holds exactly the rows of the records after setting fields, moving and removing, and after undoing them', async () => {
    const w = await world();
    const before = index(w);
    const { db } = w.app.services.context.catalogue;
    const typedBefore = db.prepare("SELECT COUNT(*) FROM documents WHERE doc_type = 'TỜ TRÌNH' AND removed_at IS NULL").pluck().get() as number;
    expect(before.main.length).toBeGreaterThan(60 * 10);
    const unfiled = w.docs.filter((d) => d.fileId === null && d.fondsId === w.fondsId && !d.secret);
    const filed = w.docs.filter((d) => d.fileId !== null && !d.secret);
    expect(unfiled.length).toBeGreaterThan(5);
    expect(filed.length).toBeGreaterThan(5);

    // Type and issuer (the metadata columns and type flag), and a new date (a new index key) on
    // documents in no file, so no date is refused.
    const typed = await runBulk(w.app, { action: 'documents.setFields', selection: { kind: 'ids', ids: filed.map((d) => d.id) }, fields: { docType: 'TỜ TRÌNH', issuer: 'VĂN PHÒNG HUYỆN ỦY' } });
    expect(typed.changed).toBe(filed.length);
    const dated = await runBulk(w.app, { action: 'documents.setFields', selection: { kind: 'ids', ids: unfiled.map((d) => d.id) }, fields: { issueDate: '2019-03-08' } });
    expect(dated.changed).toBe(unfiled.length);
    // A move changes no indexed field: the index stays as it is, the facet columns follow.
    const indexBeforeMove = index(w);
    const moved = await runBulk(w.app, { action: 'documents.move', selection: { kind: 'ids', ids: unfiled.map((d) => d.id) }, to: { newFile: { code: 'MOI-1', title: 'Hồ sơ mới' } } });
    expect(moved.changed).toBe(unfiled.length + 1);
    expect(index(w)).toEqual(indexBeforeMove);
    expect(await countOf(w, { fileIds: moved.createdFileIds })).toBe(unfiled.length);
    const removed = await runBulk(w.app, { action: 'documents.remove', selection: { kind: 'ids', ids: filed.slice(0, 5).map((d) => d.id) }, reason: 'Bản trùng' });
    expect(removed.changed).toBe(5);

    const after = index(w);
    expect(after.main).not.toEqual(before.main);
    expect(after.keys).toHaveLength(before.keys.length - 5);
    const typedNow = db.prepare("SELECT COUNT(*) FROM documents WHERE doc_type = 'TỜ TRÌNH' AND removed_at IS NULL").pluck().get() as number;
    expect(typedNow).toBeGreaterThan(typedBefore);
    expect(await countOf(w, { docTypes: ['TỜ TRÌNH'] })).toBe(typedNow);
    expect(await countOf(w, { dateFrom: '2019-03-08', dateTo: '2019-03-08' })).toBe(unfiled.length);
    expect(rebuilt(w)).toEqual(after);

    for (const op of [removed, moved, dated, typed]) await w.app.call('bulk.undo', { operationId: op.operationId! });
    const undone = index(w);
    expect(undone).toEqual(before);
    expect(rebuilt(w)).toEqual(before);
    expect(await countOf(w, { docTypes: ['TỜ TRÌNH'] })).toBe(typedBefore);
    expect(await countOf(w, { dateFrom: '2019-03-08', dateTo: '2019-03-08' })).toBe(0);
    expect(await countOf(w, { fileIds: moved.createdFileIds })).toBe(0);
    const { repos } = w.app.services.context.catalogue;
    expect(repos.searchIndex.discrepancies(10)).toEqual({ missing: [], stale: [] });
  });
});
