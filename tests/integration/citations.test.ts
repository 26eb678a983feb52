import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { initial } from '../../electron/data/migrations/0001-initial';
import { ApiError } from '../../shared/contract/errors';
import { type PartyDocSpec, writePartyDocument } from '../support/partyDocs';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../support/services';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});
function start(dir?: string): TestApp {
  const app = openTestApp(dir);
  apps.push(app);
  return app;
}

/** Imports one generated party document and returns its id. */
async function importDoc(app: TestApp, fondsId: number, name: string, spec: PartyDocSpec): Promise<number> {
  const file = writePartyDocument(tempDir(), name, spec);
  const { jobId } = await app.call('import.start', { target: { fondsId }, paths: [file] });
  const status = await waitForJob(app, jobId);
  expect(status.results[0]!.outcome).toBe('imported');
  return status.results[0]!.documentId!;
}

const citing: PartyDocSpec = {
  number: '101-KL/TU',
  date: '20/9/2025',
  body: [
    'Thực hiện Kết luận số 44-KL/TU ngày 05/8/2025 của Ban Thường vụ Tỉnh ủy và Nghị định số 178/2024/NĐ-CP của Chính phủ, Công điện số 127/CĐ-TTg của Thủ tướng Chính phủ;',
    'căn cứ Thông báo số 45-TB/TU của Thường trực Tỉnh ủy, các đơn vị hoàn thành việc bàn giao.',
  ],
};

