/**
 * Bulk actions on documents, on real catalogue files: each changes what it should in one
 * transaction, writes one audit row per record, refuses with codes what it may not change, and
 * keeps the search index and the facet columns in step with the records.
 */
import { describe, expect, it } from 'vitest';
import { auditRows, bulkWorlds, runBulk, type BulkWorld } from '../../support/bulkWorld';

const world = bulkWorlds();

/** The index and the records agree: every document in use indexed once, nothing else. */
function indexConsistent(w: BulkWorld) {
  const { repos } = w.app.services.context.catalogue;
  expect(repos.searchIndex.discrepancies(100)).toEqual({ missing: [], stale: [] });
  const { indexed, expected } = repos.searchIndex.coverage();
  expect(indexed).toBe(expected);
}

function count(w: BulkWorld, sql: string, ...params: unknown[]): number {
  return w.app.services.context.catalogue.db.prepare(sql).pluck().get(...params) as number;
}

describe('moving documents into a file (hồ sơ)', () => {
  it('moves those it may, refuses the others with codes, and audits each record once', async () => {
    const w = await world();
    const target = w.fileByYear.get(2024)!;
    const unfiled2024 = w.docs.filter((d) => d.fileId === null && d.fondsId === w.fondsId && d.year === 2024);
    const dated2023 = w.docs.find((d) => d.fileId === null && d.fondsId === w.fondsId && d.year === 2023)!;
    const otherFonds = w.docs.find((d) => d.fondsId === w.otherFondsId)!;
    const removed = w.docs.find((d) => d.fileId === null && d.fondsId === w.fondsId && d.year === 2025)!;
    await w.app.call('documents.remove', { id: removed.id, reason: 'Bản trùng của văn bản khác' });
    const already = w.docs.find((d) => d.fileId === target)!;
    expect(unfiled2024.length).toBeGreaterThan(0);
    const ordersBefore = count(w, 'SELECT MAX(order_in_file) FROM documents WHERE file_id = ?', target) ?? 0;

    const ids = [...unfiled2024.map((d) => d.id), dated2023.id, otherFonds.id, removed.id, already.id, 999_999];
    const result = await runBulk(w.app, { action: 'documents.move', selection: { kind: 'ids', ids }, to: { fileId: target } });

    expect(result.changed).toBe(unfiled2024.length);
    expect(result.unchanged).toBe(1);
    expect(result.refusedByCode).toEqual({ date_outside_file: 1, other_fonds: 1, removed: 1, not_found: 1 });
    const outside = result.refusals.find((r) => r.code === 'date_outside_file')!;
    expect(outside).toMatchObject({ id: dated2023.id, params: { start: '2024-01-01', end: '2024-12-31' } });
    expect(result.refusals.find((r) => r.code === 'other_fonds')).toMatchObject({ id: otherFonds.id, params: { fonds: 'DU-KP' } });
    for (const d of unfiled2024) expect(count(w, 'SELECT file_id FROM documents WHERE id = ?', d.id)).toBe(target);
    expect(count(w, 'SELECT file_id IS NULL FROM documents WHERE id = ?', dated2023.id)).toBe(1);
    // Số thứ tự continue after the documents already in the file, without gaps.
    const orders = w.app.services.context.catalogue.db.prepare(`SELECT order_in_file FROM documents WHERE id IN (${unfiled2024.map((d) => d.id).join(',')}) ORDER BY order_in_file`).pluck().all();
    expect(orders).toEqual(unfiled2024.map((_, i) => ordersBefore + 1 + i));
    // One audit row per document moved, with the file before and after.
    const rows = auditRows(w.app, 'bulk.document.move');
    expect(rows.map((r) => r.entity_id).sort((a, b) => a - b)).toEqual(unfiled2024.map((d) => d.id).sort((a, b) => a - b));
    expect(JSON.parse(rows[0]!.before_json!)).toMatchObject({ fileId: null });
    expect(JSON.parse(rows[0]!.after_json!)).toMatchObject({ fileId: target });
    expect((await w.app.call('audit.verify', {})).ok).toBe(true);

    // The facet columns see the move: the file filter counts what SQL counts.
    const inFile = count(w, 'SELECT COUNT(*) FROM documents WHERE file_id = ? AND removed_at IS NULL', target);
    const found = await w.app.call('search.query', { text: '', filters: { fileIds: [target] }, exactTotal: true });
    expect(found.total).toBe(inFile);
    indexConsistent(w);
  });

  it('widens the file’s dates when asked, and audits the file too', async () => {
    const w = await world();
    const target = w.fileByYear.get(2024)!;
    const d2023 = w.docs.filter((d) => d.fileId === null && d.fondsId === w.fondsId && d.year === 2023 && !d.secret);
    const result = await runBulk(w.app, { action: 'documents.move', selection: { kind: 'ids', ids: d2023.map((d) => d.id) }, to: { fileId: target }, widenFileDates: true });
    expect(result.refusedCount).toBe(0);
    expect(result.fileIds).toEqual([target]);
    const file = await w.app.call('files.get', { id: target });
    const earliest = w.app.services.context.catalogue.db.prepare(`SELECT MIN(issue_date) FROM documents WHERE id IN (${d2023.map((d) => d.id).join(',')})`).pluck().get();
    expect(file.startDate).toBe(earliest);
    expect(file.endDate).toBe('2024-12-31');
    expect(auditRows(w.app, 'bulk.file.update')).toHaveLength(1);
  });

  it('moves every document a search finds into a new file, resolved by the service, secrets left out when hidden', async () => {
    const w = await world({ secretsHidden: true, count: 80 });
    const filters = { fondsIds: [w.fondsId], dateFrom: '2023-01-01', dateTo: '2023-12-31' };
    const shown = await w.app.call('search.query', { text: '', filters, exactTotal: true });
    const visible2023 = w.docs.filter((d) => d.fondsId === w.fondsId && d.year === 2023 && !d.secret);
    expect(shown.total).toBe(visible2023.length);
    const counted = await w.app.call('bulk.count', { target: 'documents', selection: { kind: 'search', text: '', filters } });
    expect(counted.count).toBe(shown.total);

    const result = await runBulk(w.app, {
      action: 'documents.move',
      selection: { kind: 'search', text: '', filters },
      to: { newFile: { code: '23-A', title: 'Văn bản năm 2023 (sắp xếp lại)', retentionCode: 'VV' } },
    });
    expect(result.createdFileIds).toHaveLength(1);
    const createdId = result.createdFileIds[0]!;
    expect(result.changed).toBe(visible2023.length + 1);
    const created = await w.app.call('files.get', { id: createdId });
    expect(created).toMatchObject({ fondsId: w.fondsId, code: '23-A', retentionCode: 'VV', documentCount: visible2023.length });
    // The new file's dates are those of the documents it took.
    const span = w.app.services.context.catalogue.db.prepare(`SELECT MIN(issue_date) AS lo, MAX(issue_date) AS hi FROM documents WHERE file_id = ?`).get(createdId) as { lo: string; hi: string };
    expect([created.startDate, created.endDate]).toEqual([span.lo, span.hi]);
    // Secret documents of 2023 stayed where they were: the caller could not see them.
    for (const d of w.docs.filter((x) => x.year === 2023 && x.secret)) expect(count(w, 'SELECT file_id IS ? FROM documents WHERE id = ?', d.fileId, d.id)).toBe(1);
    expect(auditRows(w.app, 'bulk.file.create')).toHaveLength(1);
  });
});

