/**
 * Records that no audited operation produced. The audit chain and the fixity check cover the log
 * and the files; a subject or full text edited with SQL, or an original's file replaced together
 * with its SHA-256 column, passed both. Each audit row about a document or an original now holds
 * the digest of that record as the change left it, and `check` compares every record with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/domain/canonicalJson';
import { digestOfValues, recordDigest } from '../../../electron/data/recordDigests';
import { AuditRepository } from '../../../electron/data/repositories/audit';
import { SEED } from '../../support/paths';
import { FIXTURES_DIR, archiveWithFiles, cli, importInto, openSafetyApp } from '../../support/safety';
import { tempDir, waitForJob } from '../../support/services';

let base: string;
let ids: number[];

beforeAll(async () => {
  const app = openSafetyApp(tempDir('kholuu-digests-'));
  const { fonds, fixed, permanent } = await archiveWithFiles(app);
  ids = await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485, SEED.letter4029, SEED.haTinh]);
  // Audited changes of every kind the check must accept.
  await app.call('documents.update', { id: ids[0]!, patch: { subject: 'về hội nghị Ban Chấp hành (đã sửa)', notes: 'Bản chính' } });
  await app.call('bulk.start', { action: 'documents.move', selection: { kind: 'ids', ids: [ids[1]!] }, to: { fileId: permanent.id }, widenFileDates: true });
  await app.call('documents.remove', { id: ids[2]!, reason: 'Nhập trùng' });
  await app.close();
  base = app.dir;
}, 120_000);

function copy() {
  const dir = tempDir('kholuu-digests-copy-');
  fs.cpSync(base, dir, { recursive: true });
  return { dir, file: path.join(dir, 'catalogue.sqlite') };
}

async function check(dir: string) {
  const app = openSafetyApp(dir);
  try {
    return await app.call('integrity.check', { originals: true });
  } finally {
    await app.close();
  }
}

describe('records against the digests of their audited changes', () => {
  it('every record produced by audited operations matches (imports, edits, bulk moves, removals)', async () => {
    const r = await check(copy().dir);
    expect(r.records).toMatchObject({ problems: [], notCovered: 0 });
    expect(r.records!.checked).toBe(6);
    expect(r.ok).toBe(true);
  });

  it('finds a subject edited with SQL, and a full text edited with SQL', async () => {
    const { dir, file } = copy();
    const db = new BetterSqlite3(file);
    db.prepare("UPDATE documents SET subject = subject || ' (giả mạo)' WHERE id = ?").run(ids[0]);
    db.prepare("UPDATE documents SET full_text = replace(full_text, 'Tỉnh ủy', 'Tỉnh uỷ') WHERE id = ?").run(ids[1]);
    db.close();
    const r = await check(dir);
    expect(r.ok).toBe(false);
    expect(r.audit.ok).toBe(true);
    expect(r.records!.problems).toEqual([
      expect.objectContaining({ entityType: 'document', id: ids[0], problem: 'changed' }),
      expect.objectContaining({ entityType: 'document', id: ids[1], problem: 'changed' }),
    ]);
  });

  it('finds an original replaced together with its SHA-256 column (fixity alone passes)', async () => {
    const { dir, file } = copy();
    const db = new BetterSqlite3(file);
    const a = db.prepare('SELECT id, stored_path FROM attachments WHERE document_id = ?').get(ids[0]) as { id: number; stored_path: string };
    const target = path.join(dir, 'catalogue.originals', a.stored_path);
    const forged = Buffer.from(fs.readFileSync(target, 'utf8').replace('Tỉnh ủy', 'Tỉnh uỷ'));
    fs.writeFileSync(target, forged);
    db.exec('DROP TRIGGER attachments_identity_fixed');
    db.prepare('UPDATE attachments SET sha256 = ?, size = ? WHERE id = ?').run(createHash('sha256').update(forged).digest('hex'), forged.length, a.id);
    db.close();
    const r = await check(dir);
    expect(r.originals.problems).toEqual([]);
    expect(r.records!.problems).toEqual([expect.objectContaining({ entityType: 'attachment', id: a.id, problem: 'changed' })]);
    expect(r.ok).toBe(false);
  });

  it('finds a document inserted with SQL (no audit row speaks of it); the command line exits 2', async () => {
    const { dir, file } = copy();
    const db = new BetterSqlite3(file);
    db.prepare("INSERT INTO documents (fonds_id, number_symbol, subject, created_at, updated_at) VALUES (1, '99-KL/TU', 'Văn bản chèn thêm', '2025-01-01', '2025-01-01')").run();
    db.close();
    const r = await check(dir);
    expect(r.records!.problems).toEqual([expect.objectContaining({ entityType: 'document', label: '99-KL/TU', problem: 'unaudited' })]);
    const out = cli(['--db', file, 'check', '--quick']);
    expect(out.code).toBe(2);
    expect(out.stdout).toContain('KHÔNG CÓ TRONG NHẬT KÝ: văn bản');
  }, 120_000);
});

describe('the digest an insert records: read back from the row, or for a long text hashed from what it writes', () => {
  it('equals the digest of the row as stored, for every imported document and original', async () => {
    const app = openSafetyApp(tempDir('kholuu-digests-insert-'));
    const { fonds, fixed } = await archiveWithFiles(app);
    // Filed and unfiled, secret and urgent, addressees and recipients, a stamp, a text in NFD.
    const fixtures = fs.readdirSync(FIXTURES_DIR).filter((f) => /\.(txt|md)$/.test(f)).map((f) => path.join(FIXTURES_DIR, f));
    await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, fixtures.slice(0, 12));
    await importInto(app, { fondsId: fonds.id }, fixtures.slice(12));
    await app.close();
    const db = new BetterSqlite3(path.join(app.dir, 'catalogue.sqlite'), { readonly: true });
    try {
      const rows = db
        .prepare("SELECT entity_type, entity_id, record_digest FROM audit_log WHERE action IN ('document.import', 'attachment.add')")
        .all() as Array<{ entity_type: 'document' | 'attachment'; entity_id: number; record_digest: string | null }>;
      expect(rows.filter((r) => r.entity_type === 'document')).toHaveLength(fixtures.length);
      expect(rows.filter((r) => r.entity_type === 'attachment')).toHaveLength(fixtures.length);
      for (const r of rows) expect(r.record_digest, `${r.entity_type} ${r.entity_id}`).toBe(recordDigest(db, r.entity_type, r.entity_id));
    } finally {
      db.close();
    }
  }, 120_000);

  it('a batch writes its audit rows in order (each document, then its original; a second original of a catalogued record in its place), each with its record digest, and the chain holds', async () => {
    const app = openSafetyApp(tempDir('kholuu-digests-batch-'));
    const { fonds } = await archiveWithFiles(app);
    const dir = tempDir('kholuu-digests-batch-files-');
    const fixtures = fs.readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.txt')).slice(0, 6);
    const files = fixtures.map((f) => path.join(FIXTURES_DIR, f));
    // The same record as the first fixture (same number, date and issuer), in another file: an original added to it.
    const second = path.join(dir, 'ban-sao.txt');
    fs.writeFileSync(second, `${fs.readFileSync(files[0]!, 'utf8')}\nBản sao lưu.\n`);
    // A text longer than any whose digest is read back from its row.
    const long = path.join(dir, 'dai.txt');
    fs.writeFileSync(long, `ĐẢNG CỘNG SẢN VIỆT NAM\nBáo cáo dài\n${'Nội dung báo cáo "chi tiết" của chi bộ.\n'.repeat(4_000)}`);
    const uploads = [...files, second, long].map((p) => ({ name: path.basename(p), contentBase64: fs.readFileSync(p).toString('base64') }));
    const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, uploads });
    const status = await waitForJob(app, jobId);
    expect(status.results.map((r) => r.outcome)).toEqual([...files.map(() => 'imported'), 'duplicate', 'imported']);
    await app.close();
    const db = new BetterSqlite3(path.join(app.dir, 'catalogue.sqlite'), { readonly: true });
    try {
      const rows = db
        .prepare("SELECT entity_type, entity_id, after_json, record_digest FROM audit_log WHERE action IN ('document.import', 'attachment.add') ORDER BY id")
        .all() as Array<{ entity_type: 'document' | 'attachment'; entity_id: number; after_json: string; record_digest: string | null }>;
      const docOf = (r: (typeof rows)[number]) => (r.entity_type === 'document' ? r.entity_id : (JSON.parse(r.after_json) as { documentId: number }).documentId);
      const ids = status.results.map((r) => r.documentId!);
      // Per file in listed order: its document's row then its original's; the copy's original only.
      expect(rows.map((r) => [r.entity_type, docOf(r)])).toEqual(
        ids.flatMap((id, i) => (status.results[i]!.outcome === 'duplicate' ? [['attachment', id]] : [['document', id], ['attachment', id]])),
      );
      expect((JSON.parse(rows.at(-2)!.after_json) as { textLength: number }).textLength).toBeGreaterThan(150_000);
      for (const r of rows) expect(r.record_digest, `${r.entity_type} ${r.entity_id}`).toBe(recordDigest(db, r.entity_type, r.entity_id));
      expect(new AuditRepository(db).verify()).toMatchObject({ ok: true, firstBrokenId: null });
    } finally {
      db.close();
    }
  }, 120_000);

  it('hashes a long text in pieces to the digest of its whole canonical JSON (pairs across a piece boundary, lone halves, escapes)', () => {
    const sha = (values: unknown[]) => createHash('sha256').update(canonicalJson(values)).digest('hex');
    const piece = 1 << 20;
    // A surrogate pair straddling the first piece boundary, a lone high half at the second, quotes,
    // backslashes and control characters throughout.
    const long = `${'a'.repeat(piece - 1)}😀${'"\\\n\t\u0001 bàn giao '.repeat(100_000)}\ud800${'x'.repeat(piece)}\udc00 cuối`;
    const values = [1, null, 'Kết luận', 2.5, long, ''];
    expect(digestOfValues(values)).toBe(sha(values));
    expect(digestOfValues([long.slice(0, piece)])).toBe(sha([long.slice(0, piece)]));
    expect(digestOfValues([])).toBe(sha([]));
  });

  it('hashes an ordinary text from its UTF-8 bytes to the digest of its canonical JSON (every control character, quotes, backslashes, pairs, lone halves)', () => {
    const sha = (values: unknown[]) => createHash('sha256').update(canonicalJson(values)).digest('hex');
    const controls = Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)).join('');
    const body = `ĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-NQ/TU "trích" \\ đường dẫn\t\r\n${controls}\u007f\u2028\u2029 😀 bàn giao `;
    const texts = [
      body.repeat(4),
      // Its escaped UTF-8 fills the escape buffer more than once.
      body.repeat(500),
      // Longer than the bytes path takes, shorter than a piece: hashed from its JSON string.
      body.repeat(1_000),
      // A lone half: its JSON escapes it, which UTF-8 cannot carry.
      `${body.repeat(4)}\ud800 cuối`,
      `${body.repeat(4)}\udc00`,
      'x'.repeat(255),
      'ý'.repeat(256),
    ];
    for (const text of texts) {
      const values = [1, null, 'Kết luận "số 5"', 2.5, text, '', text.slice(0, 300)];
      expect(digestOfValues(values), text.slice(-20)).toBe(sha(values));
    }
  });
});
