/**
 * The hostile files that cost an import the most, each imported alone by the built command line in
 * a process of its own (`kholuu import <file>`), as an archivist would: each ends as expected —
 * imported whole, or failed with its reason — and the process's peak resident memory (every thread
 * of it, the reader thread and its budgeted heap included) stays under 500 MB. SIGTERM while the
 * reader is inside the 50,000-page PDF stops the import then (exit 130, run cancelled), not when
 * the file's time budget runs out; `import --resume` then fails that file with its reason instead of
 * going back to reading it for good.
 *
 * The whole corpus, with each file's time beside its budget, is measured by `npm run bench:hostile`.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILE_BUDGET, timeBudgetMs } from '../../../electron/services/import/fileBudget';
import { type HostileCase, makeHostileCorpus } from '../../fixtures/hostile/make';
import { type MeasuredRun, runMeasuredCli, startMeasuredCli } from '../../support/measuredCli';
import { SEED } from '../../support/paths';
import { tempDir } from '../../support/services';

const MEMORY_LIMIT_MB = 500;
/** Bombs, floods, deep nesting, a false page count and a file over the size limit: what makes a reader build the most (bench:hostile measures them all). */
const HEAVY = ['dau-ket-hop.txt', 'qua-lon.txt', 'bom-khai-that.docx', 'bom-khai-gian.docx', 'bom-kieu.docx', 'qua-nhieu-phan.docx', 'long-sau.docx', 'bom-luong.pdf', 'mang-long.pdf', 'dem-trang-gia.pdf'];
/**
 * The 30 MB single-line texts (30 million characters), imported whole: the process peaked at
 * 630–700 MB while the catalogue write held the text several times over (the record digest read
 * the row back and built its JSON; the reader thread kept its grown heap; the folded copy crossed
 * threads beside the text). Each copy is gone at its cause; this keeps them gone.
 */
const LONGEST_TEXTS = ['dong-30mb.txt', 'dong-30mb-lien.txt'];
const PDF = 'nam-muoi-nghin-trang.pdf';

/** Temporary folders, removed at the end (the corpus alone is 150 MB). */
const made: string[] = [];
const dirOf = (prefix: string) => {
  const d = tempDir(prefix);
  made.push(d);
  return d;
};

let corpus: string;
let cases: Map<string, HostileCase>;
const figures: string[] = [];

beforeAll(async () => {
  corpus = dirOf('kholuu-hostile-budgets-');
  cases = new Map((await makeHostileCorpus(corpus)).documents.map((c) => [c.name, c]));
}, 120_000);

