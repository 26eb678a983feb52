/**
 * Command-line start-up benchmark: time from process start to the first search answer on the
 * search benchmark's catalogue (100,000 documents by default), for the built command line
 * (`node dist/cli/main.mjs … search … --json`, what `npm run cli` runs) beside the anchor — bare
 * Node opening the same file with better-sqlite3 and querying the FTS5 index — and, for reference,
 * the command line run from its TypeScript sources through tsx. Each is a fresh process, run in
 * turn (anchor, built, sources) `--runs` times; medians and ratios to the anchor are reported.
 *
 *   tsx tests/bench/startup.ts [--size 100000] [--runs 11] [--query "ban giao tai lieu"]
 *
 * The catalogue is the one `npm run bench:search -- --size N` builds and caches in
 * `.cache/bench-search/` (built here first if missing). Writes tests/bench/results/startup.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold } from '../../shared/text/fold';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SIZE = Number(arg('size', '100000'));
const RUNS = Number(arg('runs', '11'));
const QUERY = arg('query', 'ban giao tai lieu');
const catalogue = path.join(REPO, '.cache', 'bench-search', `catalogue-${SIZE}-${Math.min(SIZE, 100_000)}-s1.sqlite`);

/** The anchor: open the catalogue and ask FTS5 for the first page of matches, nothing else. */
const BARE = `
const Database = require(${JSON.stringify(path.join(REPO, 'node_modules', 'better-sqlite3-multiple-ciphers'))});
const db = new Database(process.argv[1], { readonly: true });
const rows = db.prepare('SELECT rowid FROM document_fts WHERE document_fts MATCH ? ORDER BY rowid DESC LIMIT 20').all(process.argv[2]);
process.stdout.write(JSON.stringify({ hits: rows.length }) + '\\n');
`;

interface Timed {
  ms: number;
  /** User + system CPU time of the process: what it costs whatever else the machine is doing. */
  cpuMs: number | null;
  hits: number;
}

/** GNU time reports the child's CPU time; without it only wall time is measured. */
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function timed(command: string, args: string[]): Timed {
  const started = process.hrtime.bigint();
  const r = GNU_TIME
    ? spawnSync(GNU_TIME, ['-f', 'KHOLUU-CPU %U %S', command, ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(command, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu = /KHOLUU-CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  const out = JSON.parse(r.stdout) as { hits: unknown[] | number; total?: number };
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null, hits: typeof out.hits === 'number' ? out.hits : out.hits.length };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function main(): void {
  if (!fs.existsSync(catalogue)) {
    console.log(`Building the ${SIZE.toLocaleString('en')}-document catalogue (once) …`);
    execFileSync(process.execPath, [path.join(REPO, 'node_modules/tsx/dist/cli.mjs'), 'tests/bench/search.ts', '--size', String(SIZE), '--build-only'], { cwd: REPO, stdio: 'inherit' });
  }
  execFileSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale', '--quiet'], { cwd: REPO, stdio: 'inherit' });
  // The search command opens the catalogue for writing (it may record the search): work on a copy.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-bench-startup-'));
  const db = path.join(work, 'catalogue.sqlite');
  execFileSync(process.execPath, ['-e', `const D=require(${JSON.stringify(path.join(REPO, 'node_modules', 'better-sqlite3-multiple-ciphers'))});const d=new D(process.argv[1]);d.prepare('VACUUM INTO ?').run(process.argv[2]);d.close();`, catalogue, db]);
  const ftsQuery = fold(QUERY)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `"${w}"`)
    .join(' ');
  const variants: Array<{ name: string; run: () => Timed }> = [
    { name: 'bare node + FTS5 (anchor)', run: () => timed(process.execPath, ['-e', BARE, db, ftsQuery]) },
    { name: 'built CLI (npm run cli)', run: () => timed(process.execPath, [path.join(REPO, 'dist', 'cli', 'main.mjs'), '--db', db, 'search', QUERY, '--limit', '20', '--json']) },
    { name: 'CLI from sources (tsx)', run: () => timed(process.execPath, [path.join(REPO, 'node_modules/tsx/dist/cli.mjs'), 'electron/cli/main.ts', '--db', db, 'search', QUERY, '--limit', '20', '--json']) },
  ];
  // One warm-up of each: the file in the page cache, as on a machine in use.
  for (const v of variants) v.run();
  const times = new Map<string, Timed[]>(variants.map((v) => [v.name, []]));
  for (let i = 0; i < RUNS; i++) for (const v of variants) times.get(v.name)!.push(v.run());
  fs.rmSync(work, { recursive: true, force: true });

  const anchor = median(times.get(variants[0]!.name)!.map((t) => t.ms));
  const cpuOf = (ts: Timed[]) => (ts.every((t) => t.cpuMs !== null) ? median(ts.map((t) => t.cpuMs!)) : null);
  const anchorCpu = cpuOf(times.get(variants[0]!.name)!);
  const rows = variants.map((v) => {
    const ts = times.get(v.name)!;
    const ms = median(ts.map((t) => t.ms));
    const cpu = cpuOf(ts);
    return {
      name: v.name,
      medianMs: Math.round(ms),
      minMs: Math.round(Math.min(...ts.map((t) => t.ms))),
      ratio: Number((ms / anchor).toFixed(2)),
      medianCpuMs: cpu === null ? null : Math.round(cpu),
      cpuRatio: cpu === null || !anchorCpu ? null : Number((cpu / anchorCpu).toFixed(2)),
      hits: ts[0]!.hits,
    };
  });
  console.log(`\nFirst search answer from process start, ${SIZE.toLocaleString('en')} documents, query “${QUERY}”, ${RUNS} runs each (load average ${os.loadavg()[0]!.toFixed(1)})`);
  console.log('| process | median ms | min ms | × anchor | median CPU ms | CPU × anchor | matches |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.name} | ${r.medianMs} | ${r.minMs} | ${r.ratio} | ${r.medianCpuMs ?? '—'} | ${r.cpuRatio ?? '—'} | ${r.hits} |`);
  const out = path.join(REPO, 'tests', 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, 'startup.json'),
    `${JSON.stringify({ size: SIZE, runs: RUNS, query: QUERY, loadAverage: os.loadavg()[0], machine: { cores: os.cpus().length, node: process.version }, rows }, null, 2)}\n`,
  );
  console.log(`\nWrote ${path.join(out, 'startup.json')}`);
}

main();
