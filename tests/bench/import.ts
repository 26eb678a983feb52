/**
 * Import benchmark: bulk-imports a generated archive (10,000 party documents by default, in one
 * folder per fonds) into a fresh catalogue, the way `npm run cli -- import <folder>` does, and
 * reports documents per second, CPU time per document (all threads, user and kernel), the write
 * calls and bytes it asks of the disk per document (Linux: /proc/self/io; the WAL's frames, its
 * checkpoints and the originals) and memory (rss at 2,500 / 5,000 / 10,000 committed documents,
 * and the peak). Beside it, in the same run, the anchor: a minimal durable import of the same
 * files (read, SHA-256, write and fsync the original, fold, FTS5 insert, 50 per transaction) — the
 * least any import that keeps the original safely and makes it searchable must do. Repeated `--runs` times; medians and ratios to the
 * anchor are reported.
 *
 * Beside both, the floor: the anchor with the parser run on each text in the same thread (its code
 * compiled in the timing, as the import's is). It is the least an import that also reads each
 * document's metadata with this parser must do, so floor / anchor is the lowest ratio such an
 * import can reach, and import / floor is what the import spends beyond it (the hand-over to and
 * from the reader thread, the record, its index rows, citations, audit rows, report line, the
 * backup before a bulk import).
 *
 * Each measuring process then imports as many other documents again (the next seed's corpus) into
 * the same catalogue, the anchor likewise into its database, reported beside the first: an archive
 * imports into a catalogue that is no longer empty, with its code already optimised. On the 2-core
 * machine V8's optimising compiler (its helper threads) took about 0.4 ms per document of the first
 * 3,000 and half that of the second; the reader thread's own CPU fell by a sixth.
 *
 * How the two are kept comparable: each measurement runs in a process of its own (no heap, thread
 * or cache left by the one before), in a fresh folder, after the corpus was read once (both find
 * it in the page cache) and after `sync` (neither pays the write-back of the one before). The
 * pair's order alternates (anchor first in odd runs, import first in even ones), and each import is
 * divided by the anchor of its own pair. Why: on the 2-core test machine the anchor's kernel time
 * per document rises from one measurement to the next (0.22, 0.36, 0.54 ms in three fresh
 * processes one after another; its user time stays at 0.44 ms), so a fixed order charged the
 * rise to whichever came second. Most of that rise came from the previous measurement's folder
 * (thousands of files) being deleted just before: the folders are now kept until every measurement
 * is done, and the anchor's kernel time stays flat (0.25, 0.27, 0.23 ms). The cause, seen with
 * `perf record -a -g`: for a few minutes after thousands of files are deleted, ext4 looks past each
 * recently freed inode when it creates a file (`ext4_create` → `recently_deleted`), so every new
 * original costs kernel time on the thread pool (0.2 ms per document per pool thread in a 3,000-document
 * run started right after another run's folders were removed, against 0.04 in a 10,000-document run). Run the bench
 * a few minutes after removing a large folder (another run's, a test suite's). The import's timing starts
 * after a one-file import into the same catalogue (reader threads started, modules compiled), as
 * the anchor's starts with its modules loaded.
 *
 *   tsx tests/bench/import.ts [--count 10000] [--seed 1] [--runs 3]
 *
 * Writes tests/bench/results/import.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { createDispatch } from '../../electron/services/dispatch';
import { createServices } from '../../electron/services/createServices';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { fold } from '../../shared/text/fold';
import { parseDocument } from '../../shared/parser/parseDocument';
import { generateDocuments } from './corpus/generate';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const COUNT = option('count', 10_000);
const SEED = option('seed', 1);
const RUNS = option('runs', 3);
const CHECKPOINTS = [0.25, 0.5, 1].map((f) => Math.round(COUNT * f));
const MB = 1024 * 1024;

/** The corpus on disk, written once per (count, seed) and reused by later runs. */
function corpusDir(seed = SEED): { dir: string; files: number; bytes: number } {
  const dir = path.join(os.tmpdir(), `kholuu-bench-import-${COUNT}-${seed}`);
  const marker = `${dir}.complete.json`;
  if (fs.existsSync(marker)) return { dir, ...(JSON.parse(fs.readFileSync(marker, 'utf8')) as { files: number; bytes: number }) };
  fs.rmSync(dir, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  for (const d of generateDocuments({ count: COUNT, seed })) {
    const folder = path.join(dir, d.fondsCode);
    fs.mkdirSync(folder, { recursive: true });
    const buf = Buffer.from(d.text, 'utf8');
    fs.writeFileSync(path.join(folder, d.fileName), buf);
    files++;
    bytes += buf.byteLength;
  }
  fs.writeFileSync(marker, JSON.stringify({ files, bytes }));
  return { dir, files, bytes };
}

/**
 * Where a measurement makes its catalogue and originals: a folder the parent process removes once
 * every measurement is done (`--work`), or the temporary folder.
 */
function workRoot(): string {
  const i = process.argv.indexOf('--work');
  return i >= 0 ? process.argv[i + 1]! : os.tmpdir();
}

/**
 * A measurement's folder is removed at once only outside a parent's work folder: deleting it
 * between measurements (thousands of files freed on a disk mounted with online discard) raised the
 * kernel time of the next one.
 */
function removeUnlessKept(dir: string): void {
  if (!process.argv.includes('--work')) fs.rmSync(dir, { recursive: true, force: true });
}

/** Write calls and bytes written by this process so far (all threads; Linux's /proc/self/io), or null elsewhere. */
function ioCounters(): { calls: number; bytes: number } | null {
  try {
    const io = fs.readFileSync('/proc/self/io', 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1] ?? NaN);
    return { calls: field('syscw'), bytes: field('wchar') };
  } catch {
    return null;
  }
}

