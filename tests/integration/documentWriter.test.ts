/**
 * One way in for a new document: a file imported, a row of a register and a document received in
 * a handover package all get the same things written with them — the record, its search index
 * entry, its citations (linked to what they cite) and an audit row holding the record exactly as
 * it reads back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/contract/types';
import { partyDocument } from '../support/partyDocs';
import { listedSampleBatch, packageBatch, receive } from '../support/handover';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../support/services';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

function open(): TestApp {
  const app = openTestApp(tempDir('kholuu-writer-'));
  apps.push(app);
  return app;
}

/** What the catalogue holds beside a document: its citations, whether search finds it by number, its creation audit row. */
async function writtenWith(app: TestApp, id: number, number: string) {
  const { db } = app.services.context.catalogue;
  const citations = db.prepare('SELECT number_symbol AS n, cited_document_id AS linked FROM document_citations WHERE document_id = ? ORDER BY n').all(id) as Array<{ n: string; linked: number | null }>;
  const found = (await app.call('search.query', { text: number })).hits.some((h) => h.documentId === id);
  const created = (await app.call('audit.list', { entityType: 'document', entityId: id, limit: 50 })).find((e: AuditEntry) => e.action.startsWith('document.'));
  return { citations, found, created };
}

async function expectAuditedAsStored(app: TestApp, id: number, created: AuditEntry | undefined) {
  expect(created).toBeDefined();
  const stored = app.services.context.catalogue.repos.documents.get(id)!;
  // The audit row holds the record as inserted: every field equal to what reads back.
  const { source: _s, textLength, registerRow: _r, ...audited } = created!.after as Record<string, unknown>;
  expect(audited).toEqual(stored);
  expect(textLength).toBe((await app.call('documents.get', { id })).fullText.length);
}

describe('one writer for every new document', () => {
  it('writes citations, the index entry and an exact audit record for an imported file and for a register row alike', async () => {
    const app = open();
    const { fonds, file } = await makeFondsWithFile(app);
    const dir = tempDir('kholuu-writer-src-');
    // The cited conclusion is catalogued first, so both citations below can link to it.
    const cited = path.join(dir, '12-KL-TU.txt');
    fs.writeFileSync(cited, partyDocument({ number: '12-KL/TU', date: '05/01/2025', subject: 'về công tác lưu trữ năm 2025', body: ['Nội dung kết luận.'] }));
    const citing = path.join(dir, '30-NQ-HU.txt');
    fs.writeFileSync(citing, partyDocument({ number: '30-KL/TU', date: '02/03/2025', subject: 'về kiểm kê tài liệu', body: ['Thực hiện Kết luận số 12-KL/TU ngày 05/01/2025 của Ban Thường vụ Tỉnh ủy.'] }));
    const first = await waitForJob(app, (await app.call('import.start', { target: { fondsId: fonds.id, fileId: file.id }, paths: [cited, citing] })).jobId);
    expect(first.results.map((r) => r.outcome)).toEqual(['imported', 'imported']);
    const citedId = first.results.find((r) => r.name === cited)!.documentId!;
    const citingId = first.results.find((r) => r.name === citing)!.documentId!;

    const fromFile = await writtenWith(app, citingId, '30-KL/TU');
    expect(fromFile.citations).toEqual([{ n: '12-KL/TU', linked: citedId }]);
    expect(fromFile.found).toBe(true);
    await expectAuditedAsStored(app, citingId, fromFile.created);
    expect(fromFile.created!.after).toMatchObject({ source: '30-NQ-HU.txt', orderInFile: 2 });

    const csv = path.join(dir, 'so-dang-ky.csv');
    fs.writeFileSync(csv, '"Số, ký hiệu",Ngày tháng,Tên loại,Trích yếu,Tác giả\n31-KL/TU,10/03/2025,Kết luận,"triển khai Kết luận số 12-KL/TU ngày 05/01/2025 về lưu trữ",Tỉnh ủy Đắk Lắk\n');
    const preview = await app.call('registers.preview', { source: { path: csv } });
    const started = await app.call('registers.import', { target: { fondsId: fonds.id }, source: { path: csv }, headerRow: preview.headerRow, mapping: preview.suggested });
    const status = await waitForJob(app, started.jobId);
    expect(status.results.map((r) => r.outcome)).toEqual(['imported']);
    const rowId = status.results[0]!.documentId!;
    const fromRegister = await writtenWith(app, rowId, '31-KL/TU');
    expect(fromRegister.citations).toEqual([{ n: '12-KL/TU', linked: citedId }]);
    expect(fromRegister.found).toBe(true);
    await expectAuditedAsStored(app, rowId, fromRegister.created);
    expect(fromRegister.created!.after).toMatchObject({ source: 'so-dang-ky.csv', registerRow: 2 });
  }, 120_000);

  it('writes the same for a document received in a package, and its originals once', async () => {
    const sender = open();
    const { batch } = await listedSampleBatch(sender);
    const out = path.join(sender.dir, 'goi.zip');
    await packageBatch(sender, batch.id, out);
    const receiver = open();
    const { status, result } = await receive(receiver, out);
    expect(status.state).toBe('done');
    expect(result!.result!.documents).toBe(5);
    const { db } = receiver.services.context.catalogue;
    const ids = (db.prepare('SELECT id, number_symbol AS n FROM documents ORDER BY id').all() as Array<{ id: number; n: string | null }>);
    const senderCitations = sender.services.context.catalogue.db.prepare('SELECT COUNT(*) AS n FROM document_citations').get() as { n: number };
    let citations = 0;
    for (const { id, n } of ids) {
      const written = await writtenWith(receiver, id, n ?? '');
      if (n) expect(written.found, n).toBe(true);
      await expectAuditedAsStored(receiver, id, written.created);
      expect(written.created!.action).toBe('document.receive');
      citations += written.citations.length;
      const attachments = (await receiver.call('documents.get', { id })).attachments;
      expect(attachments.length, `${n}: one original each`).toBe(1);
    }
    // The sender read the same citations from the same texts.
    expect(citations).toBe(senderCitations.n);
  }, 180_000);
});
