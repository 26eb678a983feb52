import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors';
import { SEED, SEED_FILES } from '../support/paths';
import { type TestApp, makeFondsWithFile, openTestApp, waitForJob } from '../support/services';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});
function start(dir?: string, actor?: string): TestApp {
  const app = openTestApp(dir, actor);
  apps.push(app);
  return app;
}

async function importPaths(app: TestApp, target: { fondsId: number; fileId?: number | null }, paths: string[]) {
  const { jobId } = await app.call('import.start', { target, paths });
  return waitForJob(app, jobId);
}

async function errorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

describe('import', () => {
  it('stores the text, pre-filled metadata and the original with its SHA-256, and never duplicates', async () => {
    const app = start();
    const { fonds, file } = await makeFondsWithFile(app);
    const first = await importPaths(app, { fondsId: fonds.id, fileId: file.id }, [SEED.conclusion1485]);
    expect(first.state).toBe('done');
    expect(first.results[0]).toMatchObject({ outcome: 'imported' });
    const id = first.results[0]!.documentId!;

    const doc = await app.call('documents.get', { id });
    expect(doc.numberSymbol).toBe('1485-KL/TU');
    expect(doc.docType).toBe('KẾT LUẬN');
    expect(doc.issueDate).toBe('2025-05-14');
    expect(doc.issuer).toBe('TỈNH ỦY ĐẮK LẮK');
    expect(doc.subject?.toLowerCase()).toContain('lần thứ 32');
    expect(doc.fullText).toContain('bàn giao');
    expect(doc.file?.id).toBe(file.id);
    expect(doc.orderInFile).toBe(1);

    const bytes = fs.readFileSync(SEED.conclusion1485);
    const att = doc.attachments[0]!;
    expect(att.size).toBe(bytes.byteLength);
    expect(att.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = path.join(app.services.context.catalogue.originalsDir, att.sha256.slice(0, 2), `${att.sha256}.txt`);
    expect(fs.readFileSync(stored).equals(bytes)).toBe(true);

    // Same bytes again, even under another name and into another file: a duplicate, nothing added.
    const copy = path.join(app.dir, 'ban-sao.txt');
    fs.copyFileSync(SEED.conclusion1485, copy);
    const again = await importPaths(app, { fondsId: fonds.id }, [SEED.conclusion1485, copy]);
    expect(again.results.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(again.results[0]!.documentId).toBe(id);
    expect((await app.call('app.counts', {})).documents).toBe(1);
  });

  it('imports a folder and reports each file: unsupported and empty files fail clearly, the rest go on', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const folder = path.join(app.dir, 'lô nhập #1');
    fs.mkdirSync(path.join(folder, 'con'), { recursive: true });
    fs.copyFileSync(SEED.letter4029, path.join(folder, 'con', 'Công văn 4029.txt'));
    fs.writeFileSync(path.join(folder, 'rỗng.txt'), '');
    fs.writeFileSync(path.join(folder, 'rác.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x41]));
    fs.writeFileSync(path.join(folder, 'bảng.xlsb'), 'x');
    const status = await importPaths(app, { fondsId: fonds.id }, [folder]);
    expect(status.total).toBe(4);
    expect(status.imported).toBe(1);
    expect(status.failed).toBe(3);
    const byName = Object.fromEntries(status.results.map((r) => [path.basename(r.name), r]));
    expect(byName['rỗng.txt']!.message).toMatch(/tệp rỗng/);
    expect(byName['rác.txt']!.message).toMatch(/Không đọc được/);
    expect(byName['bảng.xlsb']!.message).toMatch(/Chưa hỗ trợ định dạng/);
    expect(byName['Công văn 4029.txt']!.outcome).toBe('imported');
    const counts = await app.call('app.counts', {});
    expect(counts.documents).toBe(1);
    expect(counts.attachments).toBe(1);
  });

  it('stops at a file boundary when cancelled, keeping what was committed', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, paths: SEED_FILES });
    await app.call('jobs.cancel', { jobId });
    const status = await waitForJob(app, jobId);
    expect(status.state).toBe('cancelled');
    expect(status.processed).toBeLessThan(SEED_FILES.length);
    expect((await app.call('app.counts', {})).documents).toBe(status.imported);
  });

  it('refuses a target file of another fonds', async () => {
    const app = start();
    const { org, file } = await makeFondsWithFile(app);
    const other = await app.call('fonds.create', { code: 'X', name: 'Phông khác', organizationId: org.id });
    const err = await errorOf(app.call('import.start', { target: { fondsId: other.id, fileId: file.id }, paths: [SEED.haTinh] }));
    expect(err.kind).toBe('conflict');
    expect(err.message).toMatch(/phông khác/);
  });
});

