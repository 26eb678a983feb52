/**
 * Originals in an encrypted catalogue are stored sealed (AES-256-GCM under a data key kept inside
 * the catalogue), and everything that reads one opens it: the viewer, handover packaging (the
 * package holds the plaintext, with the SHA-256 the catalogue documents), receiving, backups,
 * backup verification and restore, and `check`, which reports a sealed original changed on disk.
 * An encryption cut short is finished when the catalogue is next opened, with nothing lost.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGINALS_COPY } from '../../../electron/data/backups/backupFolder';
import { MAGIC } from '../../../electron/data/originals/sealedFormat';
import { ORIGINALS_DIR } from '../../../shared/handover/packageFormat';
import { uploadCanaryOriginals } from '../../support/canaryOriginals';
import { docxBytes, pdfBytes } from '../../support/mixedCorpus';
import { partyDocument } from '../../support/partyDocs';
import { jobResult, listedSampleBatch, packageBatch, sampleFondsReady } from '../../support/handover';
import { canaryText } from '../../support/secretCanary';
import { archiveWithFiles, changePassphrase, openSafetyApp } from '../../support/safety';
import { type TestApp, tempDir as makeTempDir, waitForJob } from '../../support/services';

const PASSPHRASE = 'Mật khẩu niêm phong bản gốc 2025';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every folder this file makes is removed at the end (catalogues, backups, packages). */
const made: string[] = [];
function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

interface Built {
  dir: string;
  batchId: number;
  preEncryptBackupId: string;
}
let built: Built;

function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out;
}

const isSealed = (file: string) => fs.readFileSync(file).subarray(0, MAGIC.length).equals(MAGIC);

/** Every original of the managed folder and of every backup. */
function storedOriginals(dir: string): string[] {
  const backups = path.join(dir, 'catalogue.backups');
  const inBackups = fs.existsSync(backups) ? fs.readdirSync(backups).flatMap((b) => filesUnder(path.join(backups, b, ORIGINALS_COPY))) : [];
  return [...filesUnder(path.join(dir, 'catalogue.originals')), ...inBackups];
}

async function upload(app: TestApp, target: { fondsId: number; fileId?: number }, files: Array<{ name: string; bytes: Buffer }>) {
  const { jobId } = await app.call('import.start', { target, uploads: files.map((f) => ({ name: f.name, contentBase64: f.bytes.toString('base64') })) });
  const status = await waitForJob(app, jobId);
  if (status.results.some((r) => r.outcome !== 'imported')) throw new Error(JSON.stringify(status.results));
  return status.results.map((r) => r.documentId!);
}

/** Every original the catalogue records, with the SHA-256 it documents. */
function attachments(app: TestApp) {
  return app.services.context.catalogue.repos.integrity.originals();
}

function reopen(dir: string): TestApp {
  return openSafetyApp(dir, { passphrase: PASSPHRASE });
}

function copyOf(b: Built): string {
  const dir = tempDir('kholuu-sealed-copy-');
  fs.cpSync(b.dir, dir, { recursive: true });
  return dir;
}

/**
 * A plain catalogue with the sample fonds, Word and PDF documents in its first file, secret canary
 * originals (text, Word, PDF) elsewhere and a backup; then encrypted. A listed batch of the sample
 * fonds waits to be packed.
 */
