import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Document as DocxDocument, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, sentence } from '../../shared/contract/errors';
import { BATCH_MAX_FILES } from '../../electron/services/import/importBatch';
import { READ_AHEAD_FILES } from '../../electron/services/import/importJob';
import { SEED } from '../support/paths';
import { writeManyDocuments, writePartyDocument } from '../support/partyDocs';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../support/services';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});
function start(): TestApp {
  const app = openTestApp();
  apps.push(app);
  return app;
}

async function errorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

async function allItems(app: TestApp, runId: number) {
  const items = [];
  for (let offset = 0; ; ) {
    const page = await app.call('importRuns.items', { runId, offset, limit: 1000 });
    items.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return items;
  }
}

/** Every stored original, read back from the catalogue file itself. */
function attachmentShas(cataloguePath: string): string[] {
  const db = new Database(cataloguePath, { readonly: true });
  try {
    return (db.prepare('SELECT sha256 FROM attachments').all() as Array<{ sha256: string }>).map((r) => r.sha256);
  } finally {
    db.close();
  }
}

/** A small real PDF with a text layer. */
function pdfBytes(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Ket luan so 46-KL/TU');
    doc.end();
  });
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('import runs and their reports', () => {
  it('records a folder import as a run whose report lists every file: imported, duplicate, failed with its reason', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const folder = path.join(tempDir(), 'Hộp 1');
    const good = writePartyDocument(path.join(folder, 'con'), 'Kết luận số 44 – bản (sao) #2; “chính thức”.txt', { number: '44-KL/TU', date: '05/8/2025' });
    fs.copyFileSync(good, path.join(folder, 'bản sao.txt'));
    fs.writeFileSync(path.join(folder, 'rỗng.txt'), '');
    fs.writeFileSync(path.join(folder, 'rác.txt'), Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 0]));
    fs.writeFileSync(path.join(folder, 'ảnh.bmp'), 'not a document');
    fs.writeFileSync(path.join(folder, 'Thumbs.db'), 'junk the walk skips');
    // Real files cut in half, as a copy interrupted on a USB stick leaves them.
    const docx = await Packer.toBuffer(new DocxDocument({ sections: [{ children: [new Paragraph('Kết luận số 45-KL/TU')] }] }));
    fs.writeFileSync(path.join(folder, 'hỏng.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
    const pdf = await pdfBytes();
    fs.writeFileSync(path.join(folder, 'hỏng.pdf'), pdf.subarray(0, Math.floor(pdf.length / 2)));

    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [folder] });
    const status = await waitForJob(app, jobId);
    expect(status.state).toBe('done');
    expect(status.runId).not.toBeNull();
    const run = await app.call('importRuns.get', { runId: status.runId! });
    // The report in the message: a file failed for a reason the machine's load gave it is seen at once.
    const report = (await allItems(app, run.id)).map((i) => `${path.basename(i.name)}: ${i.outcome} ${i.message ?? ''}`).join('\n');
    expect(run, report).toMatchObject({ state: 'done', total: 7, processed: 7, imported: 1, duplicates: 1, failed: 5, resumable: true, actor: 'tester', fondsId: fonds.id });
    expect(run.sources).toEqual([folder]);

    const items = await allItems(app, run.id);
    const byName = Object.fromEntries(items.map((i) => [path.basename(i.name), i]));
    expect(Object.keys(byName).sort()).toEqual(['Kết luận số 44 – bản (sao) #2; “chính thức”.txt', 'bản sao.txt', 'hỏng.docx', 'hỏng.pdf', 'rác.txt', 'rỗng.txt', 'ảnh.bmp'].sort());
    const original = byName['Kết luận số 44 – bản (sao) #2; “chính thức”.txt']!;
    const copy = byName['bản sao.txt']!;
    // Walk order is name order: the copy comes first, so the copy is the one imported.
    const [first, second] = copy.seq < original.seq ? [copy, original] : [original, copy];
    expect(first).toMatchObject({ outcome: 'imported', sha256: sha(good) });
    expect(second).toMatchObject({ outcome: 'duplicate', documentId: first.documentId });
    expect(byName['rỗng.txt']).toMatchObject({ outcome: 'failed', documentId: null });
    expect(byName['rỗng.txt']!.message).toMatch(/rỗng/);
    expect(byName['rác.txt']!.outcome).toBe('failed');
    expect(byName['rác.txt']!.message).toMatch(/rác\.txt/);
    expect(byName['ảnh.bmp']!.message).toMatch(/Chưa hỗ trợ định dạng/);
    for (const broken of ['hỏng.docx', 'hỏng.pdf']) {
      expect(byName[broken]).toMatchObject({ outcome: 'failed', documentId: null });
      expect(byName[broken]!.message).toContain(broken);
    }

    const failedOnly = await app.call('importRuns.items', { runId: run.id, outcome: 'failed' });
    expect(failedOnly.total).toBe(5);
    expect(failedOnly.items.every((i) => i.outcome === 'failed')).toBe(true);

    const list = await app.call('importRuns.list', {});
    expect(list.items[0]!.id).toBe(run.id);

    // Only the imported file's original is stored: nothing is written for a file that could not be read.
    const stored = fs.readdirSync(path.join(app.dir, 'catalogue.originals'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(stored.map((e) => e.name)).toEqual([`${sha(good)}.txt`]);
  });

  it('imports the first listed of two identical files and reports the second as its duplicate, whichever is read first', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const folder = path.join(tempDir(), 'Hộp 2');
    const later = writePartyDocument(path.join(folder, 'con'), 'Kết luận số 47.txt', { number: '47-KL/TU', date: '06/8/2025' });
    const first = path.join(folder, 'bản sao.txt');
    fs.copyFileSync(later, first);
    // Reader threads finish in any order on a loaded machine: here the first listed file is read last.
    const readFile = fs.promises.readFile.bind(fs.promises);
    let release!: () => void;
    const laterRead = new Promise<void>((resolve) => (release = resolve));
    const spy = vi.spyOn(fs.promises, 'readFile').mockImplementation((async (file: fs.PathLike, options?: unknown) => {
      if (file === first) await laterRead;
      const bytes = await readFile(file as string, options as undefined);
      if (file === later) setTimeout(release, 50);
      return bytes;
    }) as typeof fs.promises.readFile);
    try {
      const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [folder] });
      const status = await waitForJob(app, jobId);
      const items = await allItems(app, status.runId!);
      const byName = Object.fromEntries(items.map((i) => [path.basename(i.name), i]));
      const report = items.map((i) => `${path.basename(i.name)}: ${i.outcome} ${i.message ?? ''}`).join('\n');
      expect(byName['bản sao.txt'], report).toMatchObject({ outcome: 'imported', sha256: sha(later) });
      expect(byName['Kết luận số 47.txt'], report).toMatchObject({ outcome: 'duplicate', documentId: byName['bản sao.txt']!.documentId });
    } finally {
      spy.mockRestore();
    }
  });

  it('reports a missing source as a failed line, imports a file named twice (overlapping sources) once, and refuses when nothing exists', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const folder = tempDir();
    const inner = writePartyDocument(path.join(folder, 'con'), 'a.txt', { number: '5-KL/TU', date: '02/2/2025' });
    const missing = path.join(folder, 'không có.txt');
    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [folder, inner, missing] });
    const status = await waitForJob(app, jobId);
    expect(status).toMatchObject({ state: 'done', processed: 2, imported: 1, failed: 1, duplicates: 0 });
    const items = await allItems(app, status.runId!);
    expect(items.map((i) => [i.name, i.outcome])).toEqual([
      [inner, 'imported'],
      [missing, 'failed'],
    ]);
    expect(items[1]!.message).toMatch(/Không tìm thấy/);
    // The live result carries the reason as a code: the English interface words it in English.
    const live = status.results.find((r) => r.name === missing)!;
    expect(live.text).toEqual({ code: 'import.pathMissing', params: { path: missing } });
    expect(sentence('en', live.text!)).toBe(`“${missing}” was not found.`);
    const nothing = await errorOf(app.call('import.start', { target: { fondsId: fonds.id }, paths: [missing] }));
    expect(nothing.kind).toBe('not_found');
  });

  it('exports the report as CSV (BOM, Vietnamese headers, quoted fields, no formulas) and as JSON', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const folder = tempDir();
    writePartyDocument(folder, 'a, "trích" dẫn.txt', { number: '12-KL/TU', date: '01/2/2025' });
    fs.writeFileSync(path.join(folder, '=HYPERLINK(1).txt'), '');
    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [folder] });
    const { runId } = await waitForJob(app, jobId);

    const csv = await app.call('importRuns.export', { runId: runId!, format: 'csv' });
    expect(csv.fileName).toBe(`bao-cao-nhap-${runId}.csv`);
    expect(csv.content.startsWith('\uFEFFSTT,Tệp,Kết quả,Mã văn bản,SHA-256')).toBe(true);
    const lines = csv.content.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.includes(`"${path.join(folder, 'a, ""trích"" dẫn.txt')}"`) && l.includes('Đã nhập'))).toBe(true);
    expect(lines.some((l) => l.includes(path.join(folder, '=HYPERLINK(1).txt')) && l.includes('Lỗi'))).toBe(true);
    const onlyFailed = await app.call('importRuns.export', { runId: runId!, format: 'csv', outcome: 'failed' });
    expect(onlyFailed.content.trim().split('\r\n')).toHaveLength(2);

    const json = JSON.parse((await app.call('importRuns.export', { runId: runId!, format: 'json' })).content);
    expect(json.run.id).toBe(runId);
    expect(json.items.map((i: { outcome: string }) => i.outcome).sort()).toEqual(['failed', 'imported']);

    // A name a spreadsheet would run as a formula gets a leading apostrophe.
    const job2 = await app.call('import.start', {
      target: { fondsId: fonds.id },
      uploads: [{ name: '=cmd|calc.txt', contentBase64: Buffer.from('').toString('base64') }],
    });
    const run2 = (await waitForJob(app, job2.jobId)).runId!;
    const csv2 = (await app.call('importRuns.export', { runId: run2, format: 'csv' })).content;
    expect(csv2).toContain(",'=cmd|calc.txt,");
  });

  it('cancelled mid-folder, keeps what was committed; resumed, completes with no duplicate and no file counted twice', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const folder = tempDir();
    // A cancel still commits what was read ahead and the batch open at the time: the folder holds
    // several times that much, so the cancel lands mid-folder however fast or loaded the machine is.
    const files = writeManyDocuments(folder, 3 * (BATCH_MAX_FILES + READ_AHEAD_FILES));
    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [folder] });
    // Cancel as soon as something is committed (progress counts committed work only).
    let status = await app.call('jobs.get', { jobId });
    while (status.state === 'running' && status.processed === 0) {
      await new Promise((r) => setImmediate(r));
      status = await app.call('jobs.get', { jobId });
    }
    await app.call('jobs.cancel', { jobId });
    status = await waitForJob(app, jobId);
    expect(status.state).toBe('cancelled');
    expect(status.imported).toBeGreaterThan(0);
    expect(status.imported).toBeLessThan(files.length);
    const runId = status.runId!;
    const cancelled = await app.call('importRuns.get', { runId });
    expect(cancelled).toMatchObject({ state: 'cancelled', processed: status.processed, imported: status.imported });
    expect((await app.call('app.counts', {})).documents).toBe(status.imported);
    expect(await allItems(app, runId)).toHaveLength(status.processed);

    const resumed = await app.call('import.resume', { runId });
    expect(resumed.runId).toBe(runId);
    const done = await waitForJob(app, resumed.jobId);
    expect(done.state).toBe('done');
    const run = await app.call('importRuns.get', { runId });
    expect(run).toMatchObject({ state: 'done', total: files.length, processed: files.length, imported: files.length, duplicates: 0, failed: 0, resumes: 1 });
    const items = await allItems(app, runId);
    expect(new Set(items.map((i) => i.name)).size).toBe(files.length);
    expect(items.map((i) => i.seq)).toEqual(items.map((_, i) => i + 1));
    const shas = attachmentShas(app.cataloguePath);
    expect(shas).toHaveLength(files.length);
    expect(new Set(shas)).toEqual(new Set(files.map(sha)));
    // The audit log records the start, the cancellation, the resume and the end.
    const db = new Database(app.cataloguePath, { readonly: true });
    const runActions = db.prepare("SELECT action FROM audit_log WHERE entity_type = 'import_run' AND entity_id = ? ORDER BY id").all(runId);
    db.close();
    expect(runActions.map((r) => (r as { action: string }).action)).toEqual(['import.start', 'import.finish', 'import.resume', 'import.finish']);
  });

  it('retries the failed files of a finished run on resume, replacing their report lines, and nothing else', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const folder = path.join(tempDir(), 'Hộp 3');
    const good = writeManyDocuments(folder, 3);
    const broken = path.join(folder, 'chua-chep-xong.txt');
    fs.writeFileSync(broken, '');
    const first = await waitForJob(app, (await app.call('import.start', { target: { fondsId: fonds.id }, paths: [folder] })).jobId);
    const runId = first.runId!;
    expect(await app.call('importRuns.get', { runId })).toMatchObject({ state: 'done', processed: 4, imported: 3, failed: 1 });

    // The copy is finished now: resuming the finished run reads only that file again.
    writePartyDocument(folder, 'chua-chep-xong.txt', { number: '88-KL/TU', date: '01/04/2025', subject: 'về chép tài liệu' });
    const resumed = await app.call('import.resume', { runId });
    const done = await waitForJob(app, resumed.jobId);
    expect(done.state).toBe('done');
    expect(done.results.map((r) => [r.name, r.outcome])).toEqual([[broken, 'imported']]);
    expect(await app.call('importRuns.get', { runId })).toMatchObject({ state: 'done', processed: 4, imported: 4, duplicates: 0, failed: 0, resumes: 1 });
    const items = await allItems(app, runId);
    expect(items).toHaveLength(4);
    expect(items.find((i) => i.name === broken)).toMatchObject({ outcome: 'imported', message: null });
    expect(new Set(items.map((i) => i.name))).toEqual(new Set([...good, broken]));
    expect((await app.call('app.counts', {})).documents).toBe(4);

    // Nothing failed any more: there is nothing to resume.
    expect((await errorOf(app.call('import.resume', { runId }))).message).toMatch(/đã hoàn tất, không có tệp lỗi/);
  });

  it('refuses to resume a finished run or one made of uploads, saying why', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const a = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [SEED.haTinh] });
    const runA = (await waitForJob(app, a.jobId)).runId!;
    expect((await errorOf(app.call('import.resume', { runId: runA }))).message).toMatch(/đã hoàn tất/);

    const b = await app.call('import.start', {
      target: { fondsId: fonds.id },
      uploads: [{ name: 'x.txt', contentBase64: fs.readFileSync(SEED.letter4029).toString('base64') }],
    });
    const runB = (await waitForJob(app, b.jobId)).runId!;
    const run = await app.call('importRuns.get', { runId: runB });
    expect(run.resumable).toBe(false);
    expect(run.sources).toEqual(['x.txt']);
    const refused = await errorOf(app.call('import.resume', { runId: runB }));
    expect(refused.kind).toBe('conflict');
    expect(refused.message).toMatch(/không đọc lại được/);
    expect((await errorOf(app.call('import.resume', { runId: 9999 }))).kind).toBe('not_found');
  });

  it('a 200 MB file fails clearly, without being read, and the rest of the folder is imported', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const folder = tempDir();
    const big = path.join(folder, 'xuất toàn bộ.txt');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 200 * 1024 * 1024);
    fs.closeSync(fd);
    writePartyDocument(folder, 'kết luận.txt', { number: '7-KL/TU', date: '03/3/2025' });
    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [folder] });
    const status = await waitForJob(app, jobId);
    expect(status).toMatchObject({ state: 'done', imported: 1, failed: 1 });
    const failed = (await app.call('importRuns.items', { runId: status.runId!, outcome: 'failed' })).items[0]!;
    expect(failed.name).toBe(big);
    expect(failed.message).toMatch(/quá lớn \(200 MB/);
    expect(failed.size).toBe(200 * 1024 * 1024);
  });

  it('keeps only a bounded list of results in memory while the report holds them all', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const folder = tempDir();
    writeManyDocuments(folder, 650);
    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [folder] });
    const status = await waitForJob(app, jobId);
    expect(status.imported).toBe(650);
    expect(status.results.length).toBe(500);
    // The most recent ones.
    expect(path.basename(status.results.at(-1)!.name)).toBe('vb-00649.txt');
    expect((await app.call('importRuns.items', { runId: status.runId!, limit: 1 })).total).toBe(650);
  });
});
