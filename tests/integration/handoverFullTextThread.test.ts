/**
 * A package's full texts are read and written on a thread of their own, from a read-only
 * connection of that thread's own: the same bytes as the catalogue's own connection reads (in an
 * encrypted catalogue too, opened with its passphrase), with their SHA-256, size and CRC-32; a
 * raised stop flag ends the thread with the file closed, and the package then fails.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFullTextsApart } from '../../electron/services/handover/bag/fullTextThread';
import { openSafetyApp } from '../support/safety';
import { sampleFondsReady } from '../support/handover';
import { type TestApp, tempDir } from '../support/services';

const apps: TestApp[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function catalogueWithTexts(passphrase: string | null) {
  const dir = tempDir('kholuu-fulltext-thread-');
  dirs.push(dir);
  const app = openSafetyApp(dir, { passphrase });
  apps.push(app);
  await sampleFondsReady(app);
  const { db, repos } = app.services.context.catalogue;
  const ids = (db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[]).map((id): [string, number] => [`d${id}`, id]);
  return { app, dir, ids, expected: Buffer.concat(repos.handoverData.fullTextLines(ids)) };
}

describe('the full texts thread', () => {
  for (const passphrase of [null, 'Mật khẩu toàn văn 2025']) {
    it(`writes what the catalogue's own connection reads (${passphrase ? 'encrypted' : 'plain'} catalogue)`, async () => {
      const { app, dir, ids, expected } = await catalogueWithTexts(passphrase);
      expect(app.services.context.catalogue.encrypted).toBe(passphrase !== null);
      // The sample documents' texts, in Vietnamese, are what the file must hold.
      expect(expected.toString('utf8')).toContain('Huyện ủy');
      const file = path.join(dir, 'toan-van.jsonl');
      const writing = await writeFullTextsApart(app.services.context.catalogue.readerAccess(), ids, file, true, true);
      expect(writing).not.toBeNull();
      const written = await writing!.written;
      const bytes = fs.readFileSync(file);
      expect(bytes.equals(expected)).toBe(true);
      expect(written).toEqual({ sha256: createHash('sha256').update(expected).digest('hex'), size: expected.length, crc: zlib.crc32(expected) });
    });
  }

  it('leaves the CRC-32 uncomputed when not asked for it (a folder package has no use for it)', async () => {
    const { app, dir, ids, expected } = await catalogueWithTexts(null);
    const file = path.join(dir, 'toan-van.jsonl');
    const written = await (await writeFullTextsApart(app.services.context.catalogue.readerAccess(), ids, file, true, false))!.written;
    expect(fs.readFileSync(file).equals(expected)).toBe(true);
    expect(written).toEqual({ sha256: createHash('sha256').update(expected).digest('hex'), size: expected.length, crc: 0 });
  });

  it('refuses to open an encrypted catalogue without its passphrase, failing rather than writing', async () => {
    const { app, dir, ids } = await catalogueWithTexts('Mật khẩu toàn văn 2025');
    const file = path.join(dir, 'toan-van.jsonl');
    const writing = await writeFullTextsApart({ ...app.services.context.catalogue.readerAccess(), passphrase: null }, ids, file, false, true);
    await expect(writing!.written).rejects.toThrow(/full texts/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('stops at its stop flag, its file closed', async () => {
    const { app, dir, ids } = await catalogueWithTexts(null);
    // Enough chunks that the flag, raised at once, is seen before the last.
    const many = Array.from({ length: 50 }, () => ids).flat();
    const file = path.join(dir, 'toan-van.jsonl');
    const writing = await writeFullTextsApart(app.services.context.catalogue.readerAccess(), many, file, false, true);
    writing!.stop();
    await expect(writing!.written).rejects.toThrow(/stopped/);
    fs.rmSync(file, { force: true });
    expect(fs.existsSync(file)).toBe(false);
  });
});