describe('moving documents of several fonds into new files', () => {
  it('makes the new file in each fonds the documents come from, and refuses a fonds where the number is taken', async () => {
    const w = await world();
    const unfiled = await runBulk(w.app, {
      action: 'documents.move',
      selection: { kind: 'search', text: '', filters: { dateFrom: '2025-01-01', dateTo: '2025-12-31' } },
      to: { newFile: { code: 'HS-2025', title: 'Văn bản năm 2025' } },
    });
    const of2025 = w.docs.filter((d) => d.year === 2025);
    expect(unfiled.createdFileIds).toHaveLength(2);
    const made = await Promise.all(unfiled.createdFileIds.map((id) => w.app.call('files.get', { id })));
    expect(made.map((f) => f.fondsId).sort()).toEqual([w.fondsId, w.otherFondsId].sort());
    expect(made.reduce((n, f) => n + f.documentCount, 0)).toBe(of2025.length);
    // Again with the same number: taken in both fonds now, so every document is refused by reason.
    const again = await runBulk(w.app, {
      action: 'documents.move',
      selection: { kind: 'search', text: '', filters: { dateFrom: '2024-01-01', dateTo: '2024-12-31' } },
      to: { newFile: { code: 'HS-2025', title: 'Văn bản năm 2024' } },
    });
    expect(again.changed).toBe(0);
    expect(again.refusedByCode).toEqual({ file_code_taken: w.docs.filter((d) => d.year === 2024).length });
    expect(again.refusals[0]!.params).toMatchObject({ code: 'HS-2025' });
  });
});

