import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { commitPrepared, prepareImport } from '../../electron/services/import/importDocument';
import { flushOriginals, writeOriginalAsync } from '../../electron/services/import/originalsStore';
import { ApiError, sentence } from '../../shared/contract/errors';
import { parseDocument } from '../../shared/parser/parseDocument';
import { SEED, SEED_FILES } from '../support/paths';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../support/services';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

async function withSeeds() {
  const app = openTestApp();
  apps.push(app);
  const { org, fonds, file } = await makeFondsWithFile(app);
  const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id, fileId: file.id }, paths: SEED_FILES });
  const status = await waitForJob(app, jobId);
  const idOf = (seed: string) => status.results.find((r) => r.name === seed)!.documentId!;
  return { app, org, fonds, idOf };
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

function confirmationsInFile(cataloguePath: string, documentId: number) {
  const db = new Database(cataloguePath, { readonly: true });
  try {
    return db.prepare('SELECT field, confirmed_by, confirmed_at, edited FROM review_confirmations WHERE document_id = ?').all(documentId);
  } finally {
    db.close();
  }
}

describe('the review queue', () => {
  it('lists documents with flagged fields, by field, each field beside the passage where the parser found it', async () => {
    const { app, idOf } = await withSeeds();
    const summary = await app.call('review.summary', {});
    // 1485 (typo in the place), Lào Cai, 4029 and Hà Tĩnh wait; 1097 was read cleanly.
    expect(summary.documents).toBe(4);
    expect(summary.byField.find((b) => b.field === 'place')?.count).toBe(4);
    expect(summary.byField.find((b) => b.field === 'issueDate')?.count).toBe(3);

    const page = await app.call('review.list', { field: 'place' });
    expect(page.total).toBe(4);
    const k1485 = page.items.find((i) => i.document.id === idOf(SEED.conclusion1485))!;
    expect(k1485.document).toMatchObject({ numberSymbol: '1485-KL/TU', fondsCode: 'HU-KP' });
    expect(k1485.fields.map((f) => f.field)).toEqual(['place', 'signingAuthority', 'signerTitle', 'signerName']);
    const place = k1485.fields[0]!;
    expect(place).toMatchObject({ value: 'Đắk Lăk', reason: 'doubtful' });
    const text = (await app.call('documents.get', { id: k1485.document.id })).fullText;
    expect(text.slice(place.spans[0]!.start, place.spans[0]!.end)).toBe('Đắk Lăk');
    expect(place.excerpt!.match).toBe('Đắk Lăk');
    expect(place.excerpt!.after).toMatch(/^, ngày 14 tháng 5 năm 2025/);
    // An empty field: nothing found in the text.
    const letter = page.items.find((i) => i.document.id === idOf(SEED.letter4029))!;
    expect(letter.fields.find((f) => f.field === 'issueDate')).toMatchObject({ value: null, reason: 'empty', spans: [], excerpt: null });

    const none = await app.call('review.list', { field: 'incomingStamp' });
    expect(none).toEqual({ total: 0, items: [] });
    const second = await app.call('review.list', { offset: 2, limit: 2 });
    expect(second.total).toBe(4);
    expect(second.items).toHaveLength(2);
  });

  it('confirming some fields records who and when, removes them from review, and leaves the others', async () => {
    const { app, idOf } = await withSeeds();
    const id = idOf(SEED.conclusion1485);
    const result = await app.call('review.confirm', { documentId: id, fields: ['place', 'signerName'] });
    expect(result.document.reviewFields).toEqual(['signingAuthority', 'signerTitle']);
    expect(result.confirmations.map((c) => [c.field, c.value, c.edited, c.confirmedBy])).toEqual([
      ['place', 'Đắk Lăk', false, 'tester'],
      ['signerName', null, false, 'tester'],
    ]);
    expect(Date.parse(result.confirmations[0]!.confirmedAt)).not.toBeNaN();
    expect((await app.call('documents.get', { id })).reviewFields).toEqual(['signingAuthority', 'signerTitle']);
    expect(await app.call('review.history', { documentId: id })).toEqual(result.confirmations);
    expect(confirmationsInFile(app.cataloguePath, id)).toHaveLength(2);
    const audit = (await app.call('audit.list', { documentId: id })).find((e) => e.action === 'document.review.confirm')!;
    expect(audit).toMatchObject({ actor: 'tester', before: { reviewFields: ['place', 'signingAuthority', 'signerTitle', 'signerName'] } });
    expect((audit.after as { reviewFields: string[] }).reviewFields).toEqual(['signingAuthority', 'signerTitle']);

    // Confirming the rest takes the document out of the queue.
    await app.call('review.confirm', { documentId: id, fields: ['signingAuthority', 'signerTitle'] });
    expect((await app.call('review.list', {})).items.map((i) => i.document.id)).not.toContain(id);
    expect((await app.call('review.summary', {})).documents).toBe(3);
  });

  it('confirms after an edit: the value changes, the confirmation says edited, both are audited', async () => {
    const { app, idOf } = await withSeeds();
    const id = idOf(SEED.letter4029);
    const result = await app.call('review.confirm', { documentId: id, fields: ['issueDate', 'place'], patch: { issueDate: '2025-06-30', place: 'Đắk Lắk' } });
    expect(result.document).toMatchObject({ issueDate: '2025-06-30', place: 'Đắk Lắk', reviewFields: ['issuer'] });
    expect(result.confirmations.map((c) => [c.field, c.value, c.edited])).toEqual([
      ['issueDate', '2025-06-30', true],
      ['place', 'Đắk Lắk', true],
    ]);
    const actions = (await app.call('audit.list', { documentId: id })).map((e) => e.action);
    expect(actions).toContain('document.update');
    expect(actions).toContain('document.review.confirm');
  });

  it('refuses to confirm a field that is not waiting, and an invalid edit, changing nothing', async () => {
    const { app, idOf } = await withSeeds();
    const id = idOf(SEED.letter4029);
    const before = await app.call('documents.get', { id });
    const notWaiting = await errorOf(app.call('review.confirm', { documentId: id, fields: ['subject'] }));
    expect(notWaiting.kind).toBe('conflict');
    expect(notWaiting.message).toMatch(/subject/);
    const badDate = await errorOf(app.call('review.confirm', { documentId: id, fields: ['issueDate'], patch: { issueDate: '30/06/2025' } }));
    expect(badDate.kind).toBe('invalid_input');
    const unknownField = await errorOf(app.call('review.confirm', { documentId: id, fields: ['fondsId'] }));
    expect(unknownField.kind).toBe('invalid_input');
    expect(await app.call('documents.get', { id })).toEqual(before);
    expect(confirmationsInFile(app.cataloguePath, id)).toHaveLength(0);
  });

  it('filters by fonds', async () => {
    const { app, org, fonds } = await withSeeds();
    const other = await app.call('fonds.create', { code: 'KHAC', name: 'Phông khác', organizationId: org.id });
    const { jobId } = await app.call('import.start', {
      target: { fondsId: other.id },
      uploads: [{ name: 'ha-tinh-ban-sao.txt', contentBase64: Buffer.from(`${fs.readFileSync(SEED.haTinh, 'utf8')}\n(bản sao)\n`).toString('base64') }],
    });
    await waitForJob(app, jobId);
    expect((await app.call('review.list', { fondsId: other.id })).items.map((i) => i.document.fondsCode)).toEqual(['KHAC']);
    expect((await app.call('review.summary', { fondsId: fonds.id })).documents).toBe(4);
    expect((await errorOf(app.call('review.list', { fondsId: 999 }))).kind).toBe('not_found');
  });

  it('a scan without a text layer is imported with its original, empty text, and waits for OCR', async () => {
    const app = openTestApp();
    apps.push(app);
    const { fonds } = await makeFondsWithFile(app);
    const ctx = app.services.context;
    const scan = path.join(tempDir(), 'bản scan.pdf');
    fs.writeFileSync(scan, '%PDF-1.4 scanned pages only');
    const bytes = fs.readFileSync(scan);
    // What the formats' reader answers for a scanned PDF: no text, needs OCR.
    const prepared = await prepareImport(ctx, { name: scan, size: bytes.byteLength, read: () => bytes }, new Map(), async (_name, b, store) => ({
      extracted: { text: '', encoding: 'unicode', conversions: [], needsOcr: true, format: 'pdf', pageCount: 2 },
      parsed: parseDocument(''),
      storedPath: await writeOriginalAsync(store.dir, store.sha256, store.extension, b, store.key),
    }));
    if (prepared.kind !== 'document') throw new Error(`expected a document, got ${prepared.kind}`);
    flushOriginals(ctx.catalogue.originalsDir, [prepared.storedPath]);
    const result = ctx.catalogue.transaction(() => commitPrepared(ctx, { fondsId: fonds.id }, prepared));
    expect(result).toMatchObject({ outcome: 'imported', message: 'Đã nhập bản gốc; cần nhận dạng chữ (OCR).', text: { code: 'importNote.needsOcr' } });
    expect(sentence('en', result.text!)).toBe('The original was imported; it needs text recognition (OCR).');
    const doc = await app.call('documents.get', { id: result.documentId! });
    expect(doc.fullText).toBe('');
    expect(doc.pageCount).toBe(2);
    expect(doc.reviewFields).toContain('fullText');
    expect(doc.attachments[0]).toMatchObject({ fileName: 'bản scan.pdf', sha256: createHash('sha256').update(bytes).digest('hex') });
    const item = (await app.call('review.list', { field: 'fullText' })).items[0]!;
    expect(item.fields.find((f) => f.field === 'fullText')).toMatchObject({ reason: 'ocr', excerpt: null });
  });
});