async function build(): Promise<Built> {
  const dir = tempDir('kholuu-sealed-');
  const app = openSafetyApp(dir);
  try {
    const s = await sampleFondsReady(app);
    const first = s.files.find((f) => f.code === '1')!;
    const spec = (n: number) => ({ number: `${n}-CV/HU`, date: '12/3/2025', issuer: 'HUYỆN ỦY MẪU', type: 'CÔNG VĂN', subject: `về chuẩn bị bàn giao tài liệu (văn bản ${n})`, body: ['Các chi bộ rà soát hồ sơ, tài liệu.'] });
    await upload(app, { fondsId: s.fondsId, fileId: first.id }, [
      { name: 'cong-van-501.docx', bytes: await docxBytes(partyDocument(spec(501))) },
      { name: 'cong-van-502.pdf', bytes: await pdfBytes(partyDocument(spec(502))) },
    ]);
    await app.call('files.update', { id: first.id, patch: { sheetCount: 25 } });
    const { fonds, permanent } = await archiveWithFiles(app);
    await upload(app, { fondsId: fonds.id, fileId: permanent.id }, [{ name: 'bao-cao-mat.txt', bytes: Buffer.from(canaryText()) }]);
    await uploadCanaryOriginals(app, { fondsId: fonds.id, fileId: permanent.id });
    const { batch } = await listedSampleBatch(app, '03/BB-BG', s);
    const backup = await app.call('backups.create', { note: 'Trước khi mã hóa (bản gốc chưa niêm phong)' });
    const result = await changePassphrase(app, { next: PASSPHRASE });
    expect(result.backupProblems).toEqual([]);
    return { dir, batchId: batch.id, preEncryptBackupId: backup.id };
  } finally {
    await app.close();
  }
}

beforeAll(async () => {
  built = await build();
}, 300_000);

