/**
 * Bulk actions benchmark: `npm run bench:bulk -- [--size 100000] [--texts N] [--seed 1]
 * [--rounds 3] [--counts 3000,30000]`.
 *
 * On a copy of the search benchmark's generated catalogue (built once and cached in
 * .cache/bench-search/, as `npm run bench:search` builds it), selects all that match a search (the
 * newest N documents, by a date filter resolved by the services) and times, through the contract:
 * a move into new files (one per fonds, as "move them into new hồ sơ" makes), a field change that
 * the search index holds (type and issuer: every document re-indexed), and the retention and box
 * of the files holding them — each followed by its undo. After every action it checks that the
 * search index and the facet columns agree with the records.
 *
 * The anchor, measured in the same run on the same rows: the bare UPDATE of the same columns in one
 * transaction (rolled back) — what the action costs beyond it is its checks, one audit row per
 * record, the undo record and the index. Prints a table of medians and ratios, writes JSON to
 * tests/bench/results/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf } from '../../shared/contract/api';
import type { BulkResult } from '../../shared/contract/types/bulk';
import { flag } from '../../shared/search/indexText';
import { createServices } from '../../electron/services/createServices';
import { REPO } from '../support/paths';
import { testAppOf, type TestApp } from '../support/services';
import { buildCatalogue, builtWith } from './search/buildCatalogue';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

const size = Number(arg('size', '100000'));
const texts = Number(arg('texts', String(Math.min(size, 100_000))));
const seed = Number(arg('seed', '1'));
const rounds = Number(arg('rounds', '3'));
const counts = arg('counts', '3000,30000').split(',').map(Number);
const cacheDir = path.join(REPO, '.cache', 'bench-search');
const source = path.join(cacheDir, `catalogue-${size}-${texts}-s${seed}.sqlite`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

interface Figure {
  action: string;
  n: number;
  matched: number;
  changed: number;
  refused: number;
  ms: number[];
  /** CPU time of this process over the same span (user + system): what the machine's load does not inflate. */
  cpuMs: number[];
  undoMs: number[];
  anchorMs: number[];
  consistent: boolean;
}

/** Search index and facet columns agree with the records (checked outside the timings). */
function consistency(app: TestApp, check: { docType?: string; fileIds?: number[]; retention?: string }): boolean {
  const { repos, db } = app.services.context.catalogue;
  const { missing, stale } = repos.searchIndex.discrepancies(10);
  const cover = repos.searchIndex.coverage();
  let ok = missing.length === 0 && stale.length === 0 && cover.indexed === cover.expected;
  const search = app.services.context.search;
  if (check.docType !== undefined) {
    const sql = db.prepare('SELECT COUNT(*) FROM documents WHERE doc_type = ? AND removed_at IS NULL').pluck().get(check.docType) as number;
    const inMemory = search.matchingIds({ text: '', filters: { docTypes: [check.docType] } }, true).length;
    // The index's own type token (filters run inside FTS5) counts the same documents.
    const inIndex = repos.searchIndex.count(flag.docType(check.docType));
    ok &&= sql === inMemory && sql === inIndex;
  }
  if (check.fileIds && check.fileIds.length > 0) {
    const sql = db.prepare(`SELECT COUNT(*) FROM documents WHERE removed_at IS NULL AND file_id IN (${check.fileIds.join(',')})`).pluck().get() as number;
    const inMemory = search.matchingIds({ text: '', filters: { fileIds: check.fileIds.slice(0, 1_000) } }, true).length;
    const sqlFirst = check.fileIds.length > 1_000 ? (db.prepare(`SELECT COUNT(*) FROM documents WHERE removed_at IS NULL AND file_id IN (${check.fileIds.slice(0, 1_000).join(',')})`).pluck().get() as number) : sql;
    ok &&= inMemory === sqlFirst;
  }
  if (check.retention !== undefined) {
    const sql = db
      .prepare('SELECT COUNT(*) FROM documents d JOIN files f ON f.id = d.file_id WHERE d.removed_at IS NULL AND f.retention_code = ?')
      .pluck()
      .get(check.retention) as number;
    ok &&= sql === search.matchingIds({ text: '', filters: { retentionCodes: [check.retention] } }, true).length;
  }
  return ok;
}