afterAll(() => {
  console.log(figures.join('\n'));
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

/** A catalogue made by importing one ordinary document (so the run under test only reads its file). */
async function catalogue(): Promise<string> {
  const db = path.join(dirOf('kholuu-hostile-budgets-cat-'), 'c.sqlite');
  const first = await runMeasuredCli(['--db', db, 'import', SEED.conclusion1485]);
  expect(first.code, first.stderr).toBe(0);
  figures.push(`an ordinary document: peak ${Math.round(first.peakMb!)} MB, ${Math.round(first.ms)} ms`);
  return db;
}

function expectAsPlanned(run: MeasuredRun, c: HostileCase) {
  const failed = run.stderr.split('\n').find((l) => l.startsWith('LỖI') && l.includes(c.name));
  if (c.expect === 'imported') {
    expect(failed, c.name).toBeUndefined();
    expect(run.stderr, c.name).toMatch(/Xong: 1 văn bản mới/);
  } else {
    expect(failed, `${c.name}: ${run.stderr}`).toMatch(c.expect);
  }
  expect(run.code, `${c.name}: ${run.stderr}`).toBe(0);
}

describe('a hostile file imported alone, in a process of its own', () => {
  it(`ends as planned with the process under ${MEMORY_LIMIT_MB} MB: ${HEAVY.join(', ')}`, async () => {
    const db = await catalogue();
    for (const name of HEAVY) {
      const c = cases.get(name)!;
      const run = await runMeasuredCli(['--db', db, 'import', path.join(corpus, 'van-ban', name)]);
      figures.push(`${name} (${(c.bytes.length / 1048576).toFixed(1)} MB): peak ${Math.round(run.peakMb!)} MB, ${Math.round(run.ms)} ms`);
      expectAsPlanned(run, c);
      expect(run.peakMb, name).not.toBeNull();
      expect(run.peakMb!, name).toBeLessThan(MEMORY_LIMIT_MB);
    }
  }, 900_000);

  it(`imports a 30 MB single-line text whole with the process under ${MEMORY_LIMIT_MB} MB: ${LONGEST_TEXTS.join(', ')}`, async () => {
    const db = await catalogue();
    for (const name of LONGEST_TEXTS) {
      const run = await runMeasuredCli(['--db', db, 'import', path.join(corpus, 'van-ban', name)]);
      figures.push(`${name}: peak ${Math.round(run.peakMb!)} MB, ${Math.round(run.ms)} ms`);
      expectAsPlanned(run, cases.get(name)!);
      expect(run.peakMb, name).not.toBeNull();
      expect(run.peakMb!, name).toBeLessThan(MEMORY_LIMIT_MB);
    }
    // Imported whole: the stored text is the file's, every character of it.
    const stored = new BetterSqlite3(db, { readonly: true });
    try {
      const lengths = stored.prepare('SELECT length(full_text) FROM documents ORDER BY id DESC LIMIT 2').pluck().all() as number[];
      expect(lengths).toEqual(LONGEST_TEXTS.map((n) => Buffer.from(cases.get(n)!.bytes).toString('utf8').length).reverse());
    } finally {
      stored.close();
    }
  }, 900_000);

  it('SIGTERM inside the 50,000-page PDF stops the import at once; the resumed run fails the file with its reason, under 500 MB', async () => {
    const db = await catalogue();
    const c = cases.get(PDF)!;
    const budgetMs = timeBudgetMs(DEFAULT_FILE_BUDGET, c.bytes.length);
    const p = startMeasuredCli(['--db', db, 'import', path.join(corpus, 'van-ban', PDF)]);
    while (!/Lần nhập số \d+/.test(p.stderr())) {
      expect(p.child.exitCode, p.stderr()).toBeNull();
      await new Promise((r) => setTimeout(r, 20));
    }
    // Let the reader get into the PDF (pdf.js parses its page tree for minutes).
    await new Promise((r) => setTimeout(r, 2_000));
    const asked = performance.now();
    p.child.kill('SIGTERM');
    const stopped = await p.done;
    const stoppedAfterMs = performance.now() - asked;
    figures.push(`${PDF}: stopped ${Math.round(stoppedAfterMs)} ms after SIGTERM (its time budget: ${budgetMs} ms)`);
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toMatch(/Đã hủy: 0 văn bản mới, 0 trùng lặp, 0 lỗi/);
    // Not a speed target: the file was dropped when asked, not read until its budget ran out.
    expect(stoppedAfterMs).toBeLessThan(budgetMs);

    const runId = /Lần nhập số (\d+)/.exec(stopped.stderr)![1]!;
    const resumed = await runMeasuredCli(['--db', db, 'import', '--resume', runId]);
    figures.push(`${PDF} (${(c.bytes.length / 1048576).toFixed(1)} MB), resumed: failed after ${Math.round(resumed.ms)} ms (budget ${budgetMs} ms), peak ${Math.round(resumed.peakMb!)} MB`);
    expect(resumed.stderr).toContain('(nhập tiếp)');
    expectAsPlanned(resumed, c);
    expect(resumed.stderr).toMatch(/Xong: 0 văn bản mới, 0 trùng lặp, 1 lỗi/);
    expect(resumed.peakMb!).toBeLessThan(MEMORY_LIMIT_MB);
    // Nothing of the file was kept.
    expect(fs.readdirSync(path.join(path.dirname(db), 'c.originals'), { recursive: true }).filter((f) => String(f).endsWith('.pdf'))).toEqual([]);
  }, 600_000);
});
