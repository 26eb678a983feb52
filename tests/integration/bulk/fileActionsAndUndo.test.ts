/**
 * Bulk actions on files (hồ sơ), undo as one step (itself audited, refused cleanly when the
 * records changed since), and large selections run as jobs with progress and cancel.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { waitForJob } from '../../support/services';
import { auditRows, bulkWorlds, runBulk, type BulkWorld } from '../../support/bulkWorld';

const world = bulkWorlds();
function db(w: BulkWorld) {
  return w.app.services.context.catalogue.db;
}
/** Every table but the audit log, to prove a refusal changed nothing. */
function fingerprint(w: BulkWorld): string {
  const tables = db(w).prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT IN ('audit_log', 'search_journal') ORDER BY name").pluck().all() as string[];
  return tables.map((t) => JSON.stringify(db(w).prepare(`SELECT * FROM "${t}"`).all())).join('\n');
}

describe('setting fields on files', () => {
  it('sets retention and box on the files holding the selected documents; documents in no file are refused', async () => {
    const w = await world();
    const chosen = w.docs.filter((d) => d.fondsId === w.fondsId && !d.secret && (d.year === 2024 || d.year === 2025));
    const files = [...new Set(chosen.filter((d) => d.fileId !== null).map((d) => d.fileId!))].sort((a, b) => a - b);
    const result = await runBulk(w.app, {
      action: 'files.setFields',
      selection: { kind: 'ofDocuments', documents: { kind: 'ids', ids: chosen.map((d) => d.id) } },
      fields: { retentionCode: '20', box: '7', completion: 'completed' },
    });
    expect(result.fileIds).toEqual(files);
    expect(result.refusedByCode).toEqual({ not_in_file: chosen.filter((d) => d.fileId === null).length });
    for (const id of files) expect(await w.app.call('files.get', { id })).toMatchObject({ retentionCode: '20', box: '7', completion: 'completed' });
    expect(auditRows(w.app, 'bulk.file.update')).toHaveLength(files.length);
    // The retention facet (file columns in memory) follows.
    const docsIn = db(w).prepare(`SELECT COUNT(*) FROM documents WHERE removed_at IS NULL AND file_id IN (${files.join(',')})`).pluck().get();
    const found = await w.app.call('search.query', { text: '', filters: { retentionCodes: ['20'] }, exactTotal: true });
    expect(found.total).toBe(docsIn);
  });

  it('refuses file dates that would leave documents outside, and an unknown retention code outright', async () => {
    const w = await world();
    const f2022 = w.fileByYear.get(2022)!;
    const result = await runBulk(w.app, { action: 'files.setFields', selection: { kind: 'ids', ids: [f2022] }, fields: { startDate: '2022-06-01' } });
    expect(result.refusals[0]).toMatchObject({ code: 'documents_outside_dates', params: { start: '2022-06-01', end: '2022-12-31' } });
    expect(result.changed).toBe(0);
    expect(result.operationId).toBeNull();
    await expect(w.app.call('bulk.start', { action: 'files.setFields', selection: { kind: 'ids', ids: [f2022] }, fields: { retentionCode: 'XX' } })).rejects.toMatchObject({ kind: 'invalid_input' });
  });
});

