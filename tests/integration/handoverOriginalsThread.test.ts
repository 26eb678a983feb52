/**
 * A package's originals are read on a thread of their own: each as the catalogue's own reader
 * opens it (the plaintext of a sealed one, with the catalogue's data key), with its SHA-256 and
 * CRC-32; one gone from disk fails as missing, a sealed one changed on disk as changed, each in its
 * turn, the others still read; reading ahead waits for the writing to take what was read, not for
 * it to give the buffers back (a zip holds several megabytes of originals before writing them).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { SealedFileError } from '../../electron/data/originals/sealedFormat';
import { originalsApart, storedFiles } from '../../electron/services/handover/bag/originalsSource';
import { openSafetyApp } from '../support/safety';
import { sampleFondsReady } from '../support/handover';
import { type TestApp, tempDir } from '../support/services';

const apps: TestApp[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function catalogueWithOriginals(passphrase: string | null) {
  const dir = tempDir('kholuu-originals-thread-');
  dirs.push(dir);
  const app = openSafetyApp(dir, { passphrase });
  apps.push(app);
  await sampleFondsReady(app);
  const { catalogue } = app.services.context;
  const rows = catalogue.db.prepare('SELECT sha256, stored_path AS storedPath, size FROM attachments ORDER BY id').all() as Array<{ sha256: string; storedPath: string; size: number }>;
  return { catalogue, rows, stored: storedFiles(catalogue.originalsDir, rows) };
}

describe('the originals thread', () => {
  for (const passphrase of [null, 'Mật khẩu bản gốc 2025']) {
    it(`reads each original as imported, with its SHA-256 and CRC-32 (${passphrase ? 'sealed' : 'plain'})`, async () => {
      const { catalogue, rows, stored } = await catalogueWithOriginals(passphrase);
      expect(rows.length).toBeGreaterThanOrEqual(5);
      // Sealed on disk when the catalogue is encrypted: the thread must open them with the key.
      const first = fs.readFileSync(stored[0]!.file);
      expect(createHash('sha256').update(first).digest('hex') === rows[0]!.sha256).toBe(passphrase === null);
      const source = await originalsApart(stored, catalogue.originals);
      expect(source).not.toBeNull();
      for (let i = 0; i < rows.length; i++) {
        const bytes = await source!.take(i);
        if (!bytes.whole) throw new Error('a sample original is small: read whole');
        const plain = catalogue.originals.readWholeSync(stored[i]!.file);
        expect(bytes.whole.equals(plain)).toBe(true);
        expect(bytes.digests).toEqual({ sha256: rows[i]!.sha256, crc: zlib.crc32(plain) });
        bytes.release();
      }
      await source!.stop();
    });
  }

  it('fails an original gone as missing and a sealed one changed as changed, in their turn, reading the others', async () => {
    const { catalogue, rows, stored } = await catalogueWithOriginals('Mật khẩu bản gốc 2025');
    fs.rmSync(stored[1]!.file);
    const changed = fs.readFileSync(stored[2]!.file);
    changed[changed.length - 40] ^= 0xff;
    fs.writeFileSync(stored[2]!.file, changed);
    const source = (await originalsApart(stored, catalogue.originals))!;
    const first = await source.take(0);
    expect(first.whole && createHash('sha256').update(first.whole).digest('hex')).toBe(rows[0]!.sha256);
    await expect(source.take(1)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(source.take(2)).rejects.toBeInstanceOf(SealedFileError);
    const fourth = await source.take(3);
    expect(fourth.whole && createHash('sha256').update(fourth.whole).digest('hex')).toBe(rows[3]!.sha256);
    await source.stop();
  });

  it('keeps reading while the writing holds what it took (more originals than are read ahead)', async () => {
    const { catalogue, rows, stored } = await catalogueWithOriginals(null);
    const many = Array.from({ length: 12 }, () => stored).flat();
    const source = (await originalsApart(many, catalogue.originals))!;
    const held: Buffer[] = [];
    for (let i = 0; i < many.length; i++) {
      const bytes = await source.take(i);
      if (!bytes.whole) throw new Error('a sample original is small: read whole');
      expect(bytes.digests?.sha256).toBe(rows[i % rows.length]!.sha256);
      held.push(bytes.whole);
    }
    expect(held.length).toBeGreaterThan(40);
    await source.stop();
  });
});