async function errorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('citations', () => {
  it('lists what a document cites, party and State forms with their dates, as missing until the cited document arrives', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const a = await importDoc(app, fonds.id, 'a.txt', citing);
    const { cites, citedBy } = await app.call('documents.citations', { id: a });
    expect(citedBy).toEqual([]);
    expect(cites.map((c) => [c.numberSymbol, c.form, c.citedDate, c.state])).toEqual([
      ['44-KL/TU', 'party', '2025-08-05', 'missing'],
      ['178/2024/NĐ-CP', 'state', null, 'missing'],
      ['127/CĐ-TTg', 'state', null, 'missing'],
      ['45-TB/TU', 'party', null, 'missing'],
    ]);
    expect(cites[0]!.docType).toBe('Kết luận');
    // The span points at the number in the document's text.
    const text = (await app.call('documents.get', { id: a })).fullText;
    expect(text.slice(cites[0]!.span!.start, cites[0]!.span!.end)).toBe('44-KL/TU');

    const missing = await app.call('citations.missing', {});
    expect(missing.total).toBe(4);
    expect(missing.items.find((m) => m.numberSymbol === '44-KL/TU')).toMatchObject({ form: 'party', citedDates: ['2025-08-05'], citingDocuments: 1, exampleDocumentId: a });
    expect((await app.call('citations.missing', { form: 'state' })).items.map((m) => m.numberSymbol).sort()).toEqual(['127/CĐ-TTg', '178/2024/NĐ-CP']);
  });

  it('links a citation to a document imported later, and shows "cited by" on it', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const a = await importDoc(app, fonds.id, 'a.txt', citing);
    const b = await importDoc(app, fonds.id, 'b.txt', { number: '44-KL/TU', date: '05/8/2025', subject: 'về tổ chức đại hội' });

    const cites = (await app.call('documents.citations', { id: a })).cites;
    expect(cites[0]).toMatchObject({ numberSymbol: '44-KL/TU', state: 'linked', linkMethod: 'auto' });
    expect(cites[0]!.target).toMatchObject({ id: b, numberSymbol: '44-KL/TU', issueDate: '2025-08-05', fondsCode: fonds.code });
    const citedBy = (await app.call('documents.citations', { id: b })).citedBy;
    expect(citedBy).toEqual([expect.objectContaining({ linked: true, numberSymbol: '44-KL/TU', source: expect.objectContaining({ id: a, numberSymbol: '101-KL/TU' }) })]);
    const missing = await app.call('citations.missing', {});
    expect(missing.items.map((m) => m.numberSymbol)).not.toContain('44-KL/TU');
    expect(missing.total).toBe(3);
  });

  it('prefers the document whose date matches the cited date, and never guesses between several', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const a = await importDoc(app, fonds.id, 'a.txt', citing);
    // 44-KL/TU of another term (numbers restart each term) does not take the link.
    const old = await importDoc(app, fonds.id, 'old.txt', { number: '44-KL/TU', date: '12/3/2016' });
    let c44 = (await app.call('documents.citations', { id: a })).cites[0]!;
    expect(c44.state).toBe('ambiguous');
    expect(c44.target).toBeNull();
    expect(c44.candidates.map((d) => d.id)).toEqual([old]);
    const right = await importDoc(app, fonds.id, 'right.txt', { number: '44-KL/TU', date: '05/8/2025' });
    c44 = (await app.call('documents.citations', { id: a })).cites[0]!;
    expect(c44).toMatchObject({ state: 'linked', target: expect.objectContaining({ id: right }) });

    // No date in the citation and two documents numbered 45-TB/TU: left unlinked, both listed.
    const t1 = await importDoc(app, fonds.id, 't1.txt', { number: '45-TB/TU', date: '01/2/2021', type: 'THÔNG BÁO' });
    const t2 = await importDoc(app, fonds.id, 't2.txt', { number: '45-TB/TU', date: '09/9/2025', type: 'THÔNG BÁO' });
    let c45 = (await app.call('documents.citations', { id: a })).cites.find((c) => c.numberSymbol === '45-TB/TU')!;
    expect(c45.state).toBe('ambiguous');
    expect(c45.candidates.map((d) => d.id).sort()).toEqual([t1, t2].sort());
    // The possible sources show on both, marked as not identified.
    expect((await app.call('documents.citations', { id: t1 })).citedBy).toEqual([expect.objectContaining({ linked: false, source: expect.objectContaining({ id: a }) })]);

    // An archivist chooses; the choice is audited and kept when more documents arrive.
    const chosen = await app.call('citations.link', { citationId: c45.id, documentId: t2 });
    expect(chosen).toMatchObject({ state: 'linked', linkMethod: 'manual', target: expect.objectContaining({ id: t2 }) });
    await importDoc(app, fonds.id, 't3.txt', { number: '45-TB/TU', date: '10/10/2024', type: 'THÔNG BÁO' });
    c45 = (await app.call('documents.citations', { id: a })).cites.find((c) => c.numberSymbol === '45-TB/TU')!;
    expect(c45).toMatchObject({ state: 'linked', linkMethod: 'manual', target: expect.objectContaining({ id: t2 }) });
    const history = await app.call('audit.list', { documentId: a });
    expect(history.find((e) => e.action === 'citation.link')).toMatchObject({ actor: 'tester', before: { citedDocumentId: null, linkMethod: 'auto' }, after: { citedDocumentId: t2, linkMethod: 'manual' } });
    // Undoing hands it back to automatic matching (three candidates now: unlinked).
    const undone = await app.call('citations.link', { citationId: c45.id, documentId: null });
    expect(undone).toMatchObject({ state: 'ambiguous', linkMethod: 'auto', target: null });
    expect(undone.candidates).toHaveLength(3);
    expect((await errorOf(app.call('citations.link', { citationId: c45.id, documentId: a }))).kind).toBe('invalid_input');
    expect((await errorOf(app.call('citations.link', { citationId: 99999, documentId: t1 }))).kind).toBe('not_found');
  });

  it('links existing citations when a document’s number-symbol is corrected', async () => {
    const app = start();
    const { fonds } = await makeFondsWithFile(app);
    const a = await importDoc(app, fonds.id, 'a.txt', citing);
    // Imported with a typo in its number.
    const b = await importDoc(app, fonds.id, 'b.txt', { number: '4-KL/TU', date: '05/8/2025' });
    expect((await app.call('documents.citations', { id: a })).cites[0]!.state).toBe('missing');
    await app.call('documents.update', { id: b, patch: { numberSymbol: '44-KL/TU' } });
    expect((await app.call('documents.citations', { id: a })).cites[0]).toMatchObject({ state: 'linked', target: expect.objectContaining({ id: b }) });
    // …and unlinks them when it changes again.
    await app.call('documents.update', { id: b, patch: { numberSymbol: '46-KL/TU' } });
    expect((await app.call('documents.citations', { id: a })).cites[0]!.state).toBe('missing');
  });

  it('counts missing documents per fonds: only citations made by that fonds’ documents', async () => {
    const app = start();
    const { org, fonds } = await makeFondsWithFile(app);
    const other = await app.call('fonds.create', { code: 'XA-1', name: 'Phông Đảng ủy xã', organizationId: org.id });
    await importDoc(app, fonds.id, 'a.txt', citing);
    await importDoc(app, other.id, 'c.txt', { number: '9-KL/ĐU', date: '01/10/2025', body: ['Thực hiện Kết luận số 44-KL/TU ngày 05/8/2025 và Chỉ thị số 35-CT/TW của Bộ Chính trị.'] });
    const all = await app.call('citations.missing', {});
    expect(all.items[0]).toMatchObject({ numberSymbol: '44-KL/TU', citingDocuments: 2 });
    const inOther = await app.call('citations.missing', { fondsId: other.id });
    expect(inOther.items.map((m) => [m.numberSymbol, m.citingDocuments])).toEqual([
      ['35-CT/TW', 1],
      ['44-KL/TU', 1],
    ]);
    const page = await app.call('citations.missing', { offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(2);
  });

  it('fills and links citations of documents imported before the citations table existed (from parse_info)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'catalogue.sqlite');
    // A catalogue at schema 1, as the previous build left it.
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    initial.up(db);
    db.prepare("INSERT INTO schema_migrations VALUES (1, 'initial', '2025-01-01T00:00:00Z')").run();
    db.pragma('user_version = 1');
    const now = '2025-01-01T00:00:00Z';
    db.prepare("INSERT INTO organizations (id, name, created_at, updated_at) VALUES (1, 'Tỉnh ủy', ?, ?)").run(now, now);
    db.prepare("INSERT INTO fonds (id, code, name, organization_id, created_at, updated_at) VALUES (1, 'TU', 'Phông Tỉnh ủy', 1, ?, ?)").run(now, now);
    const parseInfo = {
      encoding: 'utf-8',
      citations: [
        { numberSymbol: '44-KL/TU', form: 'party', docType: 'Kết luận', date: '2025-08-05', span: { start: 10, end: 18 } },
        { numberSymbol: '178/2024/NĐ-CP', form: 'state', docType: 'Nghị định', date: null, span: { start: 40, end: 54 } },
        { numberSymbol: 42 },
      ],
    };
    const insertDoc = db.prepare(
      'INSERT INTO documents (id, fonds_id, number_symbol, number_key, issue_date, parse_info, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)',
    );
    insertDoc.run(1, '101-KL/TU', '101 kl tu', '2025-09-20', JSON.stringify(parseInfo), now, now);
    insertDoc.run(2, '44-KL/TU', '44 kl tu', '2025-08-05', JSON.stringify({ citations: [] }), now, now);
    insertDoc.run(3, null, null, null, 'not json', now, now);
    db.close();
    fs.mkdirSync(path.join(dir, 'catalogue.originals'));

    const app = start(dir);
    const { cites } = await app.call('documents.citations', { id: 1 });
    expect(cites.map((c) => [c.numberSymbol, c.state, c.target?.id ?? null, c.span])).toEqual([
      ['44-KL/TU', 'linked', 2, { start: 10, end: 18 }],
      ['178/2024/NĐ-CP', 'missing', null, { start: 40, end: 54 }],
    ]);
    expect((await app.call('documents.citations', { id: 2 })).citedBy.map((c) => c.source.id)).toEqual([1]);
  });
});
