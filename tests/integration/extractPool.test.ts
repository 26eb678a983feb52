/**
 * The import's reader threads: a file is read, parsed and stored on one exactly as on the calling
 * thread; a file that exceeds its time or memory budget fails with the reason and the thread is
 * replaced, the next file read as usual; cancelling an import stops a file in the middle of being
 * read, and only that import's files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExtractPool, RETIRE_AFTER_BYTES, extractInProcess } from '../../electron/services/import/extractPool';
import { FOLD_HERE_MAX_CHARS } from '../../electron/services/import/extractWorker';
import { indexBody } from '../../shared/search/indexText';
import { DEFAULT_FILE_BUDGET, ReadingCancelled } from '../../electron/services/import/fileBudget';
import { manyPagesPdf } from '../fixtures/hostile/documents';
import { SEED } from '../support/paths';
import { tempDir } from '../support/services';

let pool: ExtractPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

const store = (dir = tempDir(), sha = 'ab') => ({ dir, sha256: sha.repeat(32), extension: '.txt', key: null });

describe('the pool of reading threads', () => {
  it('reads, parses and stores an original on a worker thread exactly as on the calling thread', async () => {
    pool = await ExtractPool.start(1);
    expect(pool).not.toBeNull();
    const bytes = fs.readFileSync(SEED.conclusion1485);
    const dirA = tempDir();
    const dirB = tempDir();
    const [onWorker, here] = await Promise.all([pool!.extract('kl.txt', bytes, store(dirA)), extractInProcess('kl.txt', bytes, store(dirB))]);
    expect(onWorker).toEqual(here);
    expect(onWorker.parsed.metadata.numberSymbol).toBe('1485-KL/TU');
    expect(fs.readFileSync(path.join(dirA, onWorker.storedPath))).toEqual(bytes);
  });

  it('turns a file the reader refuses into a clear error and goes on with the next', async () => {
    pool = await ExtractPool.start(1);
    const s = store(tempDir(), 'cd');
    await expect(pool!.extract('rỗng.txt', new Uint8Array(0), s)).rejects.toThrow(/rỗng/);
    const ok = await pool!.extract('kl.txt', fs.readFileSync(SEED.letter4029), s);
    expect(ok.parsed.metadata.numberSymbol).toBe('4029-CV/TU');
    expect(fs.existsSync(path.join(s.dir, ok.storedPath))).toBe(true);
  });
});

describe('more than one reader thread', () => {
  it('starts one for a single file and the others once files queue up; each file gets its own reading', async () => {
    pool = new ExtractPool(2);
    const one = await pool.extract('kl.txt', fs.readFileSync(SEED.conclusion1485), store());
    expect(one.parsed.metadata.numberSymbol).toBe('1485-KL/TU');
    expect(pool.threadIds).toHaveLength(1);
    const seeds = [SEED.conclusion1485, SEED.letter4029, SEED.conclusion1097, SEED.laoCai, SEED.haTinh];
    const files = Array.from({ length: 12 }, (_, i) => seeds[i % seeds.length]!);
    const dir = tempDir();
    const readAll = () => Promise.all(files.map((f, i) => pool!.extract(path.basename(f), fs.readFileSync(f), store(dir, (10 + i).toString(16).padStart(2, '0')))));
    await readAll();
    // The second thread was started by the backlog (it may come up after the first had read them all).
    await vi.waitFor(() => expect(pool!.threadIds).toHaveLength(2), { timeout: 60_000, interval: 50 });
    const read = await readAll();
    const alone = await Promise.all(files.map((f, i) => extractInProcess(path.basename(f), fs.readFileSync(f), store(tempDir(), (10 + i).toString(16).padStart(2, '0')))));
    expect(read.map((r) => r.parsed)).toEqual(alone.map((r) => r.parsed));
    for (const [i, r] of read.entries()) expect(fs.readFileSync(path.join(dir, r.storedPath))).toEqual(fs.readFileSync(files[i]!));
  }, 120_000);
});

describe('a large file', () => {
  it('is read whole, its text not folded on the reader; the thread that read it is replaced, and the file queued behind it is read on the new one', async () => {
    pool = await ExtractPool.start(1);
    const before = pool!.threadIds;
    expect(before).toHaveLength(1);
    // Over the size after which a reader thread is replaced, and over the length folded on the reader.
    const big = Buffer.from('Kết luận về bàn giao tài liệu lưu trữ. '.repeat(Math.ceil(RETIRE_AFTER_BYTES / 40) + 1));
    expect(big.byteLength).toBeGreaterThanOrEqual(RETIRE_AFTER_BYTES);
    const [large, next] = await Promise.all([pool!.extract('lon.txt', big, store(tempDir(), 'ef')), pool!.extract('kl.txt', fs.readFileSync(SEED.conclusion1485), store())]);
    expect(large.extracted.text.length).toBe(big.toString('utf8').length);
    expect(large.extracted.text.length).toBeGreaterThan(FOLD_HERE_MAX_CHARS);
    // The index writer folds it (searchIndex.upsert* fold `body` when `indexedBody` is absent).
    expect(large.indexedBody).toBeUndefined();
    expect(next.parsed.metadata.numberSymbol).toBe('1485-KL/TU');
    expect(next.indexedBody).toBe(indexBody(next.extracted.text));
    const after = pool!.threadIds;
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
  }, 120_000);
});

describe('budgets per file', () => {
  it('fails a file that reads for longer than its time, names it, and reads the next file on a new thread', async () => {
    pool = await ExtractPool.start(1, { ...DEFAULT_FILE_BUDGET, baseMs: 3_000, perMbMs: 0 });
    const stalling = pool!.extract('nam-muoi-nghin-trang.pdf', manyPagesPdf(50_000), { ...store(), extension: '.pdf' });
    const next = pool!.extract('kl.txt', fs.readFileSync(SEED.conclusion1485), store());
    await expect(stalling).rejects.toThrow(/“nam-muoi-nghin-trang\.pdf”: đọc tệp quá lâu \(quá 3 giây\)/);
    expect((await next).parsed.metadata.numberSymbol).toBe('1485-KL/TU');
  }, 120_000);

  it('fails a file whose reading needs more memory than its budget, and goes on', async () => {
    pool = await ExtractPool.start(1, { ...DEFAULT_FILE_BUDGET, memoryMb: 64 });
    // 40 MB of Vietnamese text: its decoded, normalized and folded copies need far more than 64 MB.
    const big = Buffer.from('bàn giao tài liệu lưu trữ '.repeat(1_300_000));
    const heavy = pool!.extract('lon.txt', big, store());
    await expect(heavy).rejects.toThrow(/“lon\.txt”: đọc tệp cần quá nhiều bộ nhớ \(hơn 64 MB\)/);
    expect((await pool!.extract('kl.txt', fs.readFileSync(SEED.letter4029), store())).parsed.metadata.numberSymbol).toBe('4029-CV/TU');
  }, 120_000);

  it('stops a file in the middle of being read when its import is cancelled, and only that import’s files', async () => {
    pool = await ExtractPool.start(1);
    const mine = {};
    const other = {};
    const stalling = pool!.extract('nam-muoi-nghin-trang.pdf', manyPagesPdf(50_000), { ...store(), extension: '.pdf' }, { group: mine });
    const queued = pool!.extract('kl.txt', fs.readFileSync(SEED.conclusion1485), store(), { group: mine });
    const others = pool!.extract('cv.txt', fs.readFileSync(SEED.letter4029), store(), { group: other });
    // Let the reader get into the PDF.
    await new Promise((r) => setTimeout(r, 1_500));
    const asked = Date.now();
    pool!.cancel(mine);
    await expect(stalling).rejects.toBeInstanceOf(ReadingCancelled);
    await expect(queued).rejects.toBeInstanceOf(ReadingCancelled);
    const stoppedAfterMs = Date.now() - asked;
    // Not a speed target: the file was dropped, not read to its end (minutes).
    expect(stoppedAfterMs).toBeLessThan(30_000);
    expect((await others).parsed.metadata.numberSymbol).toBe('4029-CV/TU');
    await expect(pool!.extract('kl.txt', fs.readFileSync(SEED.conclusion1485), store(), { group: mine })).rejects.toBeInstanceOf(ReadingCancelled);
  }, 120_000);

  it('times a file queued behind a cancelled one from when the thread reaches it, not from the cancel', async () => {
    pool = await ExtractPool.start(1, { ...DEFAULT_FILE_BUDGET, baseMs: 5_000, perMbMs: 0 });
    const mine = {};
    const other = {};
    // Another import's long text first, so the cancel finds the thread busy with it.
    const long = Buffer.from(fs.readFileSync(SEED.letter4029, 'utf8').repeat(150));
    const first = pool!.extract('dai.txt', long, store(), { group: other });
    const stalling = pool!.extract('nam-muoi-nghin-trang.pdf', manyPagesPdf(50_000), { ...store(), extension: '.pdf' }, { group: mine });
    const behind = pool!.extract('kl.txt', fs.readFileSync(SEED.conclusion1485), store(), { group: other });
    await new Promise((r) => setTimeout(r, 20));
    pool!.cancel(mine);
    await expect(stalling).rejects.toBeInstanceOf(ReadingCancelled);
    expect((await first).parsed.metadata.numberSymbol).toBe('4029-CV/TU');
    // The thread still came to the cancelled PDF, in its turn, and was stopped by the PDF's clock: the file behind it is read, not failed.
    expect((await behind).parsed.metadata.numberSymbol).toBe('1485-KL/TU');
  }, 120_000);
});
