/**
 * Reading a stored original for a package: a file of the size the catalogue records is read in one
 * call; any other (grown, cut short, or a size not recorded) is read whole by its own size, so its
 * SHA-256 (checked by the package against the catalogue's) is that of what the disk holds.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OriginalFiles } from '../../electron/data/originals/originalFiles';
import { BufferPool, readOriginal } from '../../electron/services/handover/bag/originals';
import { tempDir } from '../support/services';

const dir = tempDir('kholuu-read-original-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('an original read for a package', () => {
  const content = randomBytes(300 * 1024 + 17);
  const file = path.join(dir, 'original.pdf');
  fs.writeFileSync(file, content);

  for (const [label, expected] of [
    ['its recorded size', content.length],
    ['a smaller recorded size (the file grew)', 1000],
    ['a recorded size one byte short', content.length - 1],
    ['a larger recorded size (the file was cut short)', content.length + 4096],
    ['an empty recorded size', 0],
    ['no recorded size', undefined],
  ] as const) {
    it(`holds every byte on disk, given ${label}`, async () => {
      const pool = new BufferPool();
      const read = await readOriginal(file, new OriginalFiles(null), pool, expected);
      expect(read.size).toBe(content.length);
      expect(read.whole?.equals(content)).toBe(true);
      if (read.whole) read.release();
    });
  }

  it('an empty original is read as empty', async () => {
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');
    const read = await readOriginal(empty, new OriginalFiles(null), new BufferPool(), 0);
    expect(read.size).toBe(0);
    expect(read.whole?.length).toBe(0);
  });
});
