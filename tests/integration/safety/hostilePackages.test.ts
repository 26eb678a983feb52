/**
 * Hostile handover packages: zips with entries named `../x`, `/etc/x`, `C:\x`, with NUL
 * or backslashes, given twice, stored as symlinks, unpacking to gigabytes (honest or lying
 * headers), nested twenty deep, cut short; bag folders holding symlinks, a loop and a named pipe;
 * catalogues tampered with (behind the manifest, behind the tag manifest, resealed whole, or
 * resealed with escaping paths, a batch code made of `../`, JSON nested past any parser's stack).
 * Built at test time from a real package of the sample fonds. Verification never crashes or hangs,
 * reports each problem in Vietnamese, never reads or writes outside the bag; receiving refuses
 * anything not valid and leaves the receiving catalogue exactly as it was.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAG_INFO, MANIFEST, TAG_MANIFEST, buildManifest } from '../../../shared/handover/bagit';
import { CATALOGUE_JSON } from '../../../shared/handover/packageFormat';
import type { VerificationReport } from '../../../shared/contract/types/handover';
import { type CraftEntry, craftZip, deflateRepeated } from '../../fixtures/hostile/zipCraft';
import { filesUnder } from '../../support/crash';
import { listedSampleBatch, packageBatch, receive, verify } from '../../support/handover';
import { type TestApp, openTestApp, tempDir } from '../../support/services';

const BOUND_MS = 120_000;
let sender: TestApp;
let receiver: TestApp;
let pristine: Map<string, Buffer>;
let pristineDigest: string;
let work: string;

async function bounded<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: still running after ${BOUND_MS / 1000} s`)), BOUND_MS)))]);
  } finally {
    clearTimeout(timer);
  }
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function readBag(dir: string): Map<string, Buffer> {
  return new Map(filesUnder(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

/**
 * Seals a bag again as a tamperer would: the payload manifest from the files (and any payload
 * given only by its hash and size), the Payload-Oxum, and the tag manifest.
 */
function reseal(files: Map<string, Buffer>, extraPayload: Array<{ path: string; sha256: string; size: number }> = []): Map<string, Buffer> {
  const out = new Map(files);
  const payload = [...out].filter(([p]) => p.startsWith('data/'));
  out.set(MANIFEST, Buffer.from(buildManifest([...payload.map(([p, b]) => ({ path: p, sha256: sha(b) })), ...extraPayload])));
  const bytes = payload.reduce((s, [, b]) => s + b.length, 0) + extraPayload.reduce((s, e) => s + e.size, 0);
  const info = out.get(BAG_INFO)!.toString('utf8').replace(/^Payload-Oxum: .*$/m, `Payload-Oxum: ${bytes}.${payload.length + extraPayload.length}`);
  out.set(BAG_INFO, Buffer.from(info));
  const tags = [...out].filter(([p]) => !p.startsWith('data/') && p !== TAG_MANIFEST);
  out.set(TAG_MANIFEST, Buffer.from(buildManifest(tags.map(([p, b]) => ({ path: p, sha256: sha(b) })))));
  return out;
}

function writeFolder(files: Map<string, Buffer>, name: string): string {
  const dir = path.join(work, name);
  for (const [p, b] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), b);
  }
  return dir;
}

function writeZip(files: Map<string, Buffer>, name: string, extra: CraftEntry[] = []): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, craftZip([...[...files].map(([p, b]): CraftEntry => ({ name: `bag/${p}`, data: b })), ...extra]));
  return file;
}

function catalogueWith(edit: (c: Record<string, unknown>) => void): Map<string, Buffer> {
  const files = new Map(pristine);
  const c = JSON.parse(files.get(CATALOGUE_JSON)!.toString('utf8')) as Record<string, unknown>;
  edit(c);
  files.set(CATALOGUE_JSON, Buffer.from(JSON.stringify(c)));
  return files;
}

