/**
 * An import report keeps each file's note as a code with parameters: the English interface reads a
 * duplicate, another original of a record held, a probable duplicate waiting for review and an
 * interrupted run in English, the command line in Vietnamese; a line stored as plain Vietnamese
 * before notes were coded still reads as it was stored.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { markInterruptedRuns } from '../../electron/services/import/runs';
import { type ErrorMessage, sentence } from '../../shared/contract/errors';
import { docxBytes, pdfBytes } from '../support/mixedCorpus';
import { partyDocument } from '../support/partyDocs';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../support/services';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

const spec = { number: '77-KL/TU', date: '02/03/2025', subject: 'về công tác lưu trữ tài liệu năm 2025', body: ['Ban Thường vụ Tỉnh ủy kết luận như sau.'] };
const en = (text: ErrorMessage | null | undefined) => (text ? sentence('en', text) : null);

async function run(app: TestApp, fondsId: number, files: string[]) {
  const status = await waitForJob(app, (await app.call('import.start', { target: { fondsId }, paths: files })).jobId);
  expect(status.state).toBe('done');
  return (await app.call('importRuns.items', { runId: status.runId! })).items;
}

describe('import report notes in the interface’s language', () => {
  it('words duplicates, another original of a record and a probable duplicate in English from the stored report', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const dir = tempDir('kholuu-notes-');
    const pdf = path.join(dir, 'ket-luan-77.pdf');
    const docx = path.join(dir, 'ket-luan-77.docx');
    const copy = path.join(dir, 'ban-sao-mat-ngay.txt');
    fs.writeFileSync(pdf, await pdfBytes(partyDocument(spec)));
    fs.writeFileSync(docx, await docxBytes(partyDocument(spec)));
    fs.writeFileSync(copy, partyDocument({ ...spec, date: undefined }));
    await run(app, fonds.id, [pdf]);

    const [other] = await run(app, fonds.id, [docx]);
    expect(other!.outcome).toBe('duplicate');
    expect(other!.message).toBe('Cùng văn bản số 77-KL/TU ngày 02/03/2025 của TỈNH ỦY ĐẮK LẮK đã có trong phông: tệp được lưu thêm làm một bản gốc khác của văn bản đó, không tạo hồ sơ văn bản mới.');
    expect(en(other!.text)).toBe('Already in the fonds: document No. 77-KL/TU of 02/03/2025 by TỈNH ỦY ĐẮK LẮK. The file was kept as another original of that document; no new record was made.');

    const [same] = await run(app, fonds.id, [pdf]);
    expect(same!.message).toBe('Tệp này (cùng nội dung từng byte) đã có trong danh mục: văn bản số 77-KL/TU ngày 02/03/2025 của TỈNH ỦY ĐẮK LẮK.');
    expect(en(same!.text)).toBe('This file (the same content, byte for byte) is already in the catalogue: document No. 77-KL/TU of 02/03/2025 by TỈNH ỦY ĐẮK LẮK.');

    const [probable] = await run(app, fonds.id, [copy]);
    expect(probable!.outcome).toBe('imported');
    expect(probable!.message).toBe('Đã nhập; có thể trùng với văn bản số 77-KL/TU ngày 02/03/2025 của TỈNH ỦY ĐẮK LẮK đã có trong phông: chờ người lưu trữ xem xét.');
    expect(en(probable!.text)).toBe("Imported; may be the same as document No. 77-KL/TU of 02/03/2025 by TỈNH ỦY ĐẮK LẮK, already in the fonds: waiting for the archivist's review.");
    // The review queue's note too.
    const queue = await app.call('review.list', { field: 'numberSymbol' });
    const field = queue.items.find((i) => i.document.id === probable!.documentId)!.fields.find((f) => f.field === 'numberSymbol')!;
    expect(field.note).toBe('có thể trùng với văn bản số 77-KL/TU ngày 02/03/2025 của TỈNH ỦY ĐẮK LẮK đã có trong phông');
    expect(en(field.noteText)).toBe('may be the same as document No. 77-KL/TU of 02/03/2025 by TỈNH ỦY ĐẮK LẮK, already in the fonds');
  });

  it('reads a note stored as plain Vietnamese (before notes were coded) as it was stored', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const dir = tempDir('kholuu-notes-old-');
    const pdf = path.join(dir, 'a.pdf');
    fs.writeFileSync(pdf, await pdfBytes(partyDocument(spec)));
    await run(app, fonds.id, [pdf]);
    const { runId } = await waitForJob(app, (await app.call('import.start', { target: { fondsId: fonds.id }, paths: [pdf] })).jobId);
    const db = app.services.context.catalogue.db;
    const stored = db.prepare('SELECT message FROM import_run_items WHERE run_id = ?').get(runId) as { message: string };
    expect(JSON.parse(stored.message)).toMatchObject({ code: 'importNote.sameBytes' });
    db.prepare('UPDATE import_run_items SET message = ? WHERE run_id = ?').run('Tệp này đã có trong danh mục: văn bản số 77-KL/TU.', runId);
    const [item] = (await app.call('importRuns.items', { runId: runId! })).items;
    expect(item).toMatchObject({ message: 'Tệp này đã có trong danh mục: văn bản số 77-KL/TU.', text: null });
  });

  it('words why a run was interrupted', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const ctx = app.services.context;
    // A run left `running` by a process that has since ended.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const runId = ctx.catalogue.repos.importRuns.create({ fondsId: fonds.id, fileId: null, sources: [os.tmpdir()], resumable: true, actor: 'tester', host: 'test', pid: dead, machine: os.hostname() }, '2025-06-01T00:00:00.000Z');
    expect(markInterruptedRuns(ctx)).toBe(1);
    const interrupted = await app.call('importRuns.get', { runId });
    expect(interrupted.state).toBe('interrupted');
    expect(interrupted.error).toMatch(/^Lần nhập bị dừng đột ngột/);
    expect(en(interrupted.errorText)).toBe('The import stopped abruptly (the program was closed or the power failed); the files saved are intact and the import can be resumed.');
  });
});
