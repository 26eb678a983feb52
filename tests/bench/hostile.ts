/**
 * Hostile files against the import's per-file budgets: every document of the hostile corpus
 * (tests/fixtures/hostile/) imported on its own by the built command line, in a child process of
 * its own, as `kholuu import <file>` runs. For each: the outcome (imported, or failed with its
 * reason); the file's own time (the command's wall time less the anchor's) beside its time budget
 * (base + per MB, fileBudget.ts); the process's peak resident memory (all threads) beside the
 * 500 MB the acceptance allows any single file. The anchor, measured in the same run: the same
 * command importing an ordinary party document (median of 3), so ratios say what a hostile file
 * costs over any import.
 *
 *   tsx tests/bench/hostile.ts [--only name,name]
 *
 * Writes tests/bench/results/hostile.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { DEFAULT_FILE_BUDGET, timeBudgetMs } from '../../electron/services/import/fileBudget';
import { makeHostileCorpus } from '../fixtures/hostile/make';
import { type MeasuredRun, runMeasuredCli } from '../support/measuredCli';
import { REPO, SEED } from '../support/paths';
import { tempDir } from '../support/services';

const MEMORY_LIMIT_MB = 500;
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1]!.split(',')) : null;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function outcomeOf(run: MeasuredRun, name: string): { outcome: 'imported' | 'failed' | 'crashed'; reason: string } {
  const line = run.stderr.split('\n').find((l) => l.startsWith('LỖI') && l.includes(name));
  if (line) return { outcome: 'failed', reason: line.replace(/^LỖI\s*/, '').trim() };
  if (run.code === 0 && /Xong: 1 văn bản mới/.test(run.stderr + run.stdout)) return { outcome: 'imported', reason: '' };
  return { outcome: 'crashed', reason: `exit ${run.code ?? run.signal}: ${run.stderr.slice(-300)}` };
}

async function main() {
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'build-cli.mjs'), '--if-stale', '--quiet'], { cwd: REPO, stdio: 'inherit' });
  const corpus = tempDir('kholuu-bench-hostile-');
  const { documents } = await makeHostileCorpus(corpus);
  const cases = documents.filter((c) => !only || only.has(c.name));
  const db = path.join(tempDir('kholuu-bench-hostile-cat-'), 'c.sqlite');
  const made = [corpus, path.dirname(db)];

  // The anchor: the same command importing one ordinary document (the first run also makes the catalogue).
  const anchorRuns: MeasuredRun[] = [];
  for (let i = 0; i < 4; i++) {
    const copy = path.join(tempDir('kholuu-bench-hostile-anchor-'), `ket-luan-${i}.txt`);
    made.push(path.dirname(copy));
    fs.writeFileSync(copy, `${fs.readFileSync(SEED.conclusion1485, 'utf8')}\n${i}`);
    const run = await runMeasuredCli(['--db', db, 'import', copy]);
    if (run.code !== 0) throw new Error(`anchor import failed: ${run.stderr}`);
    if (i > 0) anchorRuns.push(run);
  }
  const anchor = { ms: median(anchorRuns.map((r) => r.ms)), peakMb: median(anchorRuns.map((r) => r.peakMb ?? NaN)) };

  const rows: Array<Record<string, string | number | boolean | null>> = [];
  for (const c of cases) {
    const file = path.join(corpus, 'van-ban', c.name);
    const run = await runMeasuredCli(['--db', db, 'import', file]);
    const { outcome, reason } = outcomeOf(run, c.name);
    const expected = c.expect === 'imported' ? outcome === 'imported' : outcome === 'failed' && (c.expect as RegExp).test(reason);
    const budgetMs = timeBudgetMs(DEFAULT_FILE_BUDGET, c.bytes.length);
    rows.push({
      name: c.name,
      what: c.what,
      mb: +(c.bytes.length / 1048576).toFixed(2),
      outcome,
      asExpected: expected,
      ms: Math.round(run.ms),
      budgetMs,
      // The file's own cost: the command's time less the anchor's (start-up, catalogue, one ordinary file).
      fileMs: Math.round(run.ms - anchor.ms),
      withinBudget: run.ms - anchor.ms <= budgetMs,
      peakMb: run.peakMb === null ? null : Math.round(run.peakMb),
      underMemoryLimit: run.peakMb !== null && run.peakMb < MEMORY_LIMIT_MB,
      timeRatio: +(run.ms / anchor.ms).toFixed(2),
      memoryRatio: run.peakMb === null ? null : +(run.peakMb / anchor.peakMb).toFixed(2),
      reason: reason.slice(0, 160),
    });
    const r = rows.at(-1)!;
    console.log(
      `${c.name.padEnd(28)} ${String(r.mb).padStart(6)} MB  ${String(outcome).padEnd(8)} ${expected ? 'ok ' : 'BAD'}  ${String(r.ms).padStart(7)} ms (file ${String(r.fileMs).padStart(6)}) / ${String(budgetMs).padStart(6)} budget  peak ${String(r.peakMb).padStart(4)} MB  x${r.timeRatio} time, x${r.memoryRatio} memory`,
    );
  }

  const worst = rows.reduce((a, b) => (((b.peakMb as number) ?? Infinity) > ((a.peakMb as number) ?? -1) ? b : a));
  const summary = {
    cases: rows.length,
    asExpected: rows.filter((r) => r.asExpected).length,
    withinBudget: rows.filter((r) => r.withinBudget).length,
    underMemoryLimit: rows.filter((r) => r.underMemoryLimit).length,
    peakMb: worst.peakMb,
    peakFile: worst.name,
    anchor: { ms: Math.round(anchor.ms), peakMb: Math.round(anchor.peakMb) },
  };
  console.log(`\nanchor (an ordinary document, median of 3): ${summary.anchor.ms} ms, peak ${summary.anchor.peakMb} MB`);
  console.log(
    `${summary.asExpected}/${summary.cases} as expected, ${summary.withinBudget} within their time budget (command less anchor), ${summary.underMemoryLimit} under ${MEMORY_LIMIT_MB} MB; highest peak ${summary.peakMb} MB (${summary.peakFile})`,
  );
  const out = path.join(REPO, 'tests', 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  fs.writeFileSync(path.join(out, 'hostile.json'), `${JSON.stringify({ at: new Date().toISOString(), budget: DEFAULT_FILE_BUDGET, memoryLimitMb: MEMORY_LIMIT_MB, summary, rows }, null, 2)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