/** What must not change when a package is refused: records, originals, batches, anything beside the catalogue. */
async function receiverState() {
  const ctx = receiver.services.context;
  return {
    counts: ctx.catalogue.repos.counts(),
    originals: filesUnder(ctx.catalogue.originalsDir).filter((f) => !f.startsWith('.')),
    batches: (await receiver.call('handover.batches.list', {})).length,
    beside: fs.readdirSync(receiver.dir).filter((n) => !n.startsWith('catalogue.sqlite') && n !== 'catalogue.backups' && n !== 'catalogue.originals'),
  };
}

async function expectRefused(location: string, problem: (r: VerificationReport) => void) {
  const before = await receiverState();
  const outside = fs.readdirSync(path.dirname(work));
  const report = await bounded(verify(receiver, location), location);
  expect(report.valid, JSON.stringify(report.problems.slice(0, 5))).toBe(false);
  for (const p of report.problems) expect(p.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]/i);
  problem(report);
  const { status, result } = await bounded(receive(receiver, location), location);
  expect(status.state).toBe('failed');
  expect(status.error).toMatch(/Gói không hợp lệ|không phải tệp zip|không phải gói bàn giao/);
  expect(result?.result ?? null).toBeNull();
  expect(await receiverState()).toEqual(before);
  // Nothing was written next to the package's folder either (no `../` escape).
  expect(fs.readdirSync(path.dirname(work))).toEqual(outside);
}

const kinds = (r: VerificationReport) => r.problems.map((p) => p.kind);

beforeAll(async () => {
  sender = openTestApp(tempDir('kholuu-hostile-sender-'));
  receiver = openTestApp(tempDir('kholuu-hostile-receiver-'));
  const { batch } = await listedSampleBatch(sender);
  const dir = path.join(sender.dir, 'goi');
  const made = await packageBatch(sender, batch.id, dir);
  pristineDigest = made.digest;
  pristine = readBag(dir);
  // Each case's package sits in its own folder inside `work`; `work`'s parent must stay untouched.
  work = path.join(tempDir('kholuu-hostile-pkg-'), 'goi-den');
  fs.mkdirSync(work);
}, 120_000);

afterAll(async () => {
  await sender?.close();
  await receiver?.close();
});