describe('removing files and adding them to a handover batch', () => {
  it('removes files with their documents, and undo brings both back', async () => {
    const w = await world();
    const ids = [w.fileByYear.get(2022)!, w.fileByYear.get(2023)!];
    const docs = db(w).prepare(`SELECT COUNT(*) FROM documents WHERE file_id IN (${ids.join(',')}) AND removed_at IS NULL`).pluck().get() as number;
    const result = await runBulk(w.app, { action: 'files.remove', selection: { kind: 'ids', ids }, reason: 'Hồ sơ lập trùng' });
    expect(result.changed).toBe(ids.length + docs);
    expect((await w.app.call('files.list', { fondsId: w.fondsId })).map((f) => f.id)).not.toContain(ids[0]);
    expect(db(w).prepare(`SELECT COUNT(*) FROM documents WHERE removed_with_file_id IN (${ids.join(',')})`).pluck().get()).toBe(docs);
    await w.app.call('bulk.undo', { operationId: result.operationId! });
    expect(db(w).prepare(`SELECT COUNT(*) FROM documents WHERE file_id IN (${ids.join(',')}) AND removed_at IS NULL`).pluck().get()).toBe(docs);
    expect((await w.app.call('files.list', { fondsId: w.fondsId })).map((f) => f.id)).toEqual(expect.arrayContaining(ids));
  });

  it('adds files to a draft batch; files holding secret documents need a reason', async () => {
    const w = await world();
    const batch = await w.app.call('handover.batches.create', { code: 'BG-01', fromOrganizationId: w.orgId, toOrganizationId: w.successorId, recipientKind: 'successor' });
    const all = [...w.fileByYear.values()];
    const secretFiles = new Set(w.docs.filter((d) => d.secret && d.fileId !== null).map((d) => d.fileId!));
    expect(secretFiles.size).toBeGreaterThan(0);
    const first = await runBulk(w.app, { action: 'files.addToBatch', selection: { kind: 'list', fondsId: w.fondsId }, batchId: batch.id });
    expect(first.refusedByCode).toEqual({ secret_needs_confirmation: secretFiles.size });
    expect(first.fileIds.sort()).toEqual(all.filter((f) => !secretFiles.has(f)).sort());
    const second = await runBulk(w.app, { action: 'files.addToBatch', selection: { kind: 'list', fondsId: w.fondsId }, batchId: batch.id, secretReason: 'Đã giải mật theo quyết định 12-QĐ/HU' });
    expect(second.unchanged).toBe(all.length - secretFiles.size);
    expect(second.changed).toBe(secretFiles.size);
    const detail = await w.app.call('handover.batches.get', { id: batch.id });
    expect(detail.files.map((f) => f.id).sort()).toEqual(all.sort());
    expect(detail.secretConfirmations.length).toBe(w.docs.filter((d) => d.secret && d.fileId !== null).length);
    // Undo takes the files out of the batch again.
    await w.app.call('bulk.undo', { operationId: second.operationId! });
    expect((await w.app.call('handover.batches.get', { id: batch.id })).files).toHaveLength(all.length - secretFiles.size);
  });
});