/**
 * Write system calls (write, pwrite: SQLite's WAL frames and checkpoints, the originals) and KB
 * written per document between two readings: what each side asks of the disk, whatever the load.
 */
function writesPerDocument(before: ReturnType<typeof ioCounters>, documents: number): { writeCallsPerDocument: number | null; writtenKBPerDocument: number | null } {
  const after = ioCounters();
  if (!before || !after || documents === 0) return { writeCallsPerDocument: null, writtenKBPerDocument: null };
  return {
    writeCallsPerDocument: Number(((after.calls - before.calls) / documents).toFixed(1)),
    writtenKBPerDocument: Number(((after.bytes - before.bytes) / 1024 / documents).toFixed(1)),
  };
}

/**
 * CPU time of each thread of this process so far, in ms, by thread id (Linux:
 * /proc/self/task/<tid>/stat, counted in ticks of 10 ms), or null elsewhere. The main thread's id
 * is the process's; the others are the reader threads (decoding, parsing), the file system's
 * thread pool and V8's helpers (optimising compiler, concurrent marking and sweeping).
 */
function threadCpuMs(): Map<number, number> | null {
  try {
    const out = new Map<number, number>();
    for (const tid of fs.readdirSync('/proc/self/task')) {
      try {
        const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * 10);
      } catch {
        // The thread ended between the listing and the read.
      }
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * CPU per document of each thread between two readings, busiest first, each named by when it was
 * started: `main`, `start` (before the import's warm-up: V8's helper threads, the TypeScript
 * loader's), `warm-up` (during it: the reader thread, the file system's pool) or `timed` (during
 * the measurement: a replaced reader). A thread that ended meanwhile is missing.
 */
function threadsPerDocument(
  atStart: Map<number, number> | null,
  before: Map<number, number> | null,
  after: Map<number, number> | null,
  documents: number,
): Array<{ thread: number; started: string; ms: number }> | null {
  if (!atStart || !before || !after || documents === 0) return null;
  return [...after]
    .map(([tid, ms]) => ({
      thread: tid - process.pid,
      started: tid === process.pid ? 'main' : atStart.has(tid) ? 'start' : before.has(tid) ? 'warm-up' : 'timed',
      ms: Number(((ms - (before.get(tid) ?? 0)) / documents).toFixed(3)),
    }))
    .filter((t) => t.ms > 0)
    .sort((a, b) => b.ms - a.ms);
}

interface Writes {
  writeCallsPerDocument: number | null;
  writtenKBPerDocument: number | null;
}

interface RunResult extends Writes {
  seconds: number;
  docsPerSecond: number;
  imported: number;
  failed: number;
  duplicates: number;
  rssAtMB: Record<string, number>;
  heapAtMB: Record<string, number>;
  peakRssMB: number;
  /** User + system CPU time of the whole process (all threads) per document: what the import costs, whatever else the machine is doing. */
  cpuMsPerDocument: number;
  userMsPerDocument: number;
  systemMsPerDocument: number;
  /** Of the CPU per document, the main thread's (catalogue writes, the batch's bookkeeping); null where unknown. */
  mainThreadMsPerDocument: number | null;
  /** Of the CPU per document, each thread's (see `threadsPerDocument`); null where unknown. */
  threads: ReturnType<typeof threadsPerDocument>;
  /** The same measured on a second corpus imported right after, in the same process (see `again`). */
  again: Again;
}

/**
 * A second import of as many other documents (the corpus of the next seed) in the same process,
 * into the same catalogue, right after the first: its code optimised by then, the catalogue no
 * longer empty. The anchor is measured the same way (the same database, the next corpus). It
 * includes the backup taken before a bulk import, which reads and links (or copies) every original
 * already catalogued: on the 2-core machine about 0.3 ms of main thread per document of the second
 * 3,000, a cost that grows with the catalogue, not with the import.
 */
interface Again {
  docsPerSecond: number;
  cpuMsPerDocument: number;
  mainThreadMsPerDocument: number | null;
  threads: ReturnType<typeof threadsPerDocument>;
}

/** The one file imported (or parsed, by the floor) before the timing starts. */
const WARM_UP_TEXT = 'ĐẢNG CỘNG SẢN VIỆT NAM\nThông báo khởi động (không tính giờ)\n';

type Call = <N extends OperationName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>;
type JobStatus = OutputOf<'jobs.get'>;

async function startImport(call: Call, fondsId: number, corpus: string): Promise<JobStatus> {
  const { jobId } = await call('import.start', { target: { fondsId }, paths: [corpus] });
  return call('jobs.get', { jobId });
}

async function checkImport(call: Call, status: JobStatus, run: number): Promise<void> {
  if (status.state !== 'done') throw new Error(`run ${run}: import ended ${status.state}: ${status.error}`);
  const report = await call('importRuns.get', { runId: status.runId! });
  if (report.imported !== status.imported || report.processed !== COUNT) {
    throw new Error(`run ${run}: the report says ${report.imported} imported of ${report.processed}, the job ${status.imported}`);
  }
}

/** The second import (see {@link Again}), polled as the first. */
async function importAgain(call: Call, fondsId: number, run: number, threadsAtStart: Map<number, number> | null): Promise<Again> {
  const corpus = corpusDir(SEED + 1).dir;
  warmCorpus(corpus);
  const cpuBefore = process.cpuUsage();
  const threadsBefore = threadCpuMs();
  const started = performance.now();
  let status = await startImport(call, fondsId, corpus);
  while (status.state === 'running') {
    await new Promise((r) => setTimeout(r, 250));
    status = await call('jobs.get', { jobId: status.id });
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const threadsAfter = threadCpuMs();
  await checkImport(call, status, run);
  const n = Math.max(1, status.processed);
  const main = threadsBefore && threadsAfter ? ((threadsAfter.get(process.pid) ?? 0) - (threadsBefore.get(process.pid) ?? 0)) / n : null;
  return {
    docsPerSecond: status.imported / seconds,
    cpuMsPerDocument: Number(((cpu.user + cpu.system) / 1000 / n).toFixed(3)),
    mainThreadMsPerDocument: main === null ? null : Number(main.toFixed(3)),
    threads: threadsPerDocument(threadsAtStart, threadsBefore, threadsAfter, n),
  };
}

async function runOnce(corpus: string, run: number): Promise<RunResult> {
  const threadsAtStart = threadCpuMs();
  const work = fs.mkdtempSync(path.join(workRoot(), 'kholuu-bench-import-db-'));
  const services = createServices({ cataloguePath: path.join(work, 'catalogue.sqlite'), host: 'cli', version: 'bench', actor: 'bench' });
  const dispatch = createDispatch(services.handlers, { error: (m) => console.error(m) });
  const call = async <N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> => {
    const reply = await dispatch(name, input);
    if (!reply.ok) throw ApiError.fromBody(reply.error);
    return reply.result as OutputOf<N>;
  };
  try {
    const org = await call('organizations.create', { name: 'Tỉnh ủy (benchmark)', level: 'province' });
    const fonds = await call('fonds.create', { code: 'BENCH', name: 'Phông benchmark', organizationId: org.id });
    // One file imported first, untimed: the reader threads started and the modules loaded (from
    // the TypeScript sources here: compiled at first use), as in the app after its first import.
    const warm = fs.mkdtempSync(path.join(work, 'warm-'));
    fs.writeFileSync(path.join(warm, 'warm.txt'), WARM_UP_TEXT);
    const warmed = await call('import.start', { target: { fondsId: fonds.id }, paths: [warm] });
    for (let s = await call('jobs.get', { jobId: warmed.jobId }); s.state === 'running'; s = await call('jobs.get', { jobId: warmed.jobId })) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const rssAt: Record<string, number> = {};
    const heapAt: Record<string, number> = {};
    let peak = process.memoryUsage.rss();
    const cpuBefore = process.cpuUsage();
    const threadsBefore = threadCpuMs();
    const ioBefore = ioCounters();
    const started = performance.now();
    let status = await startImport(call, fonds.id, corpus);
    // Memory sampled every 50 ms; progress polled every 250 ms, as the app's progress bar does.
    for (let tick = 1; status.state === 'running'; tick++) {
      await new Promise((r) => setTimeout(r, 50));
      if (tick % 5 === 0) status = await call('jobs.get', { jobId: status.id });
      const rss = process.memoryUsage.rss();
      peak = Math.max(peak, rss);
      for (const c of CHECKPOINTS) {
        if (status.processed >= c && rssAt[c] === undefined) {
          rssAt[c] = Math.round(rss / MB);
          heapAt[c] = Math.round(process.memoryUsage().heapUsed / MB);
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const threadsAfter = threadCpuMs();
    const writes = writesPerDocument(ioBefore, status.processed);
    for (const c of CHECKPOINTS) {
      rssAt[c] ??= Math.round(process.memoryUsage.rss() / MB);
      heapAt[c] ??= Math.round(process.memoryUsage().heapUsed / MB);
    }
    await checkImport(call, status, run);
    const again = await importAgain(call, fonds.id, run, threadsAtStart);
    return {
      seconds,
      docsPerSecond: status.imported / seconds,
      imported: status.imported,
      failed: status.failed,
      duplicates: status.duplicates,
      rssAtMB: rssAt,
      heapAtMB: heapAt,
      peakRssMB: Math.round(peak / MB),
      cpuMsPerDocument: Number(((cpu.user + cpu.system) / 1000 / Math.max(1, status.processed)).toFixed(3)),
      userMsPerDocument: Number((cpu.user / 1000 / Math.max(1, status.processed)).toFixed(3)),
      systemMsPerDocument: Number((cpu.system / 1000 / Math.max(1, status.processed)).toFixed(3)),
      mainThreadMsPerDocument: threadsBefore && threadsAfter ? Number((((threadsAfter.get(process.pid) ?? 0) - (threadsBefore.get(process.pid) ?? 0)) / Math.max(1, status.processed)).toFixed(3)) : null,
      threads: threadsPerDocument(threadsAtStart, threadsBefore, threadsAfter, status.processed),
      ...writes,
      again,
    };
  } finally {
    await services.close();
    removeUnlessKept(work);
  }
}

/** The corpus's files in walk order (the anchor lists them too, inside its timing). */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

interface AnchorResult extends Writes {
  seconds: number;
  docsPerSecond: number;
  cpuMsPerDocument: number;
  userMsPerDocument: number;
  systemMsPerDocument: number;
  /** The next seed's corpus, right after, in the same process and database (see {@link Again}). */
  again: Omit<Again, 'mainThreadMsPerDocument' | 'threads'>;
}

/**
 * The anchor: a minimal durable import. Each file is read, hashed (SHA-256), written under its hash
 * and fsync'ed with its folder, its text folded and inserted into an FTS5 table (contentless, like
 * the catalogue's) beside a row naming the original; 50 files per transaction, WAL with full sync
 * as the catalogue. No parsing, no metadata, no audit, no report: what no import can avoid.
 */
function minimalImport(corpus: string, withParser = false): AnchorResult {
  const work = fs.mkdtempSync(path.join(workRoot(), 'kholuu-bench-anchor-'));
  // The floor's parser is compiled and run once before the timing, as the import's warm-up file is.
  if (withParser) parseDocument(WARM_UP_TEXT);
  const originals = path.join(work, 'originals');
  const db = new Database(path.join(work, 'anchor.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE originals (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, stored_path TEXT NOT NULL, name TEXT NOT NULL);
      CREATE VIRTUAL TABLE body_fts USING fts5(body, content = '', contentless_delete = 1);`);
    const insertOriginal = db.prepare('INSERT INTO originals (sha256, stored_path, name) VALUES (?, ?, ?)');
    const insertText = db.prepare('INSERT INTO body_fts (rowid, body) VALUES (?, ?)');
    const importAll = (dir: string): number => {
      const files = listFiles(dir);
      for (let i = 0; i < files.length; i += 50) {
        const batch = files.slice(i, i + 50).map((file) => {
          const bytes = fs.readFileSync(file);
          const sha256 = createHash('sha256').update(bytes).digest('hex');
          const folder = path.join(originals, sha256.slice(0, 2));
          fs.mkdirSync(folder, { recursive: true });
          const stored = path.join(folder, `${sha256}.txt`);
          const fd = fs.openSync(stored, 'w');
          fs.writeSync(fd, bytes);
          fs.fsyncSync(fd);
          fs.closeSync(fd);
          const dirFd = fs.openSync(folder, 'r');
          fs.fsyncSync(dirFd);
          fs.closeSync(dirFd);
          const text = bytes.toString('utf8');
          if (withParser) parseDocument(text);
          return { file, sha256, stored, body: fold(text) };
        });
        db.transaction(() => {
          for (const b of batch) {
            const id = Number(insertOriginal.run(b.sha256, b.stored, b.file).lastInsertRowid);
            insertText.run(id, b.body);
          }
        })();
      }
      return files.length;
    };
    const cpuBefore = process.cpuUsage();
    const ioBefore = ioCounters();
    const started = performance.now();
    const files = importAll(corpus);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const writes = writesPerDocument(ioBefore, files);
    const perDocument = (micros: number, n = files) => Number((micros / 1000 / n).toFixed(3));
    const next = corpusDir(SEED + 1).dir;
    warmCorpus(next);
    const cpuAgain = process.cpuUsage();
    const startedAgain = performance.now();
    const filesAgain = importAll(next);
    const secondsAgain = (performance.now() - startedAgain) / 1000;
    const cpuAgainUsed = process.cpuUsage(cpuAgain);
    return {
      seconds,
      docsPerSecond: files / seconds,
      cpuMsPerDocument: perDocument(cpu.user + cpu.system),
      userMsPerDocument: perDocument(cpu.user),
      systemMsPerDocument: perDocument(cpu.system),
      ...writes,
      again: { docsPerSecond: filesAgain / secondsAgain, cpuMsPerDocument: perDocument(cpuAgainUsed.user + cpuAgainUsed.system, filesAgain) },
    };
  } finally {
    db.close();
    removeUnlessKept(work);
  }
}

/**
 * Waits for the disk to take what the previous measurement left it (its files written, then
 * deleted with its folder), so that write-back is not flushed inside the next one's timing.
 */
function settleDisk(): void {
  try {
    execFileSync('sync', { stdio: 'ignore' });
  } catch {
    // No `sync` command (Windows): the runs are compared as they come.
  }
}

/** CPU per document of the busiest thread but the main one (the reader thread), or null where unknown. */
function busiestOther(threads: RunResult['threads']): number | null {
  const others = (threads ?? []).filter((t) => t.started !== 'main');
  return others.length === 0 ? null : Math.max(...others.map((t) => t.ms));
}

/** The median of the values measured (null where the platform could not tell). */
function medianOrNull(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return known.length === 0 ? null : median(known);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The corpus read once, so that the first measurement does not read it from disk and the others from memory. */
function warmCorpus(dir: string): void {
  for (const file of listFiles(dir)) fs.readFileSync(file);
}

type Kind = 'anchor' | 'floor' | 'import';
const CHILD_MARK = 'KHOLUU-BENCH-RESULT ';

/** One measurement, in a process of its own (the same Node and loader as this one). */
function measureInChild(kind: Kind, run: number, work: string): AnchorResult | RunResult {
  settleDisk();
  const here = new URL(import.meta.url).pathname;
  const args = [...process.execArgv, here, '--child', kind, '--run', String(run), '--count', String(COUNT), '--seed', String(SEED), '--work', work];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * MB });
  const line = child.stdout.split('\n').find((l) => l.startsWith(CHILD_MARK));
  if (child.status !== 0 || !line) throw new Error(`${kind} measurement ${run} failed (exit ${child.status}):\n${child.stdout}`);
  return JSON.parse(line.slice(CHILD_MARK.length)) as AnchorResult | RunResult;
}

async function child(kind: Kind, run: number): Promise<void> {
  const corpus = corpusDir();
  const result = kind === 'import' ? await runOnce(corpus.dir, run) : minimalImport(corpus.dir, kind === 'floor');
  console.log(`${CHILD_MARK}${JSON.stringify(result)}`);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const corpus = corpusDir();
  warmCorpus(corpus.dir);
  // The second import's corpus (see `Again`), made before any measurement.
  warmCorpus(corpusDir(SEED + 1).dir);
  console.log(`Corpus: ${corpus.files} documents, ${(corpus.bytes / MB).toFixed(1)} MB, in ${corpus.dir} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(`Machine: ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}`);
  console.log('Each measurement in a fresh process and folder, after sync; anchor first in odd runs, import first in even ones, the floor between them.\n');
  const results: RunResult[] = [];
  const anchors: AnchorResult[] = [];
  const floors: AnchorResult[] = [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-bench-import-runs-'));
  process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
  const cpu = (r: AnchorResult | RunResult) =>
    `${r.cpuMsPerDocument} ms CPU per document (user ${r.userMsPerDocument}, kernel ${r.systemMsPerDocument}), ${r.writeCallsPerDocument ?? '?'} write calls and ${r.writtenKBPerDocument ?? '?'} KB written per document`;
  for (let run = 1; run <= RUNS; run++) {
    const order: Kind[] = run % 2 === 1 ? ['anchor', 'floor', 'import'] : ['import', 'floor', 'anchor'];
    for (const kind of order) {
      const measured = measureInChild(kind, run, work);
      const load = os.loadavg()[0]!.toFixed(1);
      if (kind === 'anchor') {
        const a = measured as AnchorResult;
        anchors.push(a);
        console.log(`run ${run}, anchor: ${corpus.files} files in ${a.seconds.toFixed(1)} s = ${a.docsPerSecond.toFixed(0)} docs/s, ${cpu(a)}; load average ${load}`);
      } else if (kind === 'floor') {
        const f = measured as AnchorResult;
        floors.push(f);
        console.log(`run ${run}, floor (anchor + parser): ${corpus.files} files in ${f.seconds.toFixed(1)} s = ${f.docsPerSecond.toFixed(0)} docs/s, ${cpu(f)}; load average ${load}`);
      } else {
        const r = measured as RunResult;
        results.push(r);
        const rss = CHECKPOINTS.map((c) => `${r.rssAtMB[c]}`).join(' / ');
        console.log(
          `run ${run}, import: ${r.imported} imported, ${r.failed} failed, ${r.duplicates} duplicates in ${r.seconds.toFixed(1)} s = ${r.docsPerSecond.toFixed(0)} docs/s, ${cpu(r)}, main thread ${r.mainThreadMsPerDocument ?? '?'} ms; rss at ${CHECKPOINTS.join(' / ')}: ${rss} MB; peak ${r.peakRssMB} MB; load average ${load}`,
        );
        if (r.threads) console.log(`run ${run}, import, CPU ms per document by thread (id after the main one's, started when): ${r.threads.map((t) => `${t.started === 'main' ? 'main' : `+${t.thread} ${t.started}`} ${t.ms}`).join(', ')}`);
      }
    }
    const r = results[run - 1]!;
    const a = anchors[run - 1]!;
    const f = floors[run - 1]!;
    console.log(
      `run ${run}, import / anchor: CPU per document ${(r.cpuMsPerDocument / a.cpuMsPerDocument).toFixed(2)}, documents per second ${(r.docsPerSecond / a.docsPerSecond).toFixed(2)}; floor / anchor: CPU ${(f.cpuMsPerDocument / a.cpuMsPerDocument).toFixed(2)}; import / floor: CPU ${(r.cpuMsPerDocument / f.cpuMsPerDocument).toFixed(2)}`,
    );
    console.log(
      `run ${run}, second import in the same process: ${r.again.docsPerSecond.toFixed(0)} docs/s, ${r.again.cpuMsPerDocument} ms CPU per document (main thread ${r.again.mainThreadMsPerDocument ?? '?'}, reader thread ${busiestOther(r.again.threads) ?? '?'}); anchor ${a.again.docsPerSecond.toFixed(0)} docs/s, ${a.again.cpuMsPerDocument} ms; import / anchor: CPU ${(r.again.cpuMsPerDocument / a.again.cpuMsPerDocument).toFixed(2)}`,
    );
  }
  const summary = {
    count: COUNT,
    seed: SEED,
    runs: RUNS,
    corpusMB: Number((corpus.bytes / MB).toFixed(1)),
    medianSeconds: Number(median(results.map((r) => r.seconds)).toFixed(2)),
    medianDocsPerSecond: Math.round(median(results.map((r) => r.docsPerSecond))),
    medianRssAtMB: Object.fromEntries(CHECKPOINTS.map((c) => [c, median(results.map((r) => r.rssAtMB[c]!))])),
    medianHeapAtMB: Object.fromEntries(CHECKPOINTS.map((c) => [c, median(results.map((r) => r.heapAtMB[c]!))])),
    medianPeakRssMB: median(results.map((r) => r.peakRssMB)),
    medianCpuMsPerDocument: median(results.map((r) => r.cpuMsPerDocument)),
    medianUserMsPerDocument: median(results.map((r) => r.userMsPerDocument)),
    medianSystemMsPerDocument: median(results.map((r) => r.systemMsPerDocument)),
    medianMainThreadMsPerDocument: medianOrNull(results.map((r) => r.mainThreadMsPerDocument)),
    /** The busiest thread after the main one: the reader thread (decoding, parsing, folding for the index). */
    medianReaderThreadMsPerDocument: medianOrNull(results.map((r) => busiestOther(r.threads))),
    medianWriteCallsPerDocument: medianOrNull(results.map((r) => r.writeCallsPerDocument)),
    medianWrittenKBPerDocument: medianOrNull(results.map((r) => r.writtenKBPerDocument)),
    loadAverageAtEnd: Number(os.loadavg()[0]!.toFixed(1)),
    rssGrowthLastHalfMB: median(results.map((r) => r.rssAtMB[CHECKPOINTS[2]!]! - r.rssAtMB[CHECKPOINTS[1]!]!)),
    machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version },
    anchor: {
      what: 'minimal durable import: read, SHA-256, write and fsync the original, fold, FTS5 insert, 50 per transaction',
      medianDocsPerSecond: Math.round(median(anchors.map((a) => a.docsPerSecond))),
      medianCpuMsPerDocument: median(anchors.map((a) => a.cpuMsPerDocument)),
      medianUserMsPerDocument: median(anchors.map((a) => a.userMsPerDocument)),
      medianSystemMsPerDocument: median(anchors.map((a) => a.systemMsPerDocument)),
      medianWriteCallsPerDocument: medianOrNull(anchors.map((a) => a.writeCallsPerDocument)),
      medianWrittenKBPerDocument: medianOrNull(anchors.map((a) => a.writtenKBPerDocument)),
      runs: anchors,
    },
    floor: {
      what: 'the anchor plus the parser on each text, in the same thread: the least an import that reads the metadata must do',
      medianDocsPerSecond: Math.round(median(floors.map((f) => f.docsPerSecond))),
      medianCpuMsPerDocument: median(floors.map((f) => f.cpuMsPerDocument)),
      /** Floor over anchor, run by run: the ratio no import that parses can go below. */
      cpuRatiosToAnchor: floors.map((f, i) => Number((f.cpuMsPerDocument / anchors[i]!.cpuMsPerDocument).toFixed(2))),
      medianCpuRatioToAnchor: Number(median(floors.map((f, i) => f.cpuMsPerDocument / anchors[i]!.cpuMsPerDocument)).toFixed(2)),
      /** Import over floor, run by run: what the import costs beyond the parse and the minimal durable import. */
      importCpuRatios: results.map((r, i) => Number((r.cpuMsPerDocument / floors[i]!.cpuMsPerDocument).toFixed(2))),
      medianImportCpuRatio: Number(median(results.map((r, i) => r.cpuMsPerDocument / floors[i]!.cpuMsPerDocument)).toFixed(2)),
      runs: floors,
    },
    /** Import over anchor, run by run (each pair measured back to back, in alternating order), then the median. */
    cpuRatios: results.map((r, i) => Number((r.cpuMsPerDocument / anchors[i]!.cpuMsPerDocument).toFixed(2))),
    medianCpuRatio: Number(median(results.map((r, i) => r.cpuMsPerDocument / anchors[i]!.cpuMsPerDocument)).toFixed(2)),
    medianSpeedRatio: Number(median(results.map((r, i) => r.docsPerSecond / anchors[i]!.docsPerSecond)).toFixed(2)),
    again: {
      what: 'a second import of as many other documents in the same process, code already optimised (the anchor likewise)',
      medianDocsPerSecond: Math.round(median(results.map((r) => r.again.docsPerSecond))),
      medianCpuMsPerDocument: median(results.map((r) => r.again.cpuMsPerDocument)),
      medianMainThreadMsPerDocument: medianOrNull(results.map((r) => r.again.mainThreadMsPerDocument)),
      medianReaderThreadMsPerDocument: medianOrNull(results.map((r) => busiestOther(r.again.threads))),
      anchorMedianDocsPerSecond: Math.round(median(anchors.map((a) => a.again.docsPerSecond))),
      anchorMedianCpuMsPerDocument: median(anchors.map((a) => a.again.cpuMsPerDocument)),
      cpuRatios: results.map((r, i) => Number((r.again.cpuMsPerDocument / anchors[i]!.again.cpuMsPerDocument).toFixed(2))),
      medianCpuRatio: Number(median(results.map((r, i) => r.again.cpuMsPerDocument / anchors[i]!.again.cpuMsPerDocument)).toFixed(2)),
      medianSpeedRatio: Number(median(results.map((r, i) => r.again.docsPerSecond / anchors[i]!.again.docsPerSecond)).toFixed(2)),
    },
    results,
  };
  console.log('\n| measure | median | anchor (minimal durable import) | ratio |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| documents per second | ${summary.medianDocsPerSecond} | ${summary.anchor.medianDocsPerSecond} | ${summary.medianSpeedRatio} |`);
  console.log(`| seconds for ${COUNT} | ${summary.medianSeconds} | | |`);
  console.log(`| CPU per document, all threads (ms) | ${summary.medianCpuMsPerDocument} | ${summary.anchor.medianCpuMsPerDocument} | ${summary.medianCpuRatio} (runs: ${summary.cpuRatios.join(', ')}) |`);
  console.log(`| of which user / kernel (ms) | ${summary.medianUserMsPerDocument} / ${summary.medianSystemMsPerDocument} | ${summary.anchor.medianUserMsPerDocument} / ${summary.anchor.medianSystemMsPerDocument} | |`);
  const floor = summary.floor;
  console.log(`| CPU per document of the floor: anchor + parser (ms) | ${floor.medianCpuMsPerDocument} | ${summary.anchor.medianCpuMsPerDocument} | ${floor.medianCpuRatioToAnchor} (runs: ${floor.cpuRatiosToAnchor.join(', ')}) |`);
  console.log(`| CPU per document, import / floor | | | ${floor.medianImportCpuRatio} (runs: ${floor.importCpuRatios.join(', ')}) |`);
  const main = summary.medianMainThreadMsPerDocument;
  if (main !== null) console.log(`| of which main thread / other threads (ms) | ${main} / ${(summary.medianCpuMsPerDocument - main).toFixed(3)} | | |`);
  const reader = summary.medianReaderThreadMsPerDocument;
  if (main !== null && reader !== null) {
    const rest = (summary.medianCpuMsPerDocument - main - reader).toFixed(3);
    console.log(`| of which reader thread / the rest: runtime helpers, file system pool (ms) | ${reader} / ${rest} | | |`);
  }
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? (a / b).toFixed(2) : '');
  console.log(`| write calls per document | ${summary.medianWriteCallsPerDocument ?? '?'} | ${summary.anchor.medianWriteCallsPerDocument ?? '?'} | ${ratio(summary.medianWriteCallsPerDocument, summary.anchor.medianWriteCallsPerDocument)} |`);
  console.log(`| KB written per document | ${summary.medianWrittenKBPerDocument ?? '?'} | ${summary.anchor.medianWrittenKBPerDocument ?? '?'} | ${ratio(summary.medianWrittenKBPerDocument, summary.anchor.medianWrittenKBPerDocument)} |`);
  const again = summary.again;
  console.log(`| second import in the same process: documents per second | ${again.medianDocsPerSecond} | ${again.anchorMedianDocsPerSecond} | ${again.medianSpeedRatio} |`);
  console.log(`| second import: CPU per document, all threads (ms) | ${again.medianCpuMsPerDocument} | ${again.anchorMedianCpuMsPerDocument} | ${again.medianCpuRatio} (runs: ${again.cpuRatios.join(', ')}) |`);
  const againMain = again.medianMainThreadMsPerDocument;
  const againReader = again.medianReaderThreadMsPerDocument;
  if (againMain !== null && againReader !== null) {
    const rest = (again.medianCpuMsPerDocument - againMain - againReader).toFixed(3);
    console.log(`| second import: of which main thread / reader thread / the rest (ms) | ${againMain} / ${againReader} / ${rest} | | |`);
  }
  for (const c of CHECKPOINTS) console.log(`| rss at ${c} documents (MB) | ${summary.medianRssAtMB[c]} (heap ${summary.medianHeapAtMB[c]}) | | |`);
  console.log(`| peak rss (MB) | ${summary.medianPeakRssMB} | | |`);
  console.log(`| rss growth, second half (MB) | ${summary.rssGrowthLastHalfMB} | | |`);
  const out = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'import.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nWrote ${path.join(out, 'import.json')}`);
}

const childAt = process.argv.indexOf('--child');
(childAt >= 0 ? child(process.argv[childAt + 1] as Kind, option('run', 1)) : main()).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