describe('hostile zip packages', () => {
  it('accepts the untouched package, as a folder and as a zip', async () => {
    expect((await verify(receiver, writeFolder(pristine, 'nguyen-ven'))).valid).toBe(true);
    expect((await verify(receiver, writeZip(pristine, 'nguyen-ven.zip'))).valid).toBe(true);
  });

  const named: Array<[string, string | Buffer, string]> = [
    ['a ../ entry', 'bag/../thoat.txt', 'unsafe_path'],
    ['an absolute entry', '/etc/kholuu-thu.txt', 'unsafe_path'],
    ['a drive-letter entry with backslash', 'C:\\kholuu\\thu.txt', 'unsafe_path'],
    ['a drive-letter entry', 'C:/kholuu/thu.txt', 'unsafe_path'],
    ['an entry with a NUL byte', Buffer.from('bag/data/a\u0000b.txt', 'utf8'), 'unsafe_path'],
    // Backslashes are read as separators (old Windows zip tools write them), then checked as any path.
    ['a ..\\ escape written with backslashes', 'bag\\..\\..\\thoat.txt', 'unsafe_path'],
  ];
  for (const [what, name, kind] of named) {
    it(`refuses ${what} without writing anything`, async () => {
      const zip = writeZip(pristine, `ten-${named.findIndex((n) => n[0] === what)}.zip`, [{ name, data: Buffer.from('x') }]);
      await expectRefused(zip, (r) => expect(kinds(r)).toContain(kind));
    });
  }

  it('refuses a name given twice', async () => {
    const original = [...pristine.keys()].find((p) => p.startsWith('data/ban-goc/'))!;
    const zip = writeZip(pristine, 'trung-ten.zip', [{ name: `bag/${original}`, data: Buffer.from('bản khác') }]);
    await expectRefused(zip, (r) => expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'duplicate_entry', path: original, message: expect.stringContaining('hơn một lần') })));
  });

  it('refuses a symlink entry and never follows it', async () => {
    const zip = writeZip(pristine, 'lien-ket.zip', [{ name: 'bag/data/ban-goc/passwd.txt', data: Buffer.from('/etc/passwd'), compress: false, unixMode: 0o120777 }]);
    await expectRefused(zip, (r) => expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'symlink', path: 'data/ban-goc/passwd.txt' })));
  });

  it('refuses a payload file that unpacks to a gigabyte, honestly declared and listed in a resealed manifest', async () => {
    const zeros = await deflateRepeated(Buffer.alloc(1024), 1024 ** 3);
    const hash = createHash('sha256');
    const mib = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < 1024; i++) hash.update(mib);
    const files = reseal(pristine, [{ path: 'data/ban-goc/bom.bin', sha256: hash.digest('hex'), size: 1024 ** 3 }]);
    const zip = writeZip(files, 'bom-that.zip', [{ name: 'bag/data/ban-goc/bom.bin', deflated: zeros }]);
    await expectRefused(zip, (r) => expect(r.problems).toContainEqual(expect.objectContaining({ path: 'data/ban-goc/bom.bin', message: expect.stringMatching(/bom nén|giải nén/) })));
  });

  it('refuses a payload file whose header says 2 KB and which unpacks to a gigabyte', async () => {
    const zeros = await deflateRepeated(Buffer.alloc(1024), 1024 ** 3);
    const files = reseal(pristine, [{ path: 'data/ban-goc/bom.bin', sha256: sha(Buffer.alloc(2048)), size: 2048 }]);
    const zip = writeZip(files, 'bom-gian.zip', [{ name: 'bag/data/ban-goc/bom.bin', deflated: zeros, declaredSize: 2048 }]);
    await expectRefused(zip, (r) => expect(r.problems).toContainEqual(expect.objectContaining({ path: 'data/ban-goc/bom.bin', message: expect.stringMatching(/bom nén|giải nén|không đọc được/) })));
  });

  it('says a zip of zips nested 20 deep is not a package', async () => {
    let inner = craftZip([{ name: 'bagit.txt', data: pristine.get('bagit.txt')! }]);
    for (let i = 0; i < 20; i++) inner = craftZip([{ name: `lop-${i}.zip`, data: inner, compress: false }]);
    const zip = path.join(work, 'long-nhau.zip');
    fs.writeFileSync(zip, inner);
    await expectRefused(zip, (r) => expect(kinds(r)).toEqual(['not_a_bag']));
  });

  it('says a zip cut in half cannot be read', async () => {
    const whole = fs.readFileSync(writeZip(pristine, 'de-cat.zip'));
    const zip = path.join(work, 'cat-cut.zip');
    fs.writeFileSync(zip, whole.subarray(0, Math.floor(whole.length / 2)));
    const before = await receiverState();
    const { status } = await bounded(receive(receiver, zip), zip);
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/không phải tệp zip đọc được/);
    expect(await receiverState()).toEqual(before);
  });
});

describe('hostile bag folders', () => {
  it('refuses a symlink to a folder above (a loop) and a named pipe, opening neither', async () => {
    const dir = writeFolder(pristine, 'vong-va-ong');
    fs.symlinkSync('../..', path.join(dir, 'data', 'ban-goc', 'vong'));
    execFileSync('mkfifo', [path.join(dir, 'data', 'ban-goc', 'ong-dan.txt')]);
    await expectRefused(dir, (r) => expect(r.problems.map((p) => [p.kind, p.path]).sort()).toEqual([
      ['symlink', 'data/ban-goc/ong-dan.txt'],
      ['symlink', 'data/ban-goc/vong'],
    ]));
  });
});

