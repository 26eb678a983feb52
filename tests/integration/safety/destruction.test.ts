/**
 * Destruction of expired records is only recorded as an approved decision: the list is exported and
 * confirmed by its hash, the records stay in the catalogue marked with the decision, the originals
 * stay until moved to a quarantine folder the user chose (never deleted).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED } from '../../support/paths';
import type { TestApp } from '../../support/services';
import { tempDir } from '../../support/services';
import { archiveWithFiles, callError, cli, importInto, openSafetyApp } from '../../support/safety';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

async function setUp(passphrase: string | null = null) {
  const app = openSafetyApp(undefined, { clock: { now: '2025-06-15T09:00:00.000Z' }, passphrase });
  apps.push(app);
  const world = await archiveWithFiles(app);
  // Not yet expired: closed 2020, kept 10 years.
  const recent = await app.call('files.create', { fondsId: world.fonds.id, code: '30', title: 'Công văn năm 2020', retentionCode: '10', startDate: '2020-01-02', endDate: '2020-12-30' });
  const docs = await importInto(app, { fondsId: world.fonds.id, fileId: world.fixed.id }, [SEED.letter4029, SEED.haTinh]);
  return { app, ...world, recent, docs };
}

describe('destruction decisions', () => {
  it('lists expired fixed-term files only, and refuses permanent, unexpired or unknown ones', async () => {
    const { app, fixed, permanent, recent } = await setUp();
    const candidates = await app.call('destruction.candidates', {});
    expect(candidates.map((c) => c.fileId)).toEqual([fixed.id]);
    expect(candidates[0]).toMatchObject({ code: '12', expiredOn: '2021-01-01', documentCount: 2, originalCount: 2 });

    const base = { decisionNumber: '25-QĐ/HU', decisionDate: '2025-06-10', approvedBy: 'Ban Thường vụ Huyện ủy' };
    const refused = await callError(app, 'destruction.record', { ...base, fileIds: [fixed.id, permanent.id, recent.id] });
    expect(refused.kind).toBe('invalid_input');
    expect(refused.message).toMatch(/vĩnh viễn, không bao giờ được tiêu hủy/);
    expect(refused.message).toMatch(/chưa hết thời hạn bảo quản \(hết hạn từ 2031-01-01\)/);
    expect((await app.call('destruction.list', {})).length).toBe(0);
    expect((await callError(app, 'destruction.record', { ...base, decisionDate: '2025-07-01', fileIds: [fixed.id] })).message).toMatch(/tương lai/);
  });

  it('records the decision, keeps everything until the exported list is confirmed, then marks the records and moves the originals to quarantine', async () => {
    const { app, fixed, docs } = await setUp();
    const decision = await app.call('destruction.record', {
      decisionNumber: '25-QĐ/HU',
      decisionDate: '2025-06-10',
      approvedBy: 'Ban Thường vụ Huyện ủy Ea Súp',
      approverTitle: 'Phó Bí thư Thường trực',
      basis: 'Biên bản họp Hội đồng xác định giá trị tài liệu ngày 02/6/2025',
      fileIds: [fixed.id],
    });
    expect(decision).toMatchObject({ state: 'approved', recordedBy: 'tester', items: [expect.objectContaining({ fileId: fixed.id, documentCount: 2 })] });
    // Recorded, not destroyed: still listed and searchable; the file cannot be removed around the decision.
    expect((await app.call('documents.list', { fileId: fixed.id })).total).toBe(2);
    expect((await callError(app, 'files.remove', { id: fixed.id, reason: 'tránh quyết định' })).kind).toBe('conflict');
    // Confirming before exporting the list is refused.
    expect((await callError(app, 'destruction.confirm', { id: decision.id, listSha256: '0'.repeat(64) })).message).toMatch(/xuất danh mục/);

    const list = await app.call('destruction.exportList', { id: decision.id });
    expect(list.sha256).toBe(createHash('sha256').update(list.content, 'utf8').digest('hex'));
    const csv = path.join(tempDir('kholuu-list-'), list.fileName);
    fs.writeFileSync(csv, list.content);
    // A real spreadsheet reader opens it and sees the decision and the file.
    execFileSync('soffice', ['--headless', '--infilter=CSV:44,34,76', '--convert-to', 'xlsx', '--outdir', path.dirname(csv), csv], { stdio: 'ignore', timeout: 120_000 });
    const xlsx = csv.replace(/\.csv$/, '.xlsx');
    expect(fs.existsSync(xlsx)).toBe(true);
    const back = tempDir('kholuu-back-');
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', back, xlsx], { stdio: 'ignore', timeout: 120_000 });
    const reread = fs.readFileSync(path.join(back, path.basename(xlsx).replace(/\.xlsx$/, '.csv')), 'utf8');
    expect(reread).toContain('25-QĐ/HU');
    expect(reread).toContain('Công văn trao đổi năm 2010');
    expect(reread).toMatch(/1,HU-ES,12,Công văn trao đổi năm 2010/);

    expect((await callError(app, 'destruction.confirm', { id: decision.id, listSha256: 'a'.repeat(64) })).message).toMatch(/không phải danh mục đã xuất/);
    const executed = await app.call('destruction.confirm', { id: decision.id, listSha256: list.sha256 });
    expect(executed).toMatchObject({ state: 'executed', executedBy: 'tester' });
    expect((await app.call('documents.list', { fileId: fixed.id })).total).toBe(0);
    expect((await app.call('files.list', { fondsId: fixed.fondsId })).map((f) => f.id)).not.toContain(fixed.id);
    expect((await app.call('search.query', { text: '4029' })).total).toBe(0);
    const doc = await app.call('documents.get', { id: docs[0]! });
    expect(doc.removal).toMatchObject({ destructionDecisionId: decision.id, reason: expect.stringMatching(/Tiêu hủy theo Quyết định số 25-QĐ\/HU/) });
    expect((await callError(app, 'documents.restore', { id: docs[0]! })).message).toMatch(/đã được tiêu hủy/);
    expect((await callError(app, 'files.restore', { id: fixed.id })).message).toMatch(/đã được tiêu hủy/);

    // The originals are still in the managed folder until moved; the check passes.
    const managed = doc.attachments.map((a) => path.join(app.services.context.catalogue.originalsDir, a.sha256.slice(0, 2), `${a.sha256}.txt`));
    expect(managed.every((f) => fs.existsSync(f))).toBe(true);
    expect((await app.call('integrity.check', {})).ok).toBe(true);

    // The quarantine folder may not be inside the managed folders.
    expect((await callError(app, 'destruction.moveOriginals', { id: decision.id, quarantineDir: path.join(app.services.context.catalogue.originalsDir, 'x') })).kind).toBe('invalid_input');
    const quarantine = tempDir('kholuu-quarantine-');
    const moved = await app.call('destruction.moveOriginals', { id: decision.id, quarantineDir: quarantine });
    expect(moved).toMatchObject({ moved: 2, problems: [] });
    expect(managed.every((f) => !fs.existsSync(f))).toBe(true);
    for (const a of doc.attachments) {
      const copy = path.join(moved.quarantinePath, a.sha256.slice(0, 2), `${a.sha256}.txt`);
      expect(createHash('sha256').update(fs.readFileSync(copy)).digest('hex')).toBe(a.sha256);
    }
    expect(fs.readFileSync(path.join(moved.quarantinePath, 'ban-ke.csv'), 'utf8')).toContain(doc.attachments[0]!.sha256);
    // Moved originals are known to be elsewhere: the check still passes and counts them.
    const check = await app.call('integrity.check', {});
    expect(check.ok).toBe(true);
    expect(check.originals.movedOut).toBe(2);
    const trail = (await app.call('audit.list', { entityType: undefined, limit: 30 })).map((r) => r.action);
    expect(trail).toEqual(expect.arrayContaining(['destruction.record', 'destruction.listExport', 'destruction.execute', 'destruction.moveOriginals']));
  });

  it('in a catalogue created encrypted, moves the originals out as imported: their SHA-256 is the list’s', async () => {
    const { app, fixed, docs } = await setUp('Mật khẩu kho lưu trữ huyện 2025');
    const doc = await app.call('documents.get', { id: docs[0]! });
    const managed = doc.attachments.map((a) => path.join(app.services.context.catalogue.originalsDir, a.sha256.slice(0, 2), `${a.sha256}.txt`));
    // Stored encrypted: neither the text nor its SHA-256 is what the import read.
    for (const [i, f] of managed.entries()) expect(createHash('sha256').update(fs.readFileSync(f)).digest('hex')).not.toBe(doc.attachments[i]!.sha256);
    expect(fs.readFileSync(managed[0]!, 'latin1')).not.toContain('4029');
    const decision = await app.call('destruction.record', { decisionNumber: '26-QĐ/HU', decisionDate: '2025-06-10', approvedBy: 'Ban Thường vụ Huyện ủy Ea Súp', fileIds: [fixed.id] });
    const list = await app.call('destruction.exportList', { id: decision.id });
    await app.call('destruction.confirm', { id: decision.id, listSha256: list.sha256 });
    const moved = await app.call('destruction.moveOriginals', { id: decision.id, quarantineDir: tempDir('kholuu-quarantine-') });
    expect(moved).toMatchObject({ moved: 2, problems: [] });
    const listed = fs.readFileSync(path.join(moved.quarantinePath, 'ban-ke.csv'), 'utf8');
    for (const a of doc.attachments) {
      const copy = path.join(moved.quarantinePath, a.sha256.slice(0, 2), `${a.sha256}.txt`);
      expect(createHash('sha256').update(fs.readFileSync(copy)).digest('hex')).toBe(a.sha256);
      expect(listed).toContain(a.sha256);
    }
    expect(managed.every((f) => !fs.existsSync(f))).toBe(true);
  });

  it('works from the command line: record, export, confirm with the exported file, move originals', async () => {
    const { app, fixed } = await setUp();
    await app.close();
    apps.length = 0;
    const db = app.cataloguePath;
    const rec = cli(['--db', db, 'destruction', 'record', '--number', '7-QĐ/VPHU', '--date', '2025-01-10', '--approved-by', 'Chánh Văn phòng', '--files', String(fixed.id)]);
    expect(rec.code).toBe(0);
    const id = /\[(\d+)\]/.exec(rec.stdout)![1]!;
    const out = path.join(tempDir('kholuu-cli-list-'), 'danh-muc.csv');
    expect(cli(['--db', db, 'destruction', 'confirm', id, '--list', out, '--yes']).code).toBe(1); // not exported yet: no file
    expect(cli(['--db', db, 'destruction', 'export', id, '--out', out]).code).toBe(0);
    expect(cli(['--db', db, 'destruction', 'confirm', id, '--list', out]).code).toBe(3); // no --yes, no terminal: not done
    const confirmed = cli(['--db', db, 'destruction', 'confirm', id, '--list', out, '--yes']);
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toContain('executed');
    const q = tempDir('kholuu-cli-q-');
    const move = cli(['--db', db, 'destruction', 'move-originals', id, '--to', q]);
    expect(move.code).toBe(0);
    expect(move.stdout).toMatch(/Đã chuyển 2 bản gốc/);
    expect(cli(['--db', db, 'check']).code).toBe(0);
  });
});
