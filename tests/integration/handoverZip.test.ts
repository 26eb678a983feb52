/**
 * The zip writer packages are made with, read back by real readers: Info-ZIP's `unzip -t` (every
 * CRC-32 and size) and yauzl (what `handover verify` and `receive` use, entry sizes validated).
 * Covers stored and deflated entries, streams of known and unknown length (a header completed
 * after it was written out), UTF-8 names, Zip64 records forced on small entries, and Zip64 chosen
 * by itself past 65,535 entries.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipFileWriter } from '../../electron/services/handover/bag/zipFile';
import { tempDir } from '../support/services';

const dir = tempDir('kholuu-zip-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

async function* chunksOf(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** Every entry, read through yauzl with its sizes checked: name → bytes. */
async function readAll(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  const out = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      const parts: Buffer[] = [];
      for await (const c of (await zip.openReadStreamPromise(entry)) as Readable) parts.push(c as Buffer);
      out.set(entry.fileName, Buffer.concat(parts));
    }
  } finally {
    zip.close();
  }
  return out;
}

function unzipTest(file: string): string {
  return execFileSync('unzip', ['-tq', file], { encoding: 'utf8' });
}

async function sample(file: string, forceZip64: boolean): Promise<Map<string, Buffer>> {
  const content = new Map<string, Buffer>([
    ['goi/bagit.txt', Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')],
    ['goi/data/catalogue/danh-muc.json', Buffer.from(JSON.stringify({ text: 'Biên bản giao nhận '.repeat(2000) }))],
    ['goi/data/ban-goc/anh.pdf', bytes(300_000, 1)],
    ['goi/data/ban-goc/rỗng.txt', Buffer.alloc(0)],
    ['goi/data/ban-goc/lớn.pdf', bytes(11 * 1024 * 1024, 2)],
    ['goi/data/catalogue/toan-van.jsonl', Buffer.from('{"document":"d1","fullText":"Kết luận"}\n'.repeat(5000))],
  ]);
  const zip = await ZipFileWriter.create(file, { mtime: new Date(2025, 6, 1, 8, 30, 14), forceZip64 });
  const crc = (b: Buffer) => zlib.crc32(b);
  await zip.addBuffer('goi/bagit.txt', content.get('goi/bagit.txt')!, crc(content.get('goi/bagit.txt')!), true);
  await zip.addBuffer('goi/data/catalogue/danh-muc.json', content.get('goi/data/catalogue/danh-muc.json')!, crc(content.get('goi/data/catalogue/danh-muc.json')!), true);
  await zip.addBuffer('goi/data/ban-goc/anh.pdf', content.get('goi/data/ban-goc/anh.pdf')!, crc(content.get('goi/data/ban-goc/anh.pdf')!));
  await zip.addBuffer('goi/data/ban-goc/rỗng.txt', Buffer.alloc(0), 0, true);
  // Longer than one gathered write: its header is on the disk before its CRC is known.
  const big = content.get('goi/data/ban-goc/lớn.pdf')!;
  const seen: number[] = [];
  const streamed = await zip.addStream('goi/data/ban-goc/lớn.pdf', chunksOf(big, 1024 * 1024), big.length, (c) => seen.push(c.length));
  expect(streamed).toEqual({ size: big.length, crc: crc(big) });
  expect(seen.reduce((a, b) => a + b, 0)).toBe(big.length);
  const texts = content.get('goi/data/catalogue/toan-van.jsonl')!;
  expect(await zip.addStream('goi/data/catalogue/toan-van.jsonl', chunksOf(texts, 7000), null)).toEqual({ size: texts.length, crc: crc(texts) });
  await zip.finish();
  return content;
}

describe('zip writer', () => {
  it.each([
    ['without', false],
    ['with Zip64 records forced', true],
  ])('writes a zip %s that unzip -t and yauzl read back byte for byte', async (_label, forceZip64) => {
    const file = path.join(dir, `sample-${forceZip64}.zip`);
    const content = await sample(file, forceZip64);
    expect(unzipTest(file)).toMatch(/No errors detected/);
    const read = await readAll(file);
    expect([...read.keys()]).toEqual([...content.keys()]);
    for (const [name, data] of content) expect(read.get(name)!.equals(data), name).toBe(true);
    // The small text was deflated, the original stored as it is.
    const listing = execFileSync('unzip', ['-Zv', file], { encoding: 'latin1' });
    expect(listing).toMatch(/danh-muc\.json[\s\S]*?compression method:\s+deflated/);
    expect(listing).toMatch(/anh\.pdf[\s\S]*?compression method:\s+none \(stored\)/);
  });

  it('refuses a stream that is not the length it was announced with', async () => {
    const zip = await ZipFileWriter.create(path.join(dir, 'short.zip'), { mtime: new Date() });
    await expect(zip.addStream('goi/a.pdf', chunksOf(bytes(1000, 3), 100), 1001)).rejects.toThrow(/1000 bytes read where 1001/);
    await zip.abort();
  });

  it('refuses to write over an existing file', async () => {
    const file = path.join(dir, 'exists.zip');
    fs.writeFileSync(file, 'not mine');
    await expect(ZipFileWriter.create(file, { mtime: new Date() })).rejects.toThrow(/EEXIST/);
    expect(fs.readFileSync(file, 'utf8')).toBe('not mine');
  });

  it('switches to Zip64 end records by itself past 65,535 entries', async () => {
    const file = path.join(dir, 'many.zip');
    const zip = await ZipFileWriter.create(file, { mtime: new Date() });
    const count = 70_000;
    for (let i = 0; i < count; i++) {
      const b = Buffer.from(`văn bản ${i}\n`);
      await zip.addBuffer(`goi/data/${i}.txt`, b, zlib.crc32(b));
    }
    await zip.finish();
    expect(unzipTest(file)).toMatch(/No errors detected/);
    const read = await readAll(file);
    expect(read.size).toBe(count);
    expect(read.get('goi/data/69999.txt')!.toString()).toBe('văn bản 69999\n');
  }, 120_000);
});
