/**
 * Handover benchmark: packages and verifies a batch of 10,000 originals (~100 KB each, ~1 GB),
 * as a zip and as a folder, and receives it into an empty catalogue, each with the built command
 * line as users run it (`node dist/cli/main.mjs … handover package|verify|receive`, rebuilt first
 * when a source is newer); reports throughput in MB/s and time as a multiple of `sha256sum` over
 * the same originals (measured in the same round), beside Info-ZIP's `zip -0` plus an fsync of the
 * zip (where `zip` is installed), the CPU seconds and peak memory of each step, and how long each
 * stage of packaging took.
 *
 *   tsx tests/bench/handover.ts [--count 10000] [--seed 1] [--runs 3] [--no-receive] [--no-verify]
 *       [--cli other/dist/cli/main.mjs] [--compare before/dist/cli/main.mjs]
 *
 * The archive is generated once per (count, seed) into a temporary catalogue (documents from the
 * shared corpus generator: many issuers, places, number-symbols and topics; 30 % text originals
 * padded to ~100 KB, 70 % scan-like binary originals with no text layer), written through the
 * repositories and the content-addressed originals layout, then reused. Each measured step is one
 * command's process, timed from spawn to exit; `support/processMeter.mjs`, loaded into it, reports
 * its CPU seconds (every thread), its peak memory (`maxRSS`, plus rss sampled every 20 ms) and when
 * each stage of the job began (the jobs' diagnostics channel). The machine's page cache holds the
 * originals after the first read: the figures are for warm-cache reads, like `sha256sum`'s.
 *
 * Writes tests/bench/results/handover.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDispatch } from '../../electron/services/dispatch';
import { createServices, type Services } from '../../electron/services/createServices';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { corpusOrganizations, generateDocuments } from './corpus/generate';
import { documentFieldsOf } from './corpus/documentFields';
import { Rng } from './corpus/prng';

const HERE = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(HERE), '../..');
const MB = 1024 * 1024;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}
const COUNT = Number(option('count', '10000'));
const SEED = Number(option('seed', '1'));
const RUNS = Number(option('runs', '3'));
const DOCS_PER_FILE = 10;
const TARGET_BYTES = 100 * 1024;

const BASE = path.join(os.tmpdir(), `kholuu-bench-handover-${COUNT}-${SEED}`);
const CATALOGUE = path.join(BASE, 'catalogue.sqlite');
const ORIGINALS = path.join(BASE, 'catalogue.originals');
const MARKER = path.join(BASE, 'complete.json');

type Call = <N extends OperationName>(name: N, input: InputOf<N>) => Promise<OutputOf<N>>;

function open(cataloguePath: string): { services: Services; call: Call } {
  const services = createServices({ cataloguePath, host: 'test', version: 'bench', actor: 'bench' });
  const dispatch = createDispatch(services.handlers, { error: (m) => console.error(m) });
  const call: Call = async (name, input) => {
    const reply = await dispatch(name, input);
    if (!reply.ok) throw ApiError.fromBody(reply.error);
    return reply.result as never;
  };
  return { services, call };
}

// ---------------------------------------------------------------------------------------------
// Setup: the generated archive, once.

const PERMANENT_TYPES = new Set(['KẾT LUẬN', 'NGHỊ QUYẾT', 'CHỈ THỊ', 'QUYẾT ĐỊNH', 'QUY ĐỊNH', 'QUY CHẾ', 'ĐỀ ÁN', 'CHƯƠNG TRÌNH']);

function storeOriginal(bytes: Buffer, ext: string): { sha256: string; storedPath: string } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const storedPath = path.join(sha256.slice(0, 2), `${sha256}${ext}`);
  const target = path.join(ORIGINALS, storedPath);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, bytes);
  return { sha256, storedPath };
}

/** A text original: the generated document, its body repeated with numbered paragraphs to ~100 KB. */
function textOriginal(text: string, index: number, target: number): Buffer {
  const parts = [text];
  let size = Buffer.byteLength(text);
  for (let n = 1; size < target; n++) {
    const para = `\n\n(Phụ lục ${index}.${n}) ${text.slice(Math.min(text.length - 1, (n * 997) % Math.max(1, text.length - 2000)), (n * 997) % Math.max(1, text.length - 2000) + 2000)}`;
    parts.push(para);
    size += Buffer.byteLength(para);
  }
  return Buffer.from(parts.join(''), 'utf8');
}