/** The bare UPDATE of the same columns of the same rows, in one transaction, rolled back. */
function anchor(app: TestApp, table: 'documents' | 'files', sets: string, ids: number[]): number {
  const { db } = app.services.context.catalogue;
  const stmt = db.prepare(`UPDATE ${table} SET ${sets} WHERE id = ?`);
  const started = performance.now();
  try {
    db.transaction(() => {
      for (const id of ids) stmt.run(id);
      throw new Error('rollback');
    })();
  } catch {
    // rolled back on purpose
  }
  return performance.now() - started;
}

async function timed(app: TestApp, input: InputOf<'bulk.start'>): Promise<{ ms: number; cpuMs: number; result: BulkResult }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const begun = await app.call('bulk.start', input);
  let result = begun.result;
  while (!result) {
    const status = await app.call('jobs.get', { jobId: begun.jobId! });
    if (status.state === 'done') result = (await app.call('bulk.jobResult', { jobId: begun.jobId! })).result;
    else if (status.state !== 'running') throw new Error(`bulk job ${status.state}: ${status.error}`);
    else await new Promise((r) => setImmediate(r));
  }
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, result: result! };
}

async function undo(app: TestApp, operationId: number): Promise<number> {
  const started = performance.now();
  await app.call('bulk.undo', { operationId });
  return performance.now() - started;
}