describe('search', () => {
  async function withSeeds() {
    const app = start();
    const { fonds, file } = await makeFondsWithFile(app);
    await importPaths(app, { fondsId: fonds.id, fileId: file.id }, SEED_FILES);
    return { app, fonds, file };
  }

  it('finds "bàn giao tài liệu" from words typed without diacritics, ranked first, with a highlighted snippet', async () => {
    const { app } = await withSeeds();
    const result = await app.call('search.query', { text: 'ban giao tai lieu' });
    expect(result.total).toBeGreaterThanOrEqual(1);
    expect(result.hits[0]!.numberSymbol).toBe('1485-KL/TU');
    const highlighted = result.hits[0]!.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase());
    expect(highlighted.join(' ')).toMatch(/bàn giao/);
    expect(highlighted.join(' ')).toMatch(/tài liệu/);
  });

  it('folds đ to d, and accepts the query with its diacritics too', async () => {
    const { app } = await withSeeds();
    const plain = await app.call('search.query', { text: 'dak lak' });
    const marked = await app.call('search.query', { text: 'Đắk Lắk' });
    expect(plain.total).toBeGreaterThan(0);
    expect(marked.hits.map((h) => h.documentId)).toEqual(plain.hits.map((h) => h.documentId));
    const numbers = plain.hits.map((h) => h.numberSymbol);
    expect(numbers).toContain('1485-KL/TU');
    expect(numbers).toContain('1097-KL/TU');
  });

  it('finds a document by its number-symbol', async () => {
    const { app } = await withSeeds();
    expect((await app.call('search.query', { text: '1097-KL/TU' })).hits[0]!.numberSymbol).toBe('1097-KL/TU');
  });

  it('never errors on FTS syntax typed by a user', async () => {
    const { app } = await withSeeds();
    for (const text of ['"', 'bàn AND', 'NEAR(', '*', 'OR OR', '-giao', 'giao^', 'a:b', '(((', "'; DROP TABLE documents; --"]) {
      const result = await app.call('search.query', { text });
      expect(Array.isArray(result.hits)).toBe(true);
    }
    expect((await app.call('app.counts', {})).documents).toBe(5);
  });

  it('filters by fonds, type, date range, retention class and handover status', async () => {
    const { app, fonds, file } = await withSeeds();
    const all = await app.call('search.query', { text: '' });
    expect(all.total).toBe(5);
    expect((await app.call('search.query', { text: '', filters: { docTypes: ['CÔNG VĂN'] } })).hits.map((h) => h.numberSymbol)).toEqual(['4029-CV/TU']);
    const dated = await app.call('search.query', { text: '', filters: { dateFrom: '2025-01-01', dateTo: '2025-12-31' } });
    expect(dated.hits.map((h) => h.numberSymbol)).toEqual(['1485-KL/TU']);
    expect((await app.call('search.query', { text: 'ket luan', filters: { retentionClasses: ['permanent'] } })).total).toBeGreaterThan(0);
    expect((await app.call('search.query', { text: 'ket luan', filters: { retentionClasses: ['fixed', 'none'] } })).total).toBe(0);
    expect((await app.call('search.query', { text: '', filters: { handoverStatuses: ['not_started'] } })).total).toBe(5);
    expect((await app.call('search.query', { text: '', filters: { handoverStatuses: ['handed_over'] } })).total).toBe(0);
    expect((await app.call('search.query', { text: '', filters: { fondsIds: [fonds.id + 999] } })).total).toBe(0);

    await app.call('files.update', { id: file.id, patch: { retentionCode: '10' } });
    expect((await app.call('search.query', { text: 'ket luan', filters: { retentionClasses: ['fixed'] } })).total).toBeGreaterThan(0);
  });

  it('pages through results', async () => {
    const { app } = await withSeeds();
    const first = await app.call('search.query', { text: 'tinh uy', limit: 2 });
    const second = await app.call('search.query', { text: 'tinh uy', limit: 2, offset: 2 });
    expect(first.hits).toHaveLength(2);
    expect(second.total).toBe(first.total);
    const overlap = second.hits.filter((h) => first.hits.some((f) => f.documentId === h.documentId));
    expect(overlap).toEqual([]);
  });

  it('keeps the index in step with edits', async () => {
    const { app } = await withSeeds();
    const hit = (await app.call('search.query', { text: '4029-CV/TU' })).hits[0]!;
    await app.call('documents.update', { id: hit.documentId, patch: { subject: 'Về việc kiểm kê phông lưu trữ Huyện ủy' } });
    const found = await app.call('search.query', { text: 'kiem ke phong luu tru' });
    expect(found.hits[0]!.documentId).toBe(hit.documentId);
  });
});

