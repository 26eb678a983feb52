import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractPool, extractInProcess } from '../../electron/services/import/extractPool';
import { SEED } from '../support/paths';
import { tempDir } from '../support/services';

let pool: ExtractPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('the pool of reading threads', () => {
  it('reads, parses and stores an original on a worker thread exactly as on the calling thread', async () => {
    pool = await ExtractPool.start(1);
    expect(pool).not.toBeNull();
    const bytes = fs.readFileSync(SEED.conclusion1485);
    const dirA = tempDir();
    const dirB = tempDir();
    const store = (dir: string) => ({ dir, sha256: 'ab'.repeat(32), extension: '.txt' });
    const [onWorker, here] = await Promise.all([pool!.extract('kl.txt', bytes, store(dirA)), extractInProcess('kl.txt', bytes, store(dirB))]);
    expect(onWorker).toEqual(here);
    expect(onWorker.parsed.metadata.numberSymbol).toBe('1485-KL/TU');
    expect(fs.readFileSync(path.join(dirA, onWorker.storedPath))).toEqual(bytes);
  });

  it('turns a file the reader refuses into a clear error and goes on with the next', async () => {
    pool = await ExtractPool.start(1);
    const store = { dir: tempDir(), sha256: 'cd'.repeat(32), extension: '.txt' };
    await expect(pool!.extract('rỗng.txt', new Uint8Array(0), store)).rejects.toThrow(/rỗng/);
    const ok = await pool!.extract('kl.txt', fs.readFileSync(SEED.letter4029), store);
    expect(ok.parsed.metadata.numberSymbol).toBe('4029-CV/TU');
    expect(fs.existsSync(path.join(store.dir, ok.storedPath))).toBe(true);
  });
});
