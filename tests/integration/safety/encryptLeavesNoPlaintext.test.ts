/**
 * After `encrypt` (and after changing the passphrase), no file under the data folder holds a secret
 * record's words in readable form (what `strings` or `grep -a` would find): not the catalogue, not
 * its write-ahead log, not the originals (text, Word, PDF) in the managed folder, not a finished
 * backup with its originals, not an unfinished one (`.partial`, however recent) nor a temporary
 * copy a killed process left behind, nor the exports, forms and packages made before into the
 * exports folder — which are deliverables: moved out where the user says, or removed only when
 * the user confirms, never lost silently. An encrypted catalogue writes no new readable export there.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY_WORDS, type CanaryWorld, buildCanaryWorld, copyWorld } from '../../support/secretCanary';
import { callError, changePassphrase, openSafetyApp } from '../../support/safety';
import { uploadCanaryOriginals } from '../../support/canaryOriginals';
import { jobResult } from '../../support/handover';
import { tempDir as makeTempDir } from '../../support/services';

let world: CanaryWorld;
/** Every folder this file makes is removed at the end. */
const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = makeTempDir(prefix);
  made.push(dir);
  return dir;
};

beforeAll(async () => {
  world = await buildCanaryWorld(tempDir('kholuu-canary-'));
}, 300_000);
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