/** A scan-like original: a PDF header, then deterministic noise (no text layer). */
function scanOriginal(rng: Rng, index: number, size: number): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% Kho Lưu bench scan ${index}\n`, 'utf8');
  const body = Buffer.alloc(size - head.length);
  for (let i = 0; i < body.length; i += 4) body.writeUInt32LE(rng.nextU32(), Math.min(i, body.length - 4));
  return Buffer.concat([head, body]);
}

async function setup(): Promise<void> {
  if (fs.existsSync(MARKER)) return;
  fs.rmSync(BASE, { recursive: true, force: true });
  fs.mkdirSync(BASE, { recursive: true });
  const { services, call } = open(CATALOGUE);
  const { repos } = services.context.catalogue;
  const now = new Date().toISOString();
  const rng = new Rng(SEED * 7919);

  // The handing-over body: a district committee dissolved in 2025, with its successor.
  const orgs = corpusOrganizations(SEED);
  const district = orgs.find((o) => o.level === 'district' && o.endDate && o.successorCodes.length > 0 && o.fondsCode === o.code)!;
  const successor = orgs.find((o) => o.code === district.successorCodes[0])!;
  const fromId = repos.organizations.insert({ code: district.code, name: district.name, level: 'district', endDate: district.endDate }, now);
  const toId = repos.organizations.insert({ code: successor.code, name: successor.name, level: successor.level === 'agency' ? 'agency' : successor.level }, now);
  repos.organizations.addSuccession(fromId, toId, district.endDate, 'Kết thúc hoạt động cấp huyện (2025)');
  const fondsId = repos.fonds.insert({ code: district.code, name: `Phông ${district.name}`, organizationId: fromId, status: 'closed' }, now);

  let files = 0;
  let bytes = 0;
  let group: Array<{ doc: ReturnType<typeof generateDocuments> extends Iterable<infer D> ? D : never; bytes: Buffer; ext: string }> = [];
  const flush = () => {
    if (group.length === 0) return;
    const dates = group.map((g) => g.doc.date).sort();
    const first = group[0]!.doc.truth;
    const permanent = group.some((g) => PERMANENT_TYPES.has(g.doc.truth.docType));
    services.context.catalogue.transaction(() => {
      files++;
      const fileId = repos.files.insert(
        {
          fondsId,
          code: String(files),
          title: `${first.docType.charAt(0)}${first.docType.slice(1).toLocaleLowerCase('vi')} ${first.subject}`.slice(0, 900),
          startDate: dates[0]!,
          endDate: dates[dates.length - 1]!,
          retentionCode: permanent ? 'VV' : rng.next() < 0.5 ? '20' : '10',
          completion: rng.next() < 0.9 ? 'completed' : 'unfinished',
          sheetCount: 10 + Math.floor(rng.next() * 190),
        },
        now,
      );
      group.forEach((g, i) => {
        const t = g.doc.truth;
        const stored = storeOriginal(g.bytes, g.ext);
        const documentId = repos.documents.insert(
          documentFieldsOf(t, {
            fondsId,
            fileId,
            orderInFile: i + 1,
            sheetNumber: `${i * 3 + 1}-${i * 3 + 3}`,
            // Secret documents travel only with a recorded confirmation: this batch has none.
            securityLevel: null,
            fullText: g.ext === '.txt' ? g.bytes.toString('utf8') : '',
          }),
          now,
        );
        repos.attachments.insert({ documentId, fileName: g.doc.fileName.replace(/\.txt$/, g.ext), mediaType: g.ext === '.txt' ? 'text/plain' : 'application/pdf', size: g.bytes.length, sha256: stored.sha256, storedPath: stored.storedPath }, now);
        bytes += g.bytes.length;
      });
    });
    group = [];
  };
  let n = 0;
  for (const doc of generateDocuments({ count: COUNT, seed: SEED })) {
    const size = Math.round(TARGET_BYTES * (0.8 + rng.next() * 0.4));
    const text = rng.next() < 0.3;
    group.push({ doc, bytes: text ? textOriginal(doc.text, doc.index, size) : scanOriginal(rng, doc.index, size), ext: text ? '.txt' : '.pdf' });
    if (group.length >= DOCS_PER_FILE) flush();
    if (++n % 1000 === 0) process.stderr.write(`\rsetup: ${n}/${COUNT} originals`);
  }
  flush();
  process.stderr.write('\n');

  const batch = await call('handover.batches.create', {
    code: 'BG-BENCH',
    fromOrganizationId: fromId,
    toOrganizationId: toId,
    recipientKind: 'successor',
    legalBasis: 'Công văn số 64-CV/TW ngày 10/4/2025 của Ban Bí thư',
  });
  const fileIds = repos.handoverData.inventoryFiles({ fondsIds: [fondsId] }).map((f) => f.id);
  await call('handover.batches.addFiles', { batchId: batch.id, fileIds });
  await call('handover.batches.assignBoxes', { batchId: batch.id, filesPerBox: 20 });
  await call('handover.batches.advance', { id: batch.id, to: 'listed' });
  await services.close();
  fs.writeFileSync(MARKER, JSON.stringify({ batchId: batch.id, files, documents: COUNT, bytes }));
}

// ---------------------------------------------------------------------------------------------
// Measured steps, each in its own process.

interface StepResult {
  seconds: number;
  cpuSeconds?: number;
  peakRssMB: number;
  maxRssMB: number;
  bytes: number;
  files: number;
  detail?: unknown;
}

/** The built command line measured: this checkout's (rebuilt when stale), or another build's (`--cli`, to compare two builds). */
const CLI = path.resolve(option('cli', path.join(REPO, 'dist/cli/main.mjs')));
/** A second build packaging the same batch in the same rounds, alternately first and second (`--compare`: before and after a change). */
const COMPARED = process.argv.includes('--compare') ? path.resolve(option('compare', '')) : null;
const METER = path.join(REPO, 'tests/bench/support/processMeter.mjs');

/**
 * Runs the built command line (`node dist/cli/main.mjs`, what users run: no TypeScript compiled at
 * start) on `db` with `args`; its wall time from spawn to exit, and from inside the process
 * (`processMeter.mjs`) its CPU seconds, peak memory and when each job phase began.
 */
interface Metered {
  seconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  maxRssMB: number;
  stages: Array<{ name: string; at: number }>;
}

function cli(db: string, args: string[], command = CLI): StepResult & { stages: Record<string, number>; stdout: string } {
  const meter = path.join(os.tmpdir(), `kholuu-bench-meter-${process.pid}.json`);
  fs.rmSync(meter, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(METER).href, command, '--db', db, '--user', 'bench', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * MB,
    env: { ...process.env, KHOLUU_BENCH_METER: meter },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let m: Metered;
  try {
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
    m = JSON.parse(fs.readFileSync(meter, 'utf8')) as Metered;
  } finally {
    // Also when the command failed: no meter file is left behind.
    fs.rmSync(meter, { force: true });
  }
  // 'starting': Node, the command line and the catalogue opened, the batch checked, until the job
  // begins; then each phase of the job; 'ending': from the job's end until the process exits.
  const stages: Record<string, number> = { starting: 0 };
  for (const e of m.stages) if (e.name !== 'running') stages[e.name === 'done' ? 'ending' : e.name] ??= e.at;
  stages['exit'] = m.seconds;
  return { seconds, cpuSeconds: m.cpuSeconds, peakRssMB: m.peakRssMB, maxRssMB: m.maxRssMB, bytes: 0, files: 0, stages, stdout: r.stdout };
}

function stepPackage(out: string, command = CLI): StepResult {
  const { batchId } = JSON.parse(fs.readFileSync(MARKER, 'utf8')) as { batchId: number };
  const r = cli(CATALOGUE, ['handover', 'package', String(batchId), '--out', out], command);
  return { ...r, ...oxumOf(out), detail: { stages: r.stages } };
}

/** The package's Payload-Oxum (bytes and files of its payload), from its bag-info.txt. */
function oxumOf(location: string): { bytes: number; files: number } {
  const info = location.endsWith('.zip') ? execFileSync('unzip', ['-p', location, `${path.basename(location, '.zip')}/bag-info.txt`], { encoding: 'utf8' }) : fs.readFileSync(path.join(location, 'bag-info.txt'), 'utf8');
  const m = /Payload-Oxum: (\d+)\.(\d+)/.exec(info);
  if (!m) throw new Error(`no Payload-Oxum in ${location}`);
  return { bytes: Number(m[1]), files: Number(m[2]) };
}

function stepVerify(location: string): StepResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-bench-verify-'));
  try {
    const r = cli(path.join(dir, 'empty.sqlite'), ['handover', 'verify', location, '--json']);
    const { valid, report } = JSON.parse(r.stdout) as { valid: boolean; report: { problemCount: number; payloadBytes: number; payloadFiles: number } };
    if (!valid) throw new Error(`verify: not valid (${report.problemCount} problems)`);
    return { ...r, bytes: report.payloadBytes, files: report.payloadFiles };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function stepReceive(location: string): StepResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-bench-receive-'));
  try {
    const r = cli(path.join(dir, 'receiver.sqlite'), ['handover', 'receive', location]);
    return { ...r, ...oxumOf(location) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Info-ZIP's `zip -0` (stored, as the originals are) over the same originals, then the zip flushed
 * to disk: what writing a zip of these files costs a well-tuned C program, the second anchor.
 */
function infoZip(out: string): { seconds: number; bytes: number } | null {
  if (spawnSync('zip', ['-v'], { stdio: 'ignore' }).status !== 0) return null;
  fs.rmSync(out, { force: true });
  const start = process.hrtime.bigint();
  execFileSync('zip', ['-0', '-q', '-r', out, '.'], { cwd: ORIGINALS });
  const fd = fs.openSync(out, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const bytes = (JSON.parse(fs.readFileSync(MARKER, 'utf8')) as { bytes: number }).bytes;
  fs.rmSync(out, { force: true });
  return { seconds, bytes };
}

/** `sha256sum` over the originals (or one file), the reference for reading and hashing speed. */
function sha256sum(target: 'originals' | string): { seconds: number; bytes: number } {
  const start = process.hrtime.bigint();
  if (target === 'originals') execFileSync('sh', ['-c', `find "${ORIGINALS}" -type f -print0 | xargs -0 sha256sum > /dev/null`]);
  else execFileSync('sha256sum', [target], { stdio: 'ignore' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const bytes = target === 'originals' ? (JSON.parse(fs.readFileSync(MARKER, 'utf8')) as { bytes: number }).bytes : fs.statSync(target).size;
  return { seconds, bytes };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const t0 = Date.now();
  await setup();
  const info = JSON.parse(fs.readFileSync(MARKER, 'utf8')) as { files: number; documents: number; bytes: number };
  console.log(`Batch: ${info.documents} originals in ${info.files} files, ${(info.bytes / MB).toFixed(0)} MB (setup ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  // The steps run the built command line: built now when a source is newer than it.
  if (!process.argv.includes('--cli')) execFileSync(process.execPath, [path.join(REPO, 'scripts/build-cli.mjs'), '--if-stale', '--quiet'], { cwd: REPO, stdio: 'inherit' });
  console.log(`Command line: ${path.relative(process.cwd(), CLI)}${COMPARED ? `; compared with ${COMPARED} (rows marked "other")` : ''}`);
  // Warm the page cache once, so every step reads from memory as sha256sum does, and open the
  // catalogue once with the command line (its first opening after the setup does one-time work).
  sha256sum('originals');
  sha256sum(CATALOGUE);
  cli(CATALOGUE, ['removed']);

  const rows: Record<string, Array<{ seconds: number; cpuSeconds?: number; mbps: number; peakRssMB: number; maxRssMB: number; stages?: Record<string, number> }>> = {};
  const record = (name: string, r: { seconds: number; cpuSeconds?: number; bytes: number; peakRssMB?: number; maxRssMB?: number; detail?: unknown }) => {
    const stages = (r.detail as { stages?: Record<string, number> } | undefined)?.stages;
    (rows[name] ??= []).push({ seconds: r.seconds, ...(r.cpuSeconds !== undefined ? { cpuSeconds: r.cpuSeconds } : {}), mbps: r.bytes / MB / r.seconds, peakRssMB: r.peakRssMB ?? 0, maxRssMB: r.maxRssMB ?? 0, ...(stages ? { stages } : {}) });
  };
  const receive = !process.argv.includes('--no-receive');
  const verify = !process.argv.includes('--no-verify');
  for (let run = 0; run < RUNS; run++) {
    record('sha256sum (originals)', sha256sum('originals'));
    const zipped = infoZip(path.join(BASE, `info-zip-${run}.zip`));
    if (zipped) record('zip -0 + fsync (Info-ZIP)', zipped);
    for (const zip of [true, false]) {
      const out = path.join(BASE, `goi-${run}${zip ? '.zip' : ''}`);
      const kind = zip ? 'zip' : 'folder';
      // With `--compare`, the two builds take turns at going first.
      const builds = !COMPARED ? [CLI] : run % 2 === 0 ? [CLI, COMPARED] : [COMPARED, CLI];
      for (const build of builds) {
        fs.rmSync(out, { recursive: true, force: true });
        record(`package (${kind})${build === CLI ? '' : ' other'}`, stepPackage(out, build));
        if (build === CLI) {
          if (verify) record(`verify (${kind})`, stepVerify(out));
          if (zip) record('sha256sum (the zip)', sha256sum(out));
          if (zip && receive && run === 0) record('receive (zip)', stepReceive(out));
        }
        fs.rmSync(out, { recursive: true, force: true });
      }
    }
    process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
  }

  const shaRuns = rows['sha256sum (originals)']!;
  const table = Object.entries(rows).map(([step, rs]) => ({
    step,
    runs: rs.length,
    /** Time over `sha256sum`'s on the same originals, run by run (each measured in the same round), then the median. */
    timeVsSha256sum: rs.length === shaRuns.length ? median(rs.map((r, i) => r.seconds / shaRuns[i]!.seconds)) : null,
    medianSeconds: median(rs.map((r) => r.seconds)),
    /** CPU seconds of the step's process while it ran (every thread), where measured. */
    medianCpuSeconds: rs.every((r) => r.cpuSeconds !== undefined) ? median(rs.map((r) => r.cpuSeconds!)) : null,
    medianMBps: median(rs.map((r) => r.mbps)),
    peakRssMB: Math.max(...rs.map((r) => r.peakRssMB)),
    maxRssMB: Math.max(...rs.map((r) => r.maxRssMB)),
  }));
  const ref = table.find((r) => r.step === 'sha256sum (originals)')!.medianMBps;
  console.log('\nstep                       runs  median s   MB/s   × sha256sum speed   time × sha256sum   CPU s   peak rss MB (sampled / maxRSS)');
  for (const r of table) {
    console.log(
      `${r.step.padEnd(27)}${String(r.runs).padStart(4)}${r.medianSeconds.toFixed(2).padStart(10)}${r.medianMBps.toFixed(0).padStart(7)}${(r.medianMBps / ref).toFixed(2).padStart(20)}${(r.timeVsSha256sum === null ? '—' : r.timeVsSha256sum.toFixed(2)).padStart(19)}${(r.medianCpuSeconds === null ? '—' : r.medianCpuSeconds.toFixed(2)).padStart(8)}   ${r.peakRssMB ? `${r.peakRssMB.toFixed(0)} / ${r.maxRssMB.toFixed(0)}` : '—'}`,
    );
  }
  // Where packaging's time goes: each stage's median seconds, from its start to the next one's.
  const kinds = COMPARED ? ['zip', 'folder', 'zip) other', 'folder) other'] : ['zip', 'folder'];
  console.log('\nstage (package)            ' + kinds.map((k) => k.replace(')', '').padStart(14)).join(''));
  const stageSeconds = (kind: string) => {
    const out: Record<string, number[]> = {};
    for (const r of rows[kind.includes(')') ? `package (${kind}` : `package (${kind})`] ?? []) {
      const seen = Object.entries(r.stages ?? {}).sort((x, y) => x[1] - y[1]);
      for (let i = 0; i + 1 < seen.length; i++) (out[seen[i]![0]] ??= []).push(seen[i + 1]![1] - seen[i]![1]);
    }
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, median(v)]));
  };
  const stages = kinds.map(stageSeconds);
  for (const name of new Set(stages.flatMap((st) => Object.keys(st)))) {
    console.log(`${name.padEnd(27)}${stages.map((st) => (st[name] === undefined ? '—' : st[name]!.toFixed(2)).padStart(14)).join('')}`);
  }
  const outDir = path.join(REPO, 'tests/bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, 'handover.json'),
    JSON.stringify({ at: new Date().toISOString(), count: COUNT, seed: SEED, runs: RUNS, batch: info, machine: { cpus: os.cpus().length, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, table, rows }, null, 2),
  );
  console.log(`\nWrote tests/bench/results/handover.json`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