describe('undo', () => {
  it('puts every record back as one step, audits it, and cannot be done twice', async () => {
    const w = await world();
    const unfiled = w.docs.filter((d) => d.fileId === null && d.fondsId === w.fondsId && !d.secret);
    const placement = () => JSON.stringify(db(w).prepare('SELECT id, file_id, order_in_file, removed_at FROM documents ORDER BY id').all());
    const before = placement();
    const moved = await runBulk(w.app, { action: 'documents.move', selection: { kind: 'ids', ids: unfiled.map((d) => d.id) }, to: { newFile: { code: 'MỚI-1', title: 'Hồ sơ mới' } } });
    const ops = await w.app.call('bulk.operations', {});
    expect(ops[0]).toMatchObject({ id: moved.operationId, action: 'documents.move', actor: 'tester', undoneAt: null, changed: moved.changed });
    const undone = await w.app.call('bulk.undo', { operationId: moved.operationId! });
    expect(undone.restored).toBe(moved.changed);
    for (const d of unfiled) expect(db(w).prepare('SELECT file_id FROM documents WHERE id = ?').pluck().get(d.id)).toBeNull();
    // The file it made is removed (a mark, never a deletion), with the reason.
    const created = db(w).prepare('SELECT removed_at IS NOT NULL AS gone, removal_reason FROM files WHERE id = ?').get(moved.createdFileId) as { gone: number; removal_reason: string };
    expect(created).toEqual({ gone: 1, removal_reason: `Hoàn tác thao tác hàng loạt số ${moved.operationId}` });
    expect(auditRows(w.app, 'bulk.document.undo')).toHaveLength(unfiled.length);
    expect(auditRows(w.app, 'bulk.file.undo')).toHaveLength(1);
    expect((await w.app.call('bulk.operations', {}))[0]!.undoneBy).toBe('tester');
    await expect(w.app.call('bulk.undo', { operationId: moved.operationId! })).rejects.toMatchObject({ kind: 'conflict' });
    // Every document is where it was, numbered as it was.
    expect(placement()).toBe(before);
    expect((await w.app.call('audit.verify', {})).ok).toBe(true);
  });

  it('refuses cleanly when a record changed since, naming it, and changes nothing', async () => {
    const w = await world();
    const fileId = w.fileByYear.get(2022)!;
    const result = await runBulk(w.app, { action: 'documents.setFields', selection: { kind: 'list', fileId }, fields: { notes: 'Bản sao y' } });
    const touched = result.documentIds[0]!;
    await w.app.call('documents.update', { id: touched, patch: { notes: 'Bản chính' } });
    const number = (await w.app.call('documents.get', { id: touched })).numberSymbol!;
    const before = fingerprint(w);
    const auditBefore = db(w).prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
    const err = await w.app.call('bulk.undo', { operationId: result.operationId! }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe('conflict');
    expect((err as ApiError).message).toContain(number);
    expect(fingerprint(w)).toBe(before);
    expect(db(w).prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(auditBefore);
  });

  it('renumbers files and reorders a file’s documents, both undoable', async () => {
    const w = await world();
    const files = [...w.fileByYear.values()].reverse();
    const renumbered = await runBulk(w.app, { action: 'files.renumber', selection: { kind: 'ids', ids: files }, start: 1, prefix: '' });
    expect((await Promise.all(files.map((id) => w.app.call('files.get', { id })))).map((f) => f.code)).toEqual(['1', '2', '3', '4']);
    expect(auditRows(w.app, 'bulk.file.renumber')).toHaveLength(renumbered.changed);
    await w.app.call('bulk.undo', { operationId: renumbered.operationId! });
    expect((await Promise.all(files.map((id) => w.app.call('files.get', { id })))).map((f) => f.code)).toEqual(['4', '3', '2', '1']);

    const fileId = w.fileByYear.get(2023)!;
    const inFile = w.docs.filter((d) => d.fileId === fileId).map((d) => d.id);
    const wanted = [...inFile].reverse();
    await runBulk(w.app, { action: 'documents.reorder', fileId, selection: { kind: 'ids', ids: wanted } });
    const page = await w.app.call('documents.list', { fileId });
    expect(page.items.map((d) => d.id)).toEqual(wanted);
    expect(page.items.map((d) => d.orderInFile)).toEqual(wanted.map((_, i) => i + 1));
  });
});

describe('large selections', () => {
  it('run as a job with progress, and a cancelled job writes nothing', async () => {
    const w = await world({ count: 2_300, texts: 40 });
    const selection = { kind: 'list' as const, fondsId: w.fondsId };
    const expected = db(w).prepare("SELECT COUNT(*) FROM documents WHERE fonds_id = ? AND removed_at IS NULL").pluck().get(w.fondsId) as number;
    expect(expected).toBeGreaterThan(2_000);

    const cancelled = await w.app.call('bulk.start', { action: 'documents.setFields', selection, fields: { notes: 'Đã rà soát' } });
    expect(cancelled.jobId).not.toBeNull();
    await w.app.call('jobs.cancel', { jobId: cancelled.jobId! });
    const status = await waitForJob(w.app, cancelled.jobId!);
    expect(status.state).toBe('cancelled');
    expect(db(w).prepare("SELECT COUNT(*) FROM documents WHERE notes = 'Đã rà soát'").pluck().get()).toBe(0);

    const started = await w.app.call('bulk.start', { action: 'documents.setFields', selection, fields: { notes: 'Đã rà soát' } });
    const seen = new Set<number>();
    for (;;) {
      const s = await w.app.call('jobs.get', { jobId: started.jobId! });
      expect(s.kind).toBe('bulk');
      expect(s.total).toBe(expected);
      seen.add(s.processed);
      if (s.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 1));
    }
    const { result } = await w.app.call('bulk.jobResult', { jobId: started.jobId! });
    expect(result!.changed).toBe(expected);
    expect(db(w).prepare("SELECT COUNT(*) FROM documents WHERE notes = 'Đã rà soát'").pluck().get()).toBe(expected);
    expect(auditRows(w.app, 'bulk.document.update')).toHaveLength(expected);
  });
});