describe('editing and the audit trail', () => {
  it('records who changed what, before and after, and keeps it across a restart', async () => {
    const app = start(undefined, 'Lê Thị Lưu Trữ');
    const { fonds, file } = await makeFondsWithFile(app);
    const status = await importPaths(app, { fondsId: fonds.id, fileId: file.id }, [SEED.conclusion1485]);
    const id = status.results[0]!.documentId!;
    const updated = await app.call('files.update', { id: file.id, patch: { retentionCode: '10', box: '7' } });
    expect(updated.retention?.labelVi).toBe('10 năm');

    const history = await app.call('audit.list', { documentId: id });
    const change = history.find((e) => e.action === 'file.update')!;
    expect(change.actor).toBe('Lê Thị Lưu Trữ');
    expect(change.before).toMatchObject({ retentionCode: 'VV', box: null });
    expect(change.after).toMatchObject({ retentionCode: '10', box: '7' });
    expect(history.some((e) => e.action === 'document.import')).toBe(true);

    const dir = app.dir;
    await app.close();
    apps.splice(apps.indexOf(app), 1);
    const reopened = start(dir);
    const doc = await reopened.call('documents.get', { id });
    expect(doc.file?.retentionCode).toBe('10');
    expect((await reopened.call('audit.list', { documentId: id })).map((e) => e.id)).toEqual(history.map((e) => e.id));
    expect(reopened.services.context.catalogue.repos.audit.verify().ok).toBe(true);
  });

  it('clears a field from review once an archivist fills it in, and audits the edit', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const status = await importPaths(app, { fondsId: fonds.id }, [SEED.letter4029]);
    const id = status.results[0]!.documentId!;
    const before = await app.call('documents.get', { id });
    expect(before.issueDate).toBeNull();
    expect(before.reviewFields).toContain('issueDate');
    const after = await app.call('documents.update', { id, patch: { issueDate: '2025-03-05', notes: 'Ngày ghi tay trên bản gốc' } });
    expect(after.reviewFields).not.toContain('issueDate');
    const row = (await app.call('audit.list', { documentId: id })).find((e) => e.action === 'document.update')!;
    expect(row.before).toMatchObject({ issueDate: null });
    expect(row.after).toMatchObject({ issueDate: '2025-03-05' });
  });

  it('answers bad calls with clear errors and changes nothing', async () => {
    const app = start();
    const { fonds, file } = await makeFondsWithFile(app);
    const auditBefore = (await app.call('audit.list', {})).length;

    const unknown = await app.raw('documents.drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'unknown_operation' } });
    const bad = await app.raw('files.update', { id: file.id, patch: { sheetCount: -3, title: '' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.kind).toBe('invalid_input');
      expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual(['patch.sheetCount', 'patch.title']);
    }
    expect((await app.raw('files.update', { id: file.id, patch: { retentionCode: 'ZZ' } })).ok).toBe(false);
    expect((await app.raw('documents.get', { id: 999 })).ok).toBe(false);
    expect((await app.raw('fonds.create', { code: fonds.code, name: 'Trùng mã', organizationId: fonds.organizationId })).ok).toBe(false);
    expect((await app.raw('search.query', undefined)).ok).toBe(true);
    expect((await app.raw('search.query', null)).ok).toBe(false);
    expect((await app.raw('search.query', 'not an object')).ok).toBe(false);

    expect((await app.call('files.get', { id: file.id })).retentionCode).toBe('VV');
    expect((await app.call('audit.list', {})).length).toBe(auditBefore);
  });

  it('records an organization ending and its successor, refusing cycles', async () => {
    const app = start();
    const district = await app.call('organizations.create', { name: 'Huyện ủy Cư Kuin', level: 'district', endDate: '2025-06-30' });
    const commune = await app.call('organizations.create', { name: 'Đảng ủy xã Hòa Hiệp', level: 'commune', startDate: '2025-07-01' });
    const linked = await app.call('organizations.addSuccessor', { predecessorId: district.id, successorId: commune.id, effectiveDate: '2025-07-01', basis: 'Kết luận 1485-KL/TU' });
    expect(linked.successors.map((s) => s.name)).toEqual(['Đảng ủy xã Hòa Hiệp']);
    const err = await errorOf(app.call('organizations.addSuccessor', { predecessorId: commune.id, successorId: district.id }));
    expect(err.message).toMatch(/vòng lặp/);
  });
});

describe('the sample fonds', () => {
  it('loads the five documents into a demo fonds with files, once', async () => {
    const app = start();
    const first = await app.call('samples.load', {});
    expect(first).toMatchObject({ imported: 5, duplicates: 0 });
    const second = await app.call('samples.load', {});
    expect(second).toMatchObject({ fondsId: first.fondsId, imported: 0, duplicates: 5 });
    const counts = await app.call('app.counts', {});
    expect(counts).toMatchObject({ fonds: 1, files: 2, documents: 5, organizations: 2 });
    const files = await app.call('files.list', { fondsId: first.fondsId });
    expect(files.map((f) => f.documentCount)).toEqual([2, 3]);
    const orgs = await app.call('organizations.list', {});
    expect(orgs.find((o) => o.endDate === '2025-06-30')?.successors).toHaveLength(1);
  });
});