async function main(): Promise<void> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const built = builtWith(source);
  if (!built || built.size !== size || built.texts !== texts || built.seed !== seed) {
    console.log(`Building ${size.toLocaleString('en')} documents (${texts.toLocaleString('en')} with full text) into ${path.relative(REPO, source)} …`);
    buildCatalogue(source, { size, texts, seed, onProgress: (done, total) => done % 20_000 === 0 && console.log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`) });
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-bench-bulk-'));
  const cataloguePath = path.join(work, 'catalogue.sqlite');
  console.log(`Copying ${path.relative(REPO, source)} (${(fs.statSync(source).size / 1e6).toFixed(0)} MB) to a work copy …`);
  fs.copyFileSync(source, cataloguePath);
  const app = testAppOf(work, cataloguePath, createServices({ cataloguePath, host: 'test', version: 'bench', samplesDir: null, actor: 'bench' }));
  const figures: Figure[] = [];
  try {
    const { db } = app.services.context.catalogue;
    await app.call('search.query', { text: '', filters: { docTypes: ['CÔNG VĂN'] } });
    for (const n of counts) {
      // "All that match": the newest n documents, as a date filter the services resolve.
      const from = db.prepare('SELECT issue_date FROM documents WHERE removed_at IS NULL AND issue_date IS NOT NULL ORDER BY issue_date DESC LIMIT 1 OFFSET ?').pluck().get(n - 1) as string;
      const selection = { kind: 'search' as const, text: '', filters: { dateFrom: from } };
      const ids = (await app.call('bulk.count', { target: 'documents', selection })).count;
      const docIds = app.services.context.search.matchingIds({ text: '', filters: { dateFrom: from } }, true);
      const move: Figure = { action: 'move into new files', n, matched: ids, changed: 0, refused: 0, ms: [], cpuMs: [], undoMs: [], anchorMs: [], consistent: true };
      const fields: Figure = { action: 'set type + issuer (re-indexed)', n, matched: ids, changed: 0, refused: 0, ms: [], cpuMs: [], undoMs: [], anchorMs: [], consistent: true };
      const files: Figure = { action: 'set retention + box of their files', n, matched: ids, changed: 0, refused: 0, ms: [], cpuMs: [], undoMs: [], anchorMs: [], consistent: true };
      for (let r = 0; r < rounds; r++) {
        console.log(`  ${n.toLocaleString('en')} documents, round ${r + 1}/${rounds} …`);
        const m = await timed(app, { action: 'documents.move', selection, to: { newFile: { code: `BENCH-${n}-${r}`, title: 'Văn bản sắp xếp lại' } } });
        move.ms.push(m.ms);
        move.cpuMs.push(m.cpuMs);
        move.changed = m.result.changed;
        move.refused = m.result.refusedCount;
        move.consistent &&= consistency(app, { fileIds: m.result.createdFileIds });
        move.anchorMs.push(anchor(app, 'documents', 'file_id = NULL, order_in_file = 1', docIds));
        move.undoMs.push(await undo(app, m.result.operationId!));
        move.consistent &&= consistency(app, {});

        const f = await timed(app, { action: 'documents.setFields', selection, fields: { docType: 'TỜ TRÌNH', issuer: 'VĂN PHÒNG TỈNH ỦY' } });
        fields.ms.push(f.ms);
        fields.cpuMs.push(f.cpuMs);
        fields.changed = f.result.changed;
        fields.refused = f.result.refusedCount;
        fields.consistent &&= consistency(app, { docType: 'TỜ TRÌNH' });
        fields.anchorMs.push(anchor(app, 'documents', "doc_type = 'TỜ TRÌNH', issuer = 'VĂN PHÒNG TỈNH ỦY'", docIds));
        fields.undoMs.push(await undo(app, f.result.operationId!));
        fields.consistent &&= consistency(app, { docType: 'TỜ TRÌNH' });

        const g = await timed(app, { action: 'files.setFields', selection: { kind: 'ofDocuments', documents: selection }, fields: { retentionCode: '50', box: `Hộp ${r + 1}` } });
        files.ms.push(g.ms);
        files.cpuMs.push(g.cpuMs);
        files.changed = g.result.changed;
        files.refused = g.result.refusedCount;
        files.consistent &&= consistency(app, { retention: '50' });
        files.anchorMs.push(anchor(app, 'files', "retention_code = '50', box = 'Hộp'", g.result.fileIds));
        files.undoMs.push(await undo(app, g.result.operationId!));
        files.consistent &&= consistency(app, { retention: '50' });
      }
      figures.push(move, fields, files);
    }
  } finally {
    await app.close();
    fs.rmSync(work, { recursive: true, force: true });
  }

  const rows = figures.map((f) => ({
    action: f.action,
    selected: f.n,
    matched: f.matched,
    changed: f.changed,
    refused: f.refused,
    medianMs: Math.round(median(f.ms)),
    cpuMedianMs: Math.round(median(f.cpuMs)),
    undoMedianMs: Math.round(median(f.undoMs)),
    anchorMedianMs: Math.round(median(f.anchorMs) * 10) / 10,
    ratio: Math.round((median(f.ms) / median(f.anchorMs)) * 10) / 10,
    consistent: f.consistent,
    ms: f.ms.map(Math.round),
    undoMs: f.undoMs.map(Math.round),
  }));
  console.log(`\n=== Bulk actions on the ${size.toLocaleString('en')}-document catalogue (${texts.toLocaleString('en')} with full text), medians of ${rounds} rounds ===`);
  console.log('  anchor: the bare UPDATE of the same columns of the same rows in one transaction (no checks, audit, undo record or index)');
  console.log('  cpu: CPU time of the process during the action (on a loaded machine the median, wall-clock, is several times it)\n');
  console.log(`  ${'action'.padEnd(36)} ${'docs'.padStart(7)} ${'changed'.padStart(8)} ${'refused'.padStart(8)} ${'median'.padStart(9)} ${'cpu'.padStart(9)} ${'undo'.padStart(9)} ${'anchor'.padStart(9)} ${'ratio'.padStart(7)}  index+facets`);
  for (const r of rows) {
    console.log(
      `  ${r.action.padEnd(36)} ${r.matched.toLocaleString('en').padStart(7)} ${r.changed.toLocaleString('en').padStart(8)} ${r.refused.toLocaleString('en').padStart(8)} ${`${r.medianMs} ms`.padStart(9)} ${`${r.cpuMedianMs} ms`.padStart(9)} ${`${r.undoMedianMs} ms`.padStart(9)} ${`${r.anchorMedianMs} ms`.padStart(9)} ${`×${r.ratio}`.padStart(7)}  ${r.consistent ? 'consistent' : 'INCONSISTENT'}`,
    );
  }
  const goal = rows.filter((r) => r.selected === 3_000);
  if (goal.length > 0) console.log(`\n  goal: under 2 s for 3,000 documents — ${goal.every((r) => r.medianMs < 2_000) ? 'met' : 'not met'} (load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, ${os.cpus().length} CPUs)`);
  const outDir = path.join(REPO, 'tests', 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `bulk-${size}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, JSON.stringify({ size, texts, seed, rounds, machine: { cpus: os.cpus().length, loadavg: os.loadavg() }, rows }, null, 2));
  console.log(`\nJSON: ${path.relative(REPO, out)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