describe('tampered catalogues', () => {
  /** One letter of the first subject changed, the size kept (so the Payload-Oxum still adds up). */
  const tampered = (): Map<string, Buffer> => {
    const files = new Map(pristine);
    const text = files.get(CATALOGUE_JSON)!.toString('utf8');
    const at = text.indexOf('"subject": "') + '"subject": "'.length;
    const letter = text[at]!;
    files.set(CATALOGUE_JSON, Buffer.from(`${text.slice(0, at)}${letter === 'X' ? 'Y' : 'X'}${text.slice(at + 1)}`));
    expect(Buffer.byteLength(letter)).toBe(1);
    return files;
  };

  it('refuses a catalogue changed behind the manifest', async () => {
    const dir = writeFolder(tampered(), 'sau-manifest');
    await expectRefused(dir, (r) => expect(r.problems.map((p) => [p.kind, p.path])).toEqual([['changed', CATALOGUE_JSON]]));
  });

  it('refuses a catalogue changed with the manifest updated but not the tag manifest', async () => {
    const files = tampered();
    const manifest = pristine.get(MANIFEST)!.toString('utf8').replace(new RegExp(`^[0-9a-f]{64} ${CATALOGUE_JSON}$`, 'm'), `${sha(files.get(CATALOGUE_JSON)!)} ${CATALOGUE_JSON}`);
    files.set(MANIFEST, Buffer.from(manifest));
    const dir = writeFolder(files, 'sau-tagmanifest');
    await expectRefused(dir, (r) => expect(r.problems.map((p) => [p.kind, p.path])).toEqual([['tag_changed', MANIFEST]]));
  });

  it('tells a wholly resealed package by its digest, which no longer matches the one in the minutes', async () => {
    const dir = writeFolder(reseal(tampered()), 'niem-lai');
    const report = await verify(receiver, dir);
    // A bag resealed with care is a valid bag: only the digest printed in the signed minutes tells it apart.
    expect(report.valid).toBe(true);
    expect(report.digest).not.toBe(pristineDigest);
    expect((await verify(receiver, writeFolder(pristine, 'nguyen-ven-2'))).digest).toBe(pristineDigest);
  });

  it('refuses a resealed catalogue naming an original outside the originals folder', async () => {
    const files = catalogueWith((c) => {
      const a = (c['attachments'] as Array<Record<string, unknown>>)[0]!;
      a['path'] = '../../../../etc/passwd';
    });
    await expectRefused(writeFolder(reseal(files), 'thoat-danh-muc'), (r) => expect(kinds(r)).toContain('bad_catalogue'));
  });

  it('refuses a resealed catalogue nested past any parser stack', async () => {
    const files = new Map(pristine);
    files.set(CATALOGUE_JSON, Buffer.from(`${'['.repeat(200_000)}${']'.repeat(200_000)}`));
    await expectRefused(writeFolder(reseal(files), 'long-sau'), (r) => expect(kinds(r)).toEqual(['bad_catalogue']));
  });

  it('receives a resealed package whose batch code is made of ../ without writing outside its folders', async () => {
    const files = catalogueWith((c) => {
      const b = c['batch'] as Record<string, unknown>;
      b['code'] = '../../../../tmp/kholuu-thoat';
      b['uuid'] = '0b6f1e1c-6a3e-4d0e-9a55-0c0ffee00001';
    });
    const info = files.get(BAG_INFO)!.toString('utf8').replace(/^KhoLuu-Batch-Id: .*$/m, 'KhoLuu-Batch-Id: 0b6f1e1c-6a3e-4d0e-9a55-0c0ffee00001');
    files.set(BAG_INFO, Buffer.from(info));
    const dir = writeFolder(reseal(files), 'ma-dot-thoat');
    const { status, result } = await bounded(receive(receiver, dir), dir);
    expect(status.state, status.error ?? '').toBe('done');
    const receipt = result!.result!.receiptPath!;
    expect(path.dirname(receipt)).toBe(path.join(receiver.dir, 'catalogue.exports'));
    expect(fs.existsSync('/tmp/kholuu-thoat')).toBe(false);
    const batches = await receiver.call('handover.batches.list', {});
    expect(batches.map((b) => b.code)).toContain('../../../../tmp/kholuu-thoat');
    const check = await receiver.call('integrity.check', { originals: true });
    expect(check.ok).toBe(true);
  });
});