const EXPORTS = 'catalogue.exports';
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every file below `dir` with its SHA-256, by path relative to `dir`. */
function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = sha256(p);
    }
  };
  walk(dir);
  return out;
}

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
  made.push(dir);
  const app = openSafetyApp(dir);
  try {
    await uploadCanaryOriginals(app, { fondsId: world.fondsId, fileId: world.permanentFileId });
    await app.call('backups.create', { note: 'Có bản gốc Word, PDF' });
    // Deliverables made the ordinary way, into the exports folder, with secrets let into exports:
    // the Mục lục văn bản (CSV) and the inventory workbook of the fonds, and a folder package.
    await app.call('access.unlockSecrets', { reason: 'Lập mục lục và gói bàn giao có văn bản mật', purpose: 'export', durationMinutes: 30 });
    await app.call('handover.export', { fondsId: world.fondsId, form: 'documentList', format: 'csv' });
    await app.call('handover.export', { fondsId: world.fondsId, form: 'inventory', format: 'xlsx' });
    // The original the world damaged on purpose (one byte appended) is mended for packaging, then
    // damaged again.
    const { catalogue } = app.services.context;
    const damaged = path.join(catalogue.originalsDir, catalogue.repos.attachments.storedPath(world.secretAttachmentIds[0]!)!);
    fs.truncateSync(damaged, fs.statSync(damaged).size - 1);
    const { jobId } = await app.call('handover.package.start', { batchId: world.batchId, zip: false });
    const packed = await jobResult(app, jobId);
    if (packed.status.state !== 'done') throw new Error(`packaging: ${packed.status.error}`);
    fs.appendFileSync(damaged, 'x');
    await app.call('access.lockSecrets', {});
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
    // The exports made before encryption: the CSV, and the package's records and originals (ban-goc).
    const exported = files.filter((f) => f.startsWith(EXPORTS));
    expect(exported.some((f) => f.endsWith('.csv') && !f.includes('goi-ban-giao'))).toBe(true);
    expect(exported.some((f) => f.includes('goi-ban-giao') && f.includes('ban-goc'))).toBe(true);
    // Originals of every format, in the managed folder, in finished backups and in the unfinished one.
    for (const ext of ['.txt', '.docx', '.pdf']) {
      const originals = files.filter((f) => isOriginal(f) && f.endsWith(ext));
      expect(originals.some((f) => f.startsWith('catalogue.originals'))).toBe(true);
      expect(originals.some((f) => f.startsWith('catalogue.backups') && !f.includes('.partial'))).toBe(true);
      expect(originals.some((f) => f.includes('.partial'))).toBe(true);
    }
  }, 180_000);

  it('a quarantine folder placed inside the data folder is moved out with the decision recording where, never deleted', async () => {
    const dir = copyWorld(world);
    made.push(dir);
    const quarantine = path.join(dir, 'cach-ly');
    let app = openSafetyApp(dir);
    try {
      const list = await app.call('destruction.exportList', { id: world.decisionId });
      await app.call('destruction.confirm', { id: world.decisionId, listSha256: list.sha256 });
      await app.call('destruction.moveOriginals', { id: world.decisionId, quarantineDir: quarantine });
    } finally {
      await app.close();
    }
    // Its list names the secret original (the test can see it).
    expect(readableCanaries(dir).some((f) => f.file.startsWith('cach-ly'))).toBe(true);
    const placed = digests(quarantine);

    app = openSafetyApp(dir);
    try {
      const next = 'mật khẩu dài của văn phòng';
      const refusal = await callError(app, 'catalogue.setPassphrase', { next });
      expect(refusal.code).toBe('passphrase.exportsInDataFolder');
      expect((refusal.params as unknown as { names: string[] }).names.some((n) => n.startsWith(quarantine))).toBe(true);
      expect((await callError(app, 'catalogue.setPassphrase', { next, removeExports: true })).code).toBe('passphrase.quarantineInDataFolder');
      expect(digests(quarantine)).toEqual(placed);

      const outside = tempDir('kholuu-quarantine-out-');
      const result = await changePassphrase(app, { next, moveExportsTo: outside });
      // The decision's folder (`tieu-huy_…`), every byte as it was.
      const moved = path.join(outside, fs.readdirSync(outside)[0]!);
      expect(result.exportsMoved).toEqual([moved]);
      expect(digests(outside)).toEqual(placed);
      expect(readableCanaries(dir)).toEqual([]);
      // The decision and its moved originals name the new place.
      const decision = await app.call('destruction.get', { id: world.decisionId });
      expect(decision.quarantinePath).toBe(moved);
      const movedTo = app.services.context.catalogue.repos.destruction.originals(world.decisionId).map((o) => o.movedOutTo).filter((p) => p !== null);
      expect(movedTo.length).toBeGreaterThan(0);
      for (const p of movedTo) {
        expect(p!.startsWith(moved + path.sep)).toBe(true);
        expect(fs.existsSync(p!)).toBe(true);
      }
    } finally {
      await app.close();
    }
  }, 180_000);

  it('after encrypting, then after changing the passphrase', async () => {
    const dir = await worldWithEveryFormat();
    leaveCrashLeftovers(dir, path.join(dir, 'catalogue.sqlite'));
    const exportsDir = path.join(dir, EXPORTS);
    const delivered = digests(exportsDir);
    const app = openSafetyApp(dir);
    try {
      // Deliverables in the exports folder: refused, naming them, with nothing changed...
      const refusal = await callError(app, 'catalogue.setPassphrase', { next: 'mật khẩu dài của văn phòng' });
      expect(refusal.code).toBe('passphrase.exportsInDataFolder');
      expect(refusal.params).toMatchObject({ folder: exportsDir, count: 3 });
      expect((await app.call('catalogue.encryption', {})).encrypted).toBe(false);
      // ...and a destination inside the data folder is no way out.
      const inside = await callError(app, 'catalogue.setPassphrase', { next: 'mật khẩu dài của văn phòng', moveExportsTo: path.join(dir, 'ra-ngoai') });
      expect(inside.code).toBe('passphrase.exportsMoveTarget');
      expect(digests(exportsDir)).toEqual(delivered);

      // Moved where the user says, every byte as it was.
      const outside = tempDir('kholuu-exports-out-');
      const result = await changePassphrase(app, { next: 'mật khẩu dài của văn phòng', moveExportsTo: outside });
      expect(result.backupProblems).toEqual([]);
      expect(result.exportsMoved).toHaveLength(3);
      expect(digests(outside)).toEqual(delivered);
      expect(readableCanaries(dir)).toEqual([]);
      expect(fs.readdirSync(path.join(dir, 'catalogue.backups')).filter((n) => n.endsWith('.partial'))).toEqual([]);

      // Encrypted: no new readable export lands in the data folder.
      const csv = { fondsId: world.fondsId, form: 'documentList', format: 'csv' } as const;
      expect((await callError(app, 'handover.export', csv)).code).toBe('handover.outRequired');
      expect((await callError(app, 'handover.export', { ...csv, out: path.join(exportsDir, 'muc-luc.csv') })).code).toBe('handover.outInsideDataFolder');
      const downloaded = await app.call('handover.export', { ...csv, download: true });
      expect(downloaded.path).toBeNull();
      expect(Buffer.from(downloaded.contentBase64!, 'base64').length).toBe(downloaded.size);
      expect(downloaded.size).toBeGreaterThan(100);
      expect((await callError(app, 'handover.package.start', { batchId: world.batchId })).code).toBe('handover.outRequired');
      expect((await callError(app, 'handover.package.start', { batchId: world.batchId, out: path.join(dir, 'goi.zip') })).code).toBe('handover.outInsideDataFolder');
      expect(readableCanaries(dir)).toEqual([]);

      // An export an earlier version left there blocks a change of passphrase too, until the
      // user confirms its removal.
      leaveCrashLeftovers(dir, path.join(dir, 'catalogue.sqlite'));
      fs.mkdirSync(exportsDir, { recursive: true });
      fs.copyFileSync(path.join(outside, Object.keys(delivered).find((f) => f.endsWith('.csv') && !f.includes('goi-ban-giao'))!), path.join(exportsDir, 'muc-luc-cu.csv'));
      // A receipt written for a received package (a digest and counts, no record) is no deliverable
      // of the records: it neither blocks the change nor is removed.
      const receipt = path.join(exportsDir, 'bien-nhan-07_bb-bg-1a2b3c4d.json');
      const receiptText = JSON.stringify({ format: 'kholuu-handover-receipt', version: 1, batchCode: '07/BB-BG', counts: { files: 2 } });
      fs.writeFileSync(receipt, receiptText);
      const again = { current: 'mật khẩu dài của văn phòng', next: 'một mật khẩu khác hẳn' };
      expect((await callError(app, 'catalogue.setPassphrase', again)).code).toBe('passphrase.exportsInDataFolder');
      const changed = await changePassphrase(app, { ...again, removeExports: true });
      expect(changed.exportsRemoved).toEqual(['muc-luc-cu.csv']);
      expect(fs.readFileSync(receipt, 'utf8')).toBe(receiptText);
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