describe('originals of an encrypted catalogue are sealed, and read through one reader', () => {
  it('seals every original and backup copy; the viewer opens each as imported; a new import is written sealed', async () => {
    const dir = copyOf(built);
    const stored = storedOriginals(dir);
    expect(stored.filter((f) => f.endsWith('.docx')).length).toBeGreaterThanOrEqual(4);
    expect(stored.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(4);
    expect(stored.filter((f) => !isSealed(f))).toEqual([]);
    const app = reopen(dir);
    try {
      const all = attachments(app);
      expect(all.length).toBeGreaterThanOrEqual(9);
      for (const a of all) {
        const content = await app.call('originals.content', { attachmentId: a.attachmentId });
        expect(sha256(Buffer.from(content.contentBase64, 'base64'))).toBe(a.sha256);
      }
      const docx = all.find((a) => a.fileName === 'cong-van-501.docx')!;
      const preview = await app.call('originals.preview', { attachmentId: docx.attachmentId });
      expect(JSON.stringify(preview)).toContain('501-CV/HU');

      const fonds = (await app.call('fonds.list', {})).find((f) => f.code === 'HU-ES')!;
      const text = 'HUYỆN ỦY EA SÚP\nSố 77-TB/HU\nEa Súp, ngày 2 tháng 6 năm 2025\nTHÔNG BÁO\nvề lịch tiếp nhận tài liệu sau niêm phong\nNội dung mới nhập sau khi mã hóa.';
      const [id] = await upload(app, { fondsId: fonds.id }, [{ name: 'thong-bao-moi.txt', bytes: Buffer.from(text) }]);
      const added = attachments(app).find((a) => a.documentId === id)!;
      const file = path.join(app.services.context.catalogue.originalsDir, added.storedPath);
      expect(isSealed(file)).toBe(true);
      expect(fs.readFileSync(file).toString('latin1')).not.toContain('niêm phong');
      expect(sha256(Buffer.from((await app.call('originals.content', { attachmentId: added.attachmentId })).contentBase64, 'base64'))).toBe(sha256(Buffer.from(text)));
      const report = await app.call('integrity.check', {});
      expect(report.originals.problems).toEqual([]);
      expect(report.ok).toBe(true);
    } finally {
      await app.close();
    }
  }, 180_000);

  it('packs the plaintext originals (unzip -t, SHA-256 as catalogued), and a receiving encrypted catalogue seals them', async () => {
    const dir = copyOf(built);
    const app = reopen(dir);
    const out = path.join(tempDir('kholuu-sealed-pkg-'), 'goi.zip');
    try {
      await packageBatch(app, built.batchId, out);
      expect(spawnSync('unzip', ['-tq', out]).status).toBe(0);
      const unpacked = tempDir('kholuu-sealed-unzip-');
      execFileSync('unzip', ['-q', out, '-d', unpacked]);
      const packed = filesUnder(unpacked).filter((f) => f.includes(`${ORIGINALS_DIR}/`));
      const catalogued = new Map(attachments(app).map((a) => [a.sha256, a.fileName]));
      expect(packed.length).toBeGreaterThanOrEqual(7);
      expect(packed.some((f) => f.endsWith('.docx')) && packed.some((f) => f.endsWith('.pdf'))).toBe(true);
      for (const f of packed) {
        expect(isSealed(f)).toBe(false);
        expect(catalogued.has(sha256(fs.readFileSync(f)))).toBe(true);
      }
    } finally {
      await app.close();
    }

    const receiver = openSafetyApp(tempDir('kholuu-sealed-recv-'), { passphrase: 'Mật khẩu bên nhận 2025' });
    try {
      const { jobId } = await receiver.call('handover.receive.start', { path: out });
      const { status, result } = await jobResult(receiver, jobId);
      expect(status.state).toBe('done');
      expect(result?.kind).toBe('receive');
      const received = storedOriginals(receiver.dir);
      expect(received.length).toBeGreaterThanOrEqual(7);
      expect(received.filter((f) => !isSealed(f))).toEqual([]);
      const report = await receiver.call('integrity.check', {});
      expect(report.originals.checked).toBe(attachments(receiver).length);
      expect(report.ok).toBe(true);
    } finally {
      await receiver.close();
    }
  }, 240_000);

  it('backs up sealed originals, verifies them, and restores them (a backup made before encryption too)', async () => {
    const dir = copyOf(built);
    const app = reopen(dir);
    try {
      const backup = await app.call('backups.create', { note: 'Sau khi mã hóa' });
      expect(backup.originals.problems).toEqual([]);
      const verified = await app.call('backups.verify', { id: backup.id });
      expect(verified.problems).toEqual([]);
      expect(verified.originalsChecked).toBe(backup.originals.count);
      expect((await app.call('backups.verify', { id: built.preEncryptBackupId })).ok).toBe(true);

      // Originals lost from the managed folder come back from the backup made before encryption
      // (its copy was re-encrypted and given the originals' key, its originals sealed).
      const docx = attachments(app).find((a) => a.fileName === 'cong-van-501.docx')!;
      const managed = path.join(app.services.context.catalogue.originalsDir, docx.storedPath);
      fs.rmSync(managed);
      const preview = await app.call('backups.previewRestore', { id: built.preEncryptBackupId });
      const restored = await app.call('backups.restore', { id: built.preEncryptBackupId, confirmToken: preview.confirmToken });
      expect(restored.originalsProblems).toEqual([]);
      expect(restored.originalsRestored).toBe(1);
      expect(isSealed(managed)).toBe(true);
      const content = await app.call('originals.content', { attachmentId: docx.attachmentId });
      expect(sha256(Buffer.from(content.contentBase64, 'base64'))).toBe(docx.sha256);
      // Every original still opens after the restore: the key stayed.
      const report = await app.call('integrity.check', {});
      expect(report.originals.problems).toEqual([]);
    } finally {
      await app.close();
    }
  }, 240_000);

  it('reports a sealed original changed on disk (check, viewer, backup verification), never packs it; check names one lying unencrypted', async () => {
    const dir = copyOf(built);
    const app = reopen(dir);
    try {
      const backup = await app.call('backups.create', {});
      const all = attachments(app);
      const pdf = all.find((a) => a.fileName === 'cong-van-502.pdf')!;
      const txt = all.find((a) => a.fileName === 'bao-cao-mat.txt')!;
      const pdfFile = path.join(app.services.context.catalogue.originalsDir, pdf.storedPath);
      const bytes = fs.readFileSync(pdfFile);
      bytes[Math.floor(bytes.length / 2)] ^= 0x01;
      fs.writeFileSync(pdfFile, bytes);
      // The text original cut short by a byte.
      const txtFile = path.join(app.services.context.catalogue.originalsDir, txt.storedPath);
      fs.truncateSync(txtFile, fs.statSync(txtFile).size - 1);
      // The Word original put back unencrypted (intact, but readable by anyone with the disk).
      const docx = all.find((a) => a.fileName === 'cong-van-501.docx')!;
      const docxFile = path.join(app.services.context.catalogue.originalsDir, docx.storedPath);
      const plain = app.services.context.catalogue.originals.readWholeSync(docxFile);
      fs.rmSync(docxFile);
      fs.writeFileSync(docxFile, plain);

      const report = await app.call('integrity.check', {});
      expect(report.ok).toBe(false);
      expect(report.originals.problems.map((p) => [p.attachmentId, p.problem]).sort()).toEqual(
        [
          [pdf.attachmentId, 'mismatch'],
          [txt.attachmentId, 'mismatch'],
          [docx.attachmentId, 'unencrypted'],
        ].sort(),
      );
      await expect(app.call('originals.content', { attachmentId: pdf.attachmentId })).rejects.toMatchObject({ code: 'original.changed' });
      const { jobId } = await app.call('handover.package.start', { batchId: built.batchId, out: path.join(tempDir('kholuu-sealed-bad-'), 'goi.zip') });
      const { status } = await jobResult(app, jobId);
      expect(status.state).toBe('failed');

      // The same change in a backup's copy is found by its verification.
      const inBackup = path.join(backup.path, ORIGINALS_COPY, pdf.storedPath);
      const b = fs.readFileSync(inBackup);
      b[b.length - 3] ^= 0x01;
      fs.rmSync(inBackup);
      fs.writeFileSync(inBackup, b);
      const verified = await app.call('backups.verify', { id: backup.id });
      expect(verified.problems.some((p) => p.includes(pdf.storedPath))).toBe(true);
    } finally {
      await app.close();
    }
  }, 180_000);

  it('finishes an encryption cut short when the catalogue is next opened, losing nothing', async () => {
    const dir = copyOf(built);
    let expected: Array<{ attachmentId: number; sha256: string }> = [];
    // What a crash midway through sealing leaves: the catalogue encrypted and marked unfinished,
    // some originals (in the managed folder and in a backup) still plain, and a half-written sealed
    // copy of a process that no longer exists.
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    let plainAgain: string[] = [];
    {
      const app = reopen(dir);
      try {
        const { catalogue } = app.services.context;
        expected = attachments(app).map((a) => ({ attachmentId: a.attachmentId, sha256: a.sha256 }));
        const stored = storedOriginals(dir);
        plainAgain = stored.filter((_, i) => i % 2 === 0);
        for (const f of plainAgain) {
          const plain = catalogue.originals.readWholeSync(f);
          fs.rmSync(f);
          fs.writeFileSync(f, plain);
        }
        const half = `${stored[1]!}.${dead}.seal.tmp`;
        fs.writeFileSync(half, fs.readFileSync(stored[1]!).subarray(0, 40));
        catalogue.markOriginalsSealed(false);
      } finally {
        await app.close();
      }
    }
    expect(plainAgain.length).toBeGreaterThan(4);
    expect(plainAgain.some((f) => f.includes('catalogue.backups'))).toBe(true);
    expect(plainAgain.filter((f) => isSealed(f))).toEqual([]);

    const app = reopen(dir);
    try {
      // Opening finishes the sealing before any backup may run.
      await app.call('backups.create', { note: 'Sau khi mở lại' });
      expect(storedOriginals(dir).filter((f) => !isSealed(f) && !f.includes('.seal.tmp'))).toEqual([]);
      expect(storedOriginals(dir).filter((f) => f.endsWith('.seal.tmp'))).toEqual([]);
      expect(app.services.context.catalogue.originalsSealed).toBe(true);
      for (const e of expected) {
        const content = await app.call('originals.content', { attachmentId: e.attachmentId });
        expect(sha256(Buffer.from(content.contentBase64, 'base64'))).toBe(e.sha256);
      }
      expect((await app.call('integrity.check', {})).ok).toBe(true);
    } finally {
      await app.close();
    }
  }, 180_000);
});