describe('setting fields on many documents', () => {
  it('sets the type on a list view’s documents, re-indexes them, and the type filter finds exactly them', async () => {
    const w = await world();
    const fileId = w.fileByYear.get(2022)!;
    const members = w.docs.filter((d) => d.fileId === fileId);
    const result = await runBulk(w.app, { action: 'documents.setFields', selection: { kind: 'list', fileId }, fields: { docType: 'TỜ TRÌNH', issuer: 'VĂN PHÒNG HUYỆN ỦY' } });
    expect(result.changed + result.unchanged).toBe(members.length);
    expect(auditRows(w.app, 'bulk.document.update')).toHaveLength(result.changed);
    const withType = count(w, "SELECT COUNT(*) FROM documents WHERE doc_type = 'TỜ TRÌNH' AND removed_at IS NULL");
    expect(withType).toBeGreaterThanOrEqual(members.length);
    const byType = await w.app.call('search.query', { text: '', filters: { docTypes: ['TỜ TRÌNH'] }, exactTotal: true });
    expect(byType.total).toBe(withType);
    // The index holds the new type: a word search restricted by the type (index flags) agrees.
    const words = await w.app.call('search.query', { text: 'tờ trình', filters: { fileIds: [fileId] }, exactTotal: true });
    expect(words.total).toBe(members.length);
    const facets = await w.app.call('search.facets', { text: '', filters: {}, typing: false, limit: 50 });
    const typeFacet = facets.groups.find((g) => g.key === 'docType')!.values.find((v) => v.value === 'TỜ TRÌNH');
    expect(typeFacet?.count).toBe(withType);
    // Filling a field waiting for review takes it off the queue.
    for (const d of members.filter((x) => x.review)) {
      expect((await w.app.call('documents.get', { id: d.id })).reviewFields).toEqual(['signerName']);
    }
    indexConsistent(w);
  });

  it('refuses a date outside the document’s file', async () => {
    const w = await world();
    const fileId = w.fileByYear.get(2022)!;
    const filed = w.docs.filter((d) => d.fileId === fileId).slice(0, 2);
    const loose = w.docs.find((d) => d.fileId === null && d.fondsId === w.fondsId)!;
    const result = await runBulk(w.app, { action: 'documents.setFields', selection: { kind: 'ids', ids: [...filed.map((d) => d.id), loose.id] }, fields: { issueDate: '2030-01-01' } });
    expect(result.refusedByCode).toEqual({ date_outside_file: 2 });
    expect(result.documentIds).toEqual([loose.id]);
  });
});

describe('confirming review fields and removing in bulk', () => {
  it('confirms every field waiting, records who confirmed what, and audits each document', async () => {
    const w = await world();
    const waiting = w.docs.filter((d) => d.review && !d.secret);
    const result = await runBulk(w.app, { action: 'documents.confirmReview', selection: { kind: 'ids', ids: w.docs.map((d) => d.id) } });
    expect(result.changed).toBe(w.docs.filter((d) => d.review).length);
    expect(result.unchanged).toBe(w.docs.length - result.changed);
    expect(count(w, "SELECT COUNT(*) FROM documents WHERE review_fields <> '[]'")).toBe(0);
    const history = await w.app.call('review.history', { documentId: waiting[0]!.id });
    expect(history.map((h) => h.field).sort()).toEqual(['issuer', 'signerName']);
    expect(history[0]).toMatchObject({ confirmedBy: 'tester', edited: false });
    expect(auditRows(w.app, 'bulk.document.confirm')).toHaveLength(result.changed);
  });

  it('removes with a reason: out of lists and search, and back whole with undo', async () => {
    const w = await world();
    const fileId = w.fileByYear.get(2023)!;
    const members = w.docs.filter((d) => d.fileId === fileId);
    const before = await w.app.call('search.query', { text: '', filters: {}, exactTotal: true });
    const result = await runBulk(w.app, { action: 'documents.remove', selection: { kind: 'list', fileId }, reason: 'Nhập nhầm từ thư mục khác' });
    expect(result.changed).toBe(members.length);
    expect((await w.app.call('documents.list', { fileId })).total).toBe(0);
    expect((await w.app.call('search.query', { text: '', filters: {}, exactTotal: true })).total).toBe(before.total - members.length);
    const removal = await w.app.call('documents.get', { id: members[0]!.id });
    expect(removal.removal).toMatchObject({ reason: 'Nhập nhầm từ thư mục khác', by: 'tester' });
    indexConsistent(w);

    const undone = await w.app.call('bulk.undo', { operationId: result.operationId! });
    expect(undone.restored).toBe(members.length);
    expect((await w.app.call('documents.list', { fileId })).total).toBe(members.length);
    expect((await w.app.call('search.query', { text: '', filters: {}, exactTotal: true })).total).toBe(before.total);
    expect(auditRows(w.app, 'bulk.document.undo')).toHaveLength(members.length);
    indexConsistent(w);
  });
});
