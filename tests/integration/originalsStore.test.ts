/**
 * Storing an original on the thread pool (`writeOriginalAsync`, what a bulk import does once a
 * file is read): the bytes land whole under their SHA-256 in a prefix folder made on demand, with
 * no temporary file left; a leftover of an earlier run is kept only when intact; with a key the
 * file lies sealed; a failure is thrown, not swallowed.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OriginalFiles } from '../../electron/data/originals/originalFiles';
import { flushFoldersAsync, sweepTemporaryOriginals, writeOriginalAsync } from '../../electron/services/import/originalsStore';
import { tempDir } from '../support/services';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const leftovers = (dir: string) => fs.readdirSync(dir, { recursive: true }).map(String).filter((n) => n.endsWith('.tmp'));

describe('storing an original on the thread pool', () => {
  it('writes the bytes whole under their SHA-256, making the prefix folder, and leaves no temporary file', async () => {
    const dir = tempDir();
    // Larger than one write is sure to take: the whole file must still arrive.
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const relative = await writeOriginalAsync(dir, sha(bytes), '.PDF', bytes, null);
    expect(relative).toBe(path.join(sha(bytes).slice(0, 2), `${sha(bytes)}.pdf`));
    expect(fs.readFileSync(path.join(dir, relative)).equals(bytes)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    await expect(flushFoldersAsync(dir, [relative])).resolves.toBeUndefined();
  });

  it('keeps an intact leftover of an earlier run and replaces a damaged one', async () => {
    const dir = tempDir();
    const bytes = Buffer.from('ĐẢNG CỘNG SẢN VIỆT NAM\nThông báo\n', 'utf8');
    const relative = await writeOriginalAsync(dir, sha(bytes), '.txt', bytes, null);
    const file = path.join(dir, relative);
    const inode = fs.statSync(file).ino;
    await writeOriginalAsync(dir, sha(bytes), '.txt', bytes, null);
    expect(fs.statSync(file).ino).toBe(inode);
    // Same size, other bytes: what a crash in the middle of a write can leave.
    const damaged = Buffer.from(bytes);
    damaged[0] = 0x41;
    fs.writeFileSync(file, damaged);
    await writeOriginalAsync(dir, sha(bytes), '.txt', bytes, null);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('stores the file sealed under the catalogue key, its name and digest the plaintext’s', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const bytes = Buffer.from('Nghị quyết số 12-NQ/TU\n', 'utf8');
    const relative = await writeOriginalAsync(dir, sha(bytes), '.txt', bytes, key);
    const stored = fs.readFileSync(path.join(dir, relative));
    expect(stored.includes(bytes)).toBe(false);
    const files = new OriginalFiles(key);
    expect(files.opened(stored).equals(bytes)).toBe(true);
    expect(await files.hasSha256(path.join(dir, relative), sha(bytes))).toBe(true);
  });

  it('rejects when the originals folder cannot hold the file', async () => {
    const dir = tempDir();
    const notAFolder = path.join(dir, 'originals');
    fs.writeFileSync(notAFolder, 'a file where the folder should be');
    const bytes = Buffer.from('x');
    await expect(writeOriginalAsync(notAFolder, sha(bytes), '.txt', bytes, null)).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
  });
});

describe('sweeping what killed writers left', () => {
  it('removes the temporary files of dead processes, an original\'s and a received package\'s staged texts, and nothing else', () => {
    const dir = tempDir();
    const h = sha(Buffer.from('original'));
    const uuid = '5095db49-9eea-44d9-a1df-b6ddb2665173';
    fs.mkdirSync(path.join(dir, h.slice(0, 2)));
    const files = {
      deadOriginal: path.join(h.slice(0, 2), `${h}.pdf.4242.receiving`),
      deadImport: path.join(h.slice(0, 2), `${h}.pdf.4242.tmp`),
      deadStagedTexts: `.tiep-nhan-${uuid}.jsonl.4242.receiving`,
      liveStagedTexts: `.tiep-nhan-${uuid}.jsonl.7777.receiving`,
      liveOriginal: path.join(h.slice(0, 2), `${h}.pdf.7777.receiving`),
      final: path.join(h.slice(0, 2), `${h}.pdf`),
      stagedTexts: `.tiep-nhan-${uuid}.jsonl`,
    };
    for (const f of Object.values(files)) fs.writeFileSync(path.join(dir, f), 'x');
    expect(sweepTemporaryOriginals(dir, (pid) => pid === 4242)).toBe(3);
    const left = fs.readdirSync(dir, { recursive: true }).map(String).filter((n) => !/^[0-9a-f]{2}$/.test(n)).sort();
    expect(left).toEqual([files.liveStagedTexts, files.stagedTexts, files.liveOriginal, files.final].sort());
  });
});
