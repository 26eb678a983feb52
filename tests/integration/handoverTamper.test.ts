/**
 * A package altered after it was made: one payload byte changed, one file deleted, one added, a
 * `../` path in the manifest, a `../` or symlink entry in the zip. Verification reports each one
 * exactly, and receiving refuses, leaving the receiving catalogue as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { listedSampleBatch, packageBatch, receive, verify } from '../support/handover';
import { openTestApp, tempDir, type TestApp } from '../support/services';

let sender: TestApp;
let receiver: TestApp;
let pristine: string;

function copyBag(name: string): string {
  const dir = path.join(sender.dir, name);
  fs.cpSync(pristine, dir, { recursive: true });
  return dir;
}

function payloadFiles(bag: string): string[] {
  return fs
    .readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.slice(65));
}

const original = (bag: string) => payloadFiles(bag).find((p) => p.startsWith('data/ban-goc/'))!;

/** Zips a bag folder the way Kho Lưu does (one top folder), optionally renaming or adding entries. */
async function zipFolder(bag: string, out: string, extra: (zip: yazl.ZipFile) => void = () => {}): Promise<void> {
  const zip = new yazl.ZipFile();
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else zip.addFile(path.join(dir, e.name), `bag/${r}`);
    }
  };
  walk(bag, '');
  extra(zip);
  zip.end();
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(fs.createWriteStream(out)).on('close', resolve).on('error', reject));
}

async function expectRefusedUnchanged(location: string) {
  const before = receiver.services.context.catalogue.repos.counts();
  const filesBefore = fs.readdirSync(receiver.services.context.catalogue.originalsDir);
  const { status, result } = await receive(receiver, location);
  expect(status.state).toBe('failed');
  expect(status.error).toMatch(/Gói không hợp lệ/);
  expect(result!.result).toBeNull();
  expect(receiver.services.context.catalogue.repos.counts()).toEqual(before);
  expect(fs.readdirSync(receiver.services.context.catalogue.originalsDir)).toEqual(filesBefore);
  expect(await receiver.call('handover.batches.list', {})).toEqual([]);
}

beforeAll(async () => {
  sender = openTestApp(tempDir('kholuu-tamper-sender-'));
  receiver = openTestApp(tempDir('kholuu-tamper-receiver-'));
  const { batch } = await listedSampleBatch(sender);
  pristine = path.join(sender.dir, 'pristine');
  await packageBatch(sender, batch.id, pristine);
});

afterAll(async () => {
  await sender.close();
  await receiver.close();
});

