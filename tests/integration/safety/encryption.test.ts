/** Encryption at rest: an encrypted catalogue (and its backups) cannot be read without the passphrase. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { SEED } from '../../support/paths';
import { tempDir } from '../../support/services';
import { archiveWithFiles, callError, changePassphrase, cli, importInto, openSafetyApp } from '../../support/safety';

const PASSPHRASE = 'Mật khẩu của Văn phòng Huyện ủy 2025';
/** Words of the seed documents and of the schema, as they sit in a plain catalogue file. */
const PLAIN_MARKERS = ['1485-KL/TU', 'CREATE TABLE', 'audit_log'];
const VIETNAMESE = ['Đắk Lắk', 'bàn giao', 'Tỉnh ủy'];

function stringsOf(file: string): string {
  return execFileSync('strings', ['-n', '4', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function readableWithoutKey(file: string): boolean {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    db.prepare('SELECT COUNT(*) FROM documents').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

async function filledCatalogue(passphrase: string | null) {
  const app = openSafetyApp(tempDir('kholuu-enc-'), { passphrase });
  const { fonds, fixed } = await archiveWithFiles(app);
  await importInto(app, { fondsId: fonds.id, fileId: fixed.id }, [SEED.conclusion1485, SEED.laoCai]);
  return app;
}

describe('an encrypted catalogue', () => {
  it('is created encrypted, shows none of its text to strings, and opens only with its passphrase', async () => {
    const plain = await filledCatalogue(null);
    await plain.close();
    // A passphrase given for a plain catalogue is refused with the right reason.
    expect(() => openSafetyApp(plain.dir, { passphrase: PASSPHRASE })).toThrow(/chưa được mã hóa/);
    const control = stringsOf(plain.cataloguePath);
    for (const m of PLAIN_MARKERS) expect(control, `a plain catalogue shows ${m}`).toContain(m);

    const app = await filledCatalogue(PASSPHRASE);
    const backup = await app.call('backups.create', {});
    expect(backup.encrypted).toBe(true);
    expect(await app.call('catalogue.encryption', {})).toEqual({ encrypted: true, cipher: 'sqlcipher' });
    await app.close();

    for (const file of [app.cataloguePath, path.join(backup.path, 'catalogue.sqlite')]) {
      expect(readableWithoutKey(file), file).toBe(false);
      const shown = stringsOf(file);
      for (const m of PLAIN_MARKERS) expect(shown, `${file} shows ${m}`).not.toContain(m);
      const bytes = fs.readFileSync(file);
      for (const word of VIETNAMESE) expect(bytes.includes(Buffer.from(word)), `${file} holds “${word}”`).toBe(false);
    }
    expect(fs.readdirSync(app.dir).filter((f) => f.endsWith('-wal') || f.endsWith('-journal'))).toEqual([]);

    // Without the passphrase, or with a wrong one: refused, clearly.
    expect(() => openSafetyApp(app.dir)).toThrow(expect.objectContaining({ kind: 'locked', message: expect.stringMatching(/được mã hóa/) }) as unknown as ApiError);
    expect(() => openSafetyApp(app.dir, { passphrase: 'sai mật khẩu' })).toThrow(expect.objectContaining({ kind: 'locked', message: expect.stringMatching(/không đúng/) }) as unknown as ApiError);
    // With it: everything is there.
    const again = openSafetyApp(app.dir, { passphrase: PASSPHRASE });
    try {
      expect((await again.call('search.query', { text: '1485-KL/TU' })).total).toBe(1);
      expect((await again.call('backups.verify', { id: backup.id })).ok).toBe(true);
      const preview = await again.call('backups.previewRestore', { id: backup.id });
      expect(preview.backup.summary.counts.documents).toBe(2);
    } finally {
      await again.close();
    }
  });

  it('the command line needs --passphrase-file (no terminal to ask on)', async () => {
    const app = await filledCatalogue(PASSPHRASE);
    await app.close();
    const refused = cli(['--db', app.cataloguePath, 'search', '1485']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/passphrase-file/);
    const keyFile = path.join(app.dir, 'khoa.txt');
    fs.writeFileSync(keyFile, `${PASSPHRASE}\n`);
    const ok = cli(['--db', app.cataloguePath, '--passphrase-file', keyFile, 'search', '1485-KL/TU', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).total).toBe(1);
    expect(cli(['--db', app.cataloguePath, '--passphrase-file', keyFile, 'check']).code).toBe(0);
  });

  it('encrypt names the exports lying readable in the data folder, changes nothing, and moves them where told', async () => {
    const app = await filledCatalogue(null);
    const fondsId = (await app.call('fonds.list', {}))[0]!.id;
    const made = await app.call('handover.export', { fondsId, form: 'documentList', format: 'csv' });
    const bytes = fs.readFileSync(made.path!);
    await app.close();
    const elsewhere = tempDir('kholuu-enc-cli-');
    try {
      const keyFile = path.join(elsewhere, 'khoa.txt');
      fs.writeFileSync(keyFile, `${PASSPHRASE}\n`);
      const encrypt = ['--db', app.cataloguePath, 'encrypt', '--new-passphrase-file', keyFile];
      const refused = cli(encrypt);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(made.fileName!);
      expect(refused.stderr).toMatch(/--move-exports-to/);
      expect(readableWithoutKey(app.cataloguePath)).toBe(true);

      const out = path.join(elsewhere, 'ban-xuat');
      const done = cli([...encrypt, '--move-exports-to', out]);
      expect(done.code).toBe(0);
      expect(done.stdout).toContain(path.join(out, made.fileName!));
      expect(fs.readFileSync(path.join(out, made.fileName!)).equals(bytes)).toBe(true);
      expect(fs.existsSync(made.path!)).toBe(false);
      expect(readableWithoutKey(app.cataloguePath)).toBe(false);
      // Encrypted: an export needs a place outside the data folder.
      expect(cli(['--db', app.cataloguePath, '--passphrase-file', keyFile, 'inventory', '--fonds', 'HU-ES', '--format', 'csv', '--out', path.join(app.dir, 'kiem-ke.csv')]).stderr).toMatch(
        /thư mục dữ liệu/,
      );
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
      fs.rmSync(app.dir, { recursive: true, force: true });
    }
  });
});

describe('encrypting an existing catalogue and changing its passphrase', () => {
  it('encrypts the catalogue and re-encrypts its old backups, which stay verifiable and restorable', async () => {
    const app = await filledCatalogue(null);
    const before = await app.call('backups.create', {});
    expect(readableWithoutKey(path.join(before.path, 'catalogue.sqlite'))).toBe(true);

    const result = await changePassphrase(app, { next: PASSPHRASE });
    expect(result.backupProblems).toEqual([]);
    expect(result.backupsRekeyed).toBe(2); // the old one and the copy taken just before encrypting
    // Two originals, in the managed folder and in each of the two backups.
    expect(result.originalsSealed).toBe(6);
    // The backups still share one (now encrypted) file per original, as they did.
    const [newer, older] = await app.call('backups.list', {});
    for (const name of fs.readdirSync(path.join(older!.path, 'originals'), { recursive: true }) as string[]) {
      const a = fs.statSync(path.join(older!.path, 'originals', name));
      if (a.isFile()) expect(fs.statSync(path.join(newer!.path, 'originals', name)).ino).toBe(a.ino);
    }
    const rows = (await app.call('audit.list', { limit: 10 })).map((r) => r.action);
    expect(rows).toContain('catalogue.encrypt');
    expect(JSON.stringify(await app.call('audit.list', { limit: 10 }))).not.toContain(PASSPHRASE);

    for (const b of await app.call('backups.list', {})) {
      const file = path.join(b.path, 'catalogue.sqlite');
      expect(b.encrypted).toBe(true);
      expect(readableWithoutKey(file)).toBe(false);
      expect(stringsOf(file)).not.toContain('1485-KL/TU');
      expect((await app.call('backups.verify', { id: b.id })).ok, b.id).toBe(true);
    }
    await app.close();
    expect(readableWithoutKey(app.cataloguePath)).toBe(false);
    expect(stringsOf(app.cataloguePath)).not.toContain('1485-KL/TU');

    const reopened = openSafetyApp(app.dir, { passphrase: PASSPHRASE });
    try {
      expect((await reopened.call('app.counts', {})).documents).toBe(2);
      // Changing it needs the current one.
      expect((await callError(reopened, 'catalogue.setPassphrase', { current: 'không phải', next: 'mật khẩu mới rất dài' })).kind).toBe('unauthorized');
      // A new passphrase re-encrypts the catalogue files only: the originals' key stays inside.
      expect((await changePassphrase(reopened, { current: PASSPHRASE, next: 'mật khẩu mới rất dài' })).originalsSealed).toBe(0);
      const restorable = await reopened.call('backups.previewRestore', { id: before.id });
      expect(restorable.backup.summary.counts.documents).toBe(2);
    } finally {
      await reopened.close();
    }
    expect(() => openSafetyApp(app.dir, { passphrase: PASSPHRASE })).toThrow();
    const last = openSafetyApp(app.dir, { passphrase: 'mật khẩu mới rất dài' });
    await last.close();
  });
});
