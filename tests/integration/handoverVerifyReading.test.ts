/**
 * How a package is read while it is verified: a zip in a few large reads from its start to its
 * end (not several small reads per entry), every stored entry hashed over exactly its own bytes
 * wherever its local header says they start (Zip64 extra fields in the local header only), an
 * entry across the reading blocks, a damaged local header reported for that entry alone; a folder's
 * files hashed to their real end and never through a symlink put in their place after the bag
 * was listed.
 */
import { createCipheriv, createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bagitDeclaration, buildBagInfo, buildManifest, formatOxum, BAG_INFO, BAGIT_TXT, MANIFEST, TAG_MANIFEST } from '../../shared/handover/bagit';
import { openBag } from '../../electron/services/handover/bag/bagSource';
import { verifyBag } from '../../electron/services/handover/bag/verifyBag';
import { ZipFileWriter } from '../../electron/services/handover/bag/zipFile';
import { tempDir } from '../support/services';

const dir = tempDir('kholuu-verify-reading-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const SMALL_FILES = 1_500;
/** Larger than the block a zip is read in (8 MB): its bytes span blocks. */
const BIG = 'data/ban-goc/lon.pdf';
const BIG_BYTES = 9 * 1024 * 1024 + 123;

/** `n` bytes that look random and never repeat another seed's (AES-CTR over zeros). */
function bytes(n: number, seed: number): Buffer {
  const key = Buffer.alloc(16);
  key.writeUInt32LE(seed);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(n));
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A bag's files, path → bytes: many small originals, one big, and the tag files. */
function bagFiles(): Map<string, Buffer> {
  const payload = new Map<string, Buffer>();
  for (let i = 0; i < SMALL_FILES; i++) payload.set(`data/ban-goc/${String(Math.floor(i / 100))}/${i}.pdf`, bytes(500 + (i % 7) * 300, i + 1));
  payload.set(BIG, bytes(BIG_BYTES, 99));
  const bytesTotal = [...payload.values()].reduce((s, b) => s + b.length, 0);
  const tags = new Map<string, Buffer>([
    [BAGIT_TXT, Buffer.from(bagitDeclaration())],
    [BAG_INFO, Buffer.from(buildBagInfo([['Payload-Oxum', formatOxum(bytesTotal, payload.size)]]))],
    [MANIFEST, Buffer.from(buildManifest([...payload].map(([p, b]) => ({ path: p, sha256: sha(b) }))))],
  ]);
  tags.set(TAG_MANIFEST, Buffer.from(buildManifest([...tags].map(([p, b]) => ({ path: p, sha256: sha(b) })))));
  return new Map([...payload, ...tags]);
}

let files: Map<string, Buffer>;
let folder: string;

/** The bag as a zip under `bag/`, originals stored, tag files deflated (as packages are written). */
async function writeZip(out: string, forceZip64: boolean): Promise<void> {
  const zip = await ZipFileWriter.create(out, { mtime: new Date(2025, 7, 15), forceZip64 });
  for (const [p, b] of files) await zip.addBuffer(`bag/${p}`, b, zlib.crc32(b), !p.startsWith('data/'));
  await zip.finish();
}

async function verifyAt(location: string, change?: () => void) {
  const source = await openBag(location);
  try {
    change?.();
    return (await verifyBag(source, { now: '2025-08-15T00:00:00Z' })).report;
  } finally {
    await source.close();
  }
}

beforeAll(() => {
  files = bagFiles();
  folder = path.join(dir, 'bag');
  for (const [p, b] of files) {
    fs.mkdirSync(path.dirname(path.join(folder, p)), { recursive: true });
    fs.writeFileSync(path.join(folder, p), b);
  }
});

describe('verifying a zip package', () => {
  it.each([
    ['', false],
    [' with Zip64 extra fields in its local headers', true],
  ])('reads it in a few large reads and finds it valid%s', async (_label, forceZip64) => {
    const zip = path.join(dir, `ok-${forceZip64}.zip`);
    await writeZip(zip, forceZip64);
    const reads = vi.spyOn(fs, 'read');
    const report = await verifyAt(zip);
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.payloadFiles).toBe(SMALL_FILES + 1);
    // 1,501 entries: read one by one, each cost at least three reads (its directory entry, its
    // local header, its bytes); read in order, the whole zip is a handful of blocks.
    expect(reads.mock.calls.length).toBeLessThan(SMALL_FILES / 20);
    fs.rmSync(zip);
  });

  it('finds a byte changed in an original past the first block read, and only that', async () => {
    const zip = path.join(dir, 'changed.zip');
    await writeZip(zip, false);
    const raw = fs.readFileSync(zip);
    const big = files.get(BIG)!;
    // The big original's bytes, found in the zip by a run of them well past its first 8 MB.
    const at = raw.indexOf(big.subarray(8_500_000, 8_500_064));
    expect(at).toBeGreaterThan(8 * 1024 * 1024);
    raw[at + 10] = raw[at + 10]! ^ 0x01;
    fs.writeFileSync(zip, raw);
    const report = await verifyAt(zip);
    expect(report.problems.map((p) => [p.kind, p.path])).toEqual([['changed', BIG]]);
    fs.rmSync(zip);
  });

  it('reports an entry whose local header is damaged as unreadable, and hashes the others', async () => {
    const zip = path.join(dir, 'damaged.zip');
    await writeZip(zip, false);
    const raw = fs.readFileSync(zip);
    const victim = 'data/ban-goc/7/742.pdf';
    const name = raw.indexOf(Buffer.from(`bag/${victim}`));
    // The local header comes first in the file: its signature is 30 bytes before its name.
    expect(raw.readUInt32LE(name - 30)).toBe(0x04034b50);
    raw.writeUInt32LE(0x04034b51, name - 30);
    fs.writeFileSync(zip, raw);
    const report = await verifyAt(zip);
    expect(report.problems.map((p) => [p.kind, p.path])).toEqual([['unreadable_entry', victim]]);
    fs.rmSync(zip);
  });
});

describe('verifying a folder package', () => {
  it('hashes a file to its real end when it grew after the bag was listed', async () => {
    const bag = path.join(dir, 'grown');
    fs.cpSync(folder, bag, { recursive: true });
    const target = 'data/ban-goc/3/300.pdf';
    const report = await verifyAt(bag, () => fs.appendFileSync(path.join(bag, target), 'x'));
    expect(report.problems.map((p) => [p.kind, p.path])).toEqual([['changed', target]]);
    fs.rmSync(bag, { recursive: true });
  });

  it('never reads through a symlink put in place of a file after the bag was listed', async () => {
    const bag = path.join(dir, 'swapped');
    fs.cpSync(folder, bag, { recursive: true });
    const target = 'data/ban-goc/4/401.pdf';
    // Outside the bag, the very same bytes: followed, the link would pass for the original.
    const outside = path.join(dir, 'outside.pdf');
    fs.copyFileSync(path.join(bag, target), outside);
    const report = await verifyAt(bag, () => {
      fs.rmSync(path.join(bag, target));
      fs.symlinkSync(outside, path.join(bag, target));
    });
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => [p.kind, p.path])).toEqual([['unreadable_entry', target]]);
    fs.rmSync(bag, { recursive: true });
  });
});
