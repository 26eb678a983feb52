/**
 * After `encrypt` (and after changing the passphrase), no file under the data folder holds a secret
 * record's words in readable form (what `strings` or `grep -a` would find): not the catalogue, not
 * its write-ahead log, not the originals (text, Word, PDF) in the managed folder, not a finished
 * backup with its originals, not an unfinished one (`.partial`, however recent) nor a temporary
 * copy a killed process left behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CANARY_WORDS, type CanaryWorld, buildCanaryWorld, copyWorld } from '../../support/secretCanary';
import { openSafetyApp } from '../../support/safety';
import { uploadCanaryOriginals } from '../../support/canaryOriginals';

let world: CanaryWorld;

beforeAll(async () => {
  world = await buildCanaryWorld();
}, 300_000);

/** Every file below `dir`, with the canary words its bytes hold as they are (UTF-8 / ASCII). */
function readableCanaries(dir: string): Array<{ file: string; words: string[] }> {
  const found: Array<{ file: string; words: string[] }> = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const text = fs.readFileSync(p).toString('latin1').toLowerCase();
        const words = CANARY_WORDS.filter((w) => text.includes(w));
        if (words.length > 0) found.push({ file: path.relative(dir, p), words });
      }
    }
  };
  walk(dir);
  return found;
}

/**
 * Plain-text copies a crash leaves: an interrupted backup (recent, with the originals it had copied
 * so far) and a re-encryption's temporary copy.
 */
function leaveCrashLeftovers(dir: string, cataloguePath: string): void {
  const backups = path.join(dir, 'catalogue.backups');
  const finished = fs.readdirSync(backups).find((n) => !n.endsWith('.partial'))!;
  const partial = path.join(backups, `${finished.replace(/-[a-z-]+$/, '')}-manual-9.partial`);
  fs.mkdirSync(partial);
  fs.copyFileSync(cataloguePath, path.join(partial, 'catalogue.sqlite'));
  fs.cpSync(path.join(dir, 'catalogue.originals'), path.join(partial, 'originals'), { recursive: true });
  fs.copyFileSync(cataloguePath, path.join(partial, `catalogue.sqlite.${process.pid}.tmp`));
  fs.copyFileSync(cataloguePath, path.join(backups, finished, `catalogue.sqlite.${process.pid}.rekey.tmp`));
}

const isOriginal = (file: string) => file.split(path.sep).some((part) => part === 'catalogue.originals' || part === 'originals');

/**
 * The world's copy with secret canary documents added as Word and PDF files (their bytes hold
 * canary words as they are) and backed up, so that finished backups hold them too.
 */
async function worldWithEveryFormat(): Promise<string> {
  const dir = copyWorld(world);
  const app = openSafetyApp(dir);
  try {
    await uploadCanaryOriginals(app, { fondsId: world.fondsId, fileId: world.permanentFileId });
    await app.call('backups.create', { note: 'Có bản gốc Word, PDF' });
  } finally {
    await app.close();
  }
  return dir;
}

describe('encrypt leaves no readable copy of the records under the data folder', () => {
  it('before: the plain catalogue, its originals, its backups and the leftovers are readable (the test can see them)', async () => {
    const dir = await worldWithEveryFormat();
    leaveCrashLeftovers(dir, path.join(dir, 'catalogue.sqlite'));
    const files = readableCanaries(dir).map((f) => f.file);
    expect(files).toContain('catalogue.sqlite');
    expect(files.some((f) => f.endsWith('.partial/catalogue.sqlite'))).toBe(true);
    expect(files.some((f) => f.endsWith('.rekey.tmp'))).toBe(true);
    // Originals of every format, in the managed folder, in finished backups and in the unfinished one.
    for (const ext of ['.txt', '.docx', '.pdf']) {
      const originals = files.filter((f) => isOriginal(f) && f.endsWith(ext));
      expect(originals.some((f) => f.startsWith('catalogue.originals'))).toBe(true);
      expect(originals.some((f) => f.startsWith('catalogue.backups') && !f.includes('.partial'))).toBe(true);
      expect(originals.some((f) => f.includes('.partial'))).toBe(true);
    }
  }, 180_000);

  it('after encrypting, then after changing the passphrase', async () => {
    const dir = await worldWithEveryFormat();
    leaveCrashLeftovers(dir, path.join(dir, 'catalogue.sqlite'));
    const app = openSafetyApp(dir);
    try {
      const result = await app.call('catalogue.setPassphrase', { next: 'mật khẩu dài của văn phòng' });
      expect(result.backupProblems).toEqual([]);
      expect(readableCanaries(dir)).toEqual([]);
      expect(fs.readdirSync(path.join(dir, 'catalogue.backups')).filter((n) => n.endsWith('.partial'))).toEqual([]);

      leaveCrashLeftovers(dir, path.join(dir, 'catalogue.sqlite'));
      await app.call('catalogue.setPassphrase', { current: 'mật khẩu dài của văn phòng', next: 'một mật khẩu khác hẳn' });
      expect(readableCanaries(dir)).toEqual([]);
      // Still the same records, behind the new passphrase, and their originals open as imported.
      expect((await app.call('app.counts', {})).documents).toBeGreaterThan(3);
      const report = await app.call('integrity.check', {});
      // The one original the canary world damaged on purpose, and nothing else.
      expect(report.originals.problems.map((p) => p.attachmentId)).toEqual([world.secretAttachmentIds[0]]);
      expect(report.originals.checked).toBeGreaterThan(6);
    } finally {
      await app.close();
    }
  }, 180_000);
});