describe('verifying a tampered package', () => {
  it('passes the untouched package', async () => {
    const report = await verify(receiver, pristine);
    expect(report.valid).toBe(true);
    expect(report.problemCount).toBe(0);
  });

  it('finds one changed byte in one original, and only that', async () => {
    const bag = copyBag('changed');
    const target = path.join(bag, original(bag));
    const bytes = fs.readFileSync(target);
    bytes[100] = bytes[100]! ^ 0x01;
    fs.writeFileSync(target, bytes);
    const report = await verify(receiver, bag);
    expect(report.valid).toBe(false);
    expect(report.counts).toEqual({ missing: 0, changed: 1, extra: 0, unsafe: 0, other: 0 });
    expect(report.problems).toEqual([
      { kind: 'changed', path: original(bag), message: expect.stringContaining('đã bị thay đổi'), text: { code: 'package.changed', params: { path: original(bag) } }, expected: expect.any(String), actual: expect.any(String) },
    ]);
    await expectRefusedUnchanged(bag);
  });

  it('finds a deleted original (and the Payload-Oxum that no longer adds up)', async () => {
    const bag = copyBag('deleted');
    fs.rmSync(path.join(bag, original(bag)));
    const report = await verify(receiver, bag);
    expect(report.counts.missing).toBe(1);
    expect(report.problems.filter((p) => p.kind !== 'oxum_mismatch')).toEqual([
      { kind: 'missing', path: original(bag), message: expect.stringContaining('Thiếu tệp'), text: { code: 'package.missing', params: { path: original(bag) } }, expected: expect.any(String) },
    ]);
    expect(report.problems.filter((p) => p.kind === 'oxum_mismatch')).toHaveLength(1);
    await expectRefusedUnchanged(bag);
  });

  it('finds an added file', async () => {
    const bag = copyBag('added');
    fs.writeFileSync(path.join(bag, 'data', 'ban-goc', 'them-vao.txt'), 'Tài liệu lạ');
    const report = await verify(receiver, bag);
    expect(report.counts.extra).toBe(1);
    expect(report.problems.filter((p) => p.kind !== 'oxum_mismatch')).toEqual([
      { kind: 'extra', path: 'data/ban-goc/them-vao.txt', message: expect.stringContaining('không có trong manifest'), text: { code: 'package.extraPayload', params: { path: 'data/ban-goc/them-vao.txt' } } },
    ]);
    await expectRefusedUnchanged(bag);
  });

  it('refuses a ../ path in the manifest and never reads outside the bag', async () => {
    const bag = copyBag('escape');
    fs.writeFileSync(path.join(sender.dir, 'secret.txt'), 'outside the bag');
    const manifest = path.join(bag, 'manifest-sha256.txt');
    fs.appendFileSync(manifest, `${'0'.repeat(64)} data/../../secret.txt\n`);
    const report = await verify(receiver, bag);
    expect(report.problems.filter((p) => p.kind === 'unsafe_path')).toEqual([
      { kind: 'unsafe_path', path: 'data/../../secret.txt', message: expect.stringContaining('thoát ra ngoài gói'), text: expect.objectContaining({ code: 'package.manifestUnsafePath' }) },
    ]);
    // The manifest itself changed, so the tag manifest no longer vouches for it.
    expect(report.problems.filter((p) => p.kind === 'tag_changed').map((p) => p.path)).toEqual(['manifest-sha256.txt']);
    expect(report.problemCount).toBe(2);
    await expectRefusedUnchanged(bag);
  });

  it('finds the same changes inside a zip', async () => {
    const bag = copyBag('zip-changed');
    const target = path.join(bag, original(bag));
    const bytes = fs.readFileSync(target);
    bytes[0] = bytes[0]! ^ 0x20;
    fs.writeFileSync(target, bytes);
    const zip = path.join(sender.dir, 'zip-changed.zip');
    await zipFolder(bag, zip);
    const report = await verify(receiver, zip);
    expect(report.sourceKind).toBe('zip');
    expect(report.problems.map((p) => [p.kind, p.path])).toEqual([['changed', original(bag)]]);
    await expectRefusedUnchanged(zip);
  });

  it('refuses zip entries named ../ or stored as symlinks, without following them', async () => {
    const zip = path.join(sender.dir, 'zip-escape.zip');
    await zipFolder(pristine, zip, (z) => {
      z.addBuffer(Buffer.from('x'), 'bag/data/aaaa.txt');
      z.addBuffer(Buffer.from('/etc/passwd'), 'bag/data/link.txt', { mode: 0o120777 });
    });
    // yazl refuses to write a ../ name, so rename an entry in place (same length, both headers).
    const bytes = fs.readFileSync(zip);
    const from = Buffer.from('bag/data/aaaa.txt');
    const to = Buffer.from('bag/../../aaa.txt');
    let at = bytes.indexOf(from);
    let renamed = 0;
    while (at >= 0) {
      to.copy(bytes, at);
      renamed++;
      at = bytes.indexOf(from, at + 1);
    }
    expect(renamed).toBe(2);
    fs.writeFileSync(zip, bytes);
    const report = await verify(receiver, zip);
    expect(report.problems.map((p) => [p.kind, p.path])).toEqual([
      ['unsafe_path', 'bag/../../aaa.txt'],
      ['symlink', 'data/link.txt'],
    ]);
    expect(fs.existsSync(path.join(sender.dir, '..', 'aaa.txt'))).toBe(false);
    await expectRefusedUnchanged(zip);
  });

  it('refuses a folder bag holding a symlink', async () => {
    const bag = copyBag('symlink');
    fs.symlinkSync('/etc/hostname', path.join(bag, 'data', 'ban-goc', 'lien-ket.txt'));
    const report = await verify(receiver, bag);
    expect(report.problems.map((p) => [p.kind, p.path])).toEqual([['symlink', 'data/ban-goc/lien-ket.txt']]);
    await expectRefusedUnchanged(bag);
  });

  it('says plainly when a folder is not a bag at all', async () => {
    const dir = tempDir('kholuu-notabag-');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'x');
    const report = await verify(receiver, dir);
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual([{ kind: 'not_a_bag', path: 'bagit.txt', message: expect.stringContaining('không phải gói BagIt'), text: { code: 'package.notBagit', params: {} } }]);
    const notZip = path.join(dir, 'goi.zip');
    fs.writeFileSync(notZip, 'not a zip');
    const { status } = await receive(receiver, notZip);
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/không phải tệp zip đọc được/);
  });
});
