/**
 * The same document arriving as another file: the Word file of a PDF already held becomes another
 * original of the same record (never a silent second record); a copy whose date the reader could
 * not make out is a new record listed for the archivist as a probable duplicate; another year's
 * document with the same number, or the same document in another fonds, is not a duplicate.
 * Messages name the number-symbol, never an internal id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { docxBytes, pdfBytes } from '../support/mixedCorpus';
import { partyDocument } from '../support/partyDocs';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../support/services';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

const spec = { number: '77-KL/TU', date: '02/03/2025', subject: 'về công tác lưu trữ tài liệu năm 2025', body: ['Ban Thường vụ Tỉnh ủy kết luận như sau.'] };

async function importFiles(app: TestApp, fondsId: number, files: string[]) {
  const status = await waitForJob(app, (await app.call('import.start', { target: { fondsId }, paths: files })).jobId);
  expect(status.state).toBe('done');
  return files.map((f) => status.results.find((r) => r.name === f)!);
}

describe('the same document as another file', () => {
  it('keeps the Word file of a PDF already held as another original of the same record, naming its number', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const dir = tempDir('kholuu-same-');
    const pdf = path.join(dir, 'ket-luan-77.pdf');
    const docx = path.join(dir, 'ket-luan-77.docx');
    fs.writeFileSync(pdf, await pdfBytes(partyDocument(spec)));
    fs.writeFileSync(docx, await docxBytes(partyDocument(spec)));
    const [first] = await importFiles(app, fonds.id, [pdf]);
    expect(first!.outcome).toBe('imported');
    const [second] = await importFiles(app, fonds.id, [docx]);
    expect(second!.outcome).toBe('duplicate');
    expect(second!.documentId).toBe(first!.documentId);
    expect(second!.message).toContain('văn bản số 77-KL/TU ngày 02/03/2025');
    expect(second!.message).toMatch(/bản gốc khác/);
    expect(second!.message).not.toMatch(/mã \d/);

    expect((await app.call('app.counts', {})).documents).toBe(1);
    const doc = await app.call('documents.get', { id: first!.documentId! });
    expect(doc.attachments.map((a) => a.fileName)).toEqual(['ket-luan-77.pdf', 'ket-luan-77.docx']);
    const audit = await app.call('audit.list', { entityType: 'attachment', entityId: doc.attachments[1]!.id, limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'attachment.add', after: { documentId: doc.id, fileName: 'ket-luan-77.docx', sameDocument: true } });

    // The very same bytes again: a duplicate named by its number too.
    const [again] = await importFiles(app, fonds.id, [path.join(dir, 'ket-luan-77.docx')]);
    expect(again!.outcome).toBe('duplicate');
    expect(again!.message).toContain('văn bản số 77-KL/TU ngày 02/03/2025');
  });

  it('catches the other copy within one import too, whichever is read first', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const dir = tempDir('kholuu-same-one-run-');
    fs.writeFileSync(path.join(dir, 'a.docx'), await docxBytes(partyDocument(spec)));
    fs.writeFileSync(path.join(dir, 'b.txt'), partyDocument(spec));
    const results = await importFiles(app, fonds.id, [path.join(dir, 'a.docx'), path.join(dir, 'b.txt')]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['duplicate', 'imported']);
    expect((await app.call('app.counts', {})).documents).toBe(1);
  });

  it('lists a copy whose date could not be read as a probable duplicate for the archivist, as a new record', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const dir = tempDir('kholuu-probable-');
    const held = path.join(dir, 'ban-chinh.txt');
    const copy = path.join(dir, 'ban-sao-mat-ngay.txt');
    fs.writeFileSync(held, partyDocument(spec));
    // The dateline torn off the copy: the parser leaves the date empty rather than guess it.
    fs.writeFileSync(copy, partyDocument({ ...spec, date: undefined }));
    const [first] = await importFiles(app, fonds.id, [held]);
    const [second] = await importFiles(app, fonds.id, [copy]);
    expect(second!.outcome).toBe('imported');
    expect(second!.documentId).not.toBe(first!.documentId);
    expect(second!.message).toContain('có thể trùng với văn bản số 77-KL/TU ngày 02/03/2025');
    const queue = await app.call('review.list', { field: 'numberSymbol' });
    const item = queue.items.find((i) => i.document.id === second!.documentId)!;
    expect(item).toBeDefined();
    const field = item.fields.find((f) => f.field === 'numberSymbol')!;
    expect(field.reason).toBe('duplicate');
    expect(field.note).toContain('văn bản số 77-KL/TU ngày 02/03/2025');
    // The record held is not flagged by the copy.
    expect(queue.items.some((i) => i.document.id === first!.documentId)).toBe(false);
  });

  it('keeps another year’s document with the same number, and the same document in another fonds, as records of their own', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds, org } = await makeFondsWithFile(app);
    const other = await app.call('fonds.create', { code: 'HU-KHAC', name: 'Phông Huyện ủy khác', organizationId: org.id, status: 'closed' });
    const dir = tempDir('kholuu-not-same-');
    const y2025 = path.join(dir, '2025.txt');
    const y2024 = path.join(dir, '2024.txt');
    fs.writeFileSync(y2025, partyDocument(spec));
    fs.writeFileSync(y2024, partyDocument({ ...spec, date: '02/03/2024', subject: 'về công tác lưu trữ tài liệu năm 2024' }));
    const results = await importFiles(app, fonds.id, [y2025, y2024]);
    expect(results.map((r) => [r.outcome, r.message])).toEqual([
      ['imported', null],
      ['imported', null],
    ]);
    const elsewhere = path.join(dir, 'phong-khac.txt');
    fs.writeFileSync(elsewhere, `${partyDocument(spec)}\nBản lưu của Huyện ủy.\n`);
    const [copy] = await importFiles(app, other.id, [elsewhere]);
    expect(copy).toMatchObject({ outcome: 'imported', message: null });
    expect((await app.call('app.counts', {})).documents).toBe(3);
  });
});
