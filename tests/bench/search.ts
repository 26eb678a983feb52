/**
 * Search benchmark: `npx tsx tests/bench/search.ts --size 100000 [--texts 100000]
 * [--seed 1] [--rounds 5] [--rebuild] [--minisearch] [--build-only]`.
 *
 * Builds (once, cached under .cache/bench-search/) a catalogue of generated documents, then
 * measures over a fixed query set: p50/p95 latency by kind, facets, typing, time from opening to
 * the first answer, re-indexing one edited document, resident memory, disk size, and whether each
 * query with a known answer has it in the top 3. Prints a table, writes JSON to tests/bench/results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../support/paths';
import { spawnSync } from 'node:child_process';
import { corpusFonds, generateDocuments, type GeneratedDocument } from './corpus/generate';
import { buildCatalogue, builtWith, type BuildReport } from './search/buildCatalogue';
import { buildQuerySet } from './search/querySet';
import { compareMiniSearch } from './search/miniSearchCompare';
import type { ServiceFigures } from './search/measure';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const size = Number(arg('size', '10000'));
const texts = Number(arg('texts', String(Math.min(size, 100_000))));
const seed = Number(arg('seed', '1'));
const rounds = Number(arg('rounds', '5'));
const cacheDir = path.join(REPO, '.cache', 'bench-search');
const cataloguePath = path.join(cacheDir, `catalogue-${size}-${texts}-s${seed}.sqlite`);
const buildReportPath = `${cataloguePath}.build.json`;

/** What the query set needs of a document's truth (a million full truths would not fit well). */
function slim(d: GeneratedDocument): GeneratedDocument {
  const t = d.truth;
  return {
    fileName: '',
    text: '',
    fondsCode: d.fondsCode,
    index: d.index,
    date: d.date,
    truth: { ...t, recipients: [], addressees: [], citations: [] },
  };
}

async function main(): Promise<void> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const built = builtWith(cataloguePath);
  let build: BuildReport;
  if (flag('rebuild') || !built || built.size !== size || built.texts !== texts || built.seed !== seed) {
    console.log(`Building ${size.toLocaleString('en')} documents (${texts.toLocaleString('en')} with full text) into ${path.relative(REPO, cataloguePath)} …`);
    let last = 0;
    build = buildCatalogue(cataloguePath, {
      size,
      texts,
      seed,
      onProgress: (done, total) => {
        if (done - last >= Math.max(10_000, total / 20) || done === total) {
          last = done;
          process.stdout.write(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}\n`);
        }
      },
    });
    fs.writeFileSync(buildReportPath, JSON.stringify(build, null, 2));
  } else {
    build = JSON.parse(fs.readFileSync(buildReportPath, 'utf8')) as BuildReport;
    console.log(`Using cached ${path.relative(REPO, cataloguePath)} (built in ${(build.totalMs / 1000).toFixed(0)} s).`);
  }
  if (flag('build-only')) return;

  // The truth of every document (metadata only: fast), ids in insertion order.
  const docs: GeneratedDocument[] = [];
  for (const d of generateDocuments({ count: Math.min(texts, size), seed, withText: false })) docs.push(slim(d));
  if (size > texts) for (const d of generateDocuments({ count: size - texts, seed, startIndex: texts, withText: false })) docs.push(slim(d));
  const fondsIds = new Map(corpusFonds(seed).map((f, i) => [f.code, i + 1]));
  const queries = buildQuerySet({ docs, texts, seed, fondsIdOf: (c) => fondsIds.get(c) ?? 1 });
  docs.length = 0;

  // The services run in a process of their own: its memory and start-up are theirs alone.
  const queriesPath = path.join(cacheDir, `queries-${size}-${texts}-s${seed}.json`);
  const figuresPath = path.join(cacheDir, `figures-${size}-${texts}-s${seed}.json`);
  fs.writeFileSync(queriesPath, JSON.stringify(queries));
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'tests', 'bench', 'search', 'serviceRun.ts'), cataloguePath, queriesPath, String(rounds), figuresPath], {
    stdio: 'inherit',
  });
  if (child.status !== 0) throw new Error(`service run failed (${child.status})`);
  const service = JSON.parse(fs.readFileSync(figuresPath, 'utf8')) as ServiceFigures;
  const mini = flag('minisearch') ? await compareMiniSearch(cataloguePath, queries, Number(arg('ms-docs', String(Math.min(texts, 20_000)))), rounds) : null;

  const files = [cataloguePath, `${cataloguePath}-wal`].filter((f) => fs.existsSync(f));
  const diskBytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const result = {
    size,
    texts,
    seed,
    rounds,
    machine: { cpus: (await import('node:os')).cpus().length, loadavg: (await import('node:os')).loadavg() },
    build: { ...build, indexMs: Math.round(build.indexMs), totalMs: Math.round(build.totalMs) },
    diskMB: Math.round(diskBytes / 1e5) / 10,
    ...service,
    minisearch: mini,
  };
  printTable(result);
  const outDir = path.join(REPO, 'tests', 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `search-${size}-${texts}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(`\nJSON: ${path.relative(REPO, out)}`);
}

function printTable(r: ReturnType<typeof Object> & Record<string, any>): void {
  const line = (a: string, b: string) => console.log(`${a.padEnd(44)} ${b}`);
  console.log(`\n=== Search benchmark: ${r.size.toLocaleString('en')} documents, ${r.texts.toLocaleString('en')} with full text (medians of ${r.rounds} rounds) ===`);
  line('index build (search index only / whole load)', `${(r.build.indexMs / 1000).toFixed(1)} s / ${(r.build.totalMs / 1000).toFixed(1)} s`);
  line('disk (catalogue file) / of which search index', `${r.diskMB} MB / ${r.indexMB} MB`);
  line('open → first answered query', `${r.firstQueryMs.toFixed(0)} ms`);
  line('resident memory after the query set (RSS)', `${r.rssMB} MB (heap ${r.heapMB} MB)`);
  line('re-index one edited document (index / whole edit)', `${r.reindexMs.p50.toFixed(2)} ms / ${r.editMs.p50.toFixed(2)} ms (p50), p95 ${r.reindexMs.p95.toFixed(2)} / ${r.editMs.p95.toFixed(2)}`);
  line('queries: all kinds, wall time', `p50 ${r.all.p50.toFixed(1)} ms, p95 ${r.all.p95.toFixed(1)} ms, max ${r.all.max.toFixed(1)} ms (${r.all.n} queries)`);
  line('queries: all kinds, CPU time', `p50 ${r.allCpu.p50.toFixed(1)} ms, p95 ${r.allCpu.p95.toFixed(1)} ms (load average ${r.machine.loadavg.map((x: number) => x.toFixed(1)).join(' ')})`);
  console.log('\n  kind                 n  wall p50  wall p95   cpu p50  cpu p95  median hits');
  for (const [kind, k] of Object.entries(r.byKind as Record<string, { n: number; p50: number; p95: number; hits: number; cpuP50: number; cpuP95: number }>)) {
    console.log(
      `  ${kind.padEnd(18)} ${String(k.n).padStart(3)} ${k.p50.toFixed(1).padStart(9)} ${k.p95.toFixed(1).padStart(9)} ${k.cpuP50.toFixed(1).padStart(9)} ${k.cpuP95.toFixed(1).padStart(8)} ${String(k.hits).padStart(12)}`,
    );
  }
  line('\nfacets (12 facets, counts per value)', `p50 ${r.facets.p50.toFixed(1)} ms, p95 ${r.facets.p95.toFixed(1)} ms (${r.facets.n} requests)`);
  line('typing, per keystroke', `p50 ${r.typing.p50.toFixed(1)} ms, p95 ${r.typing.p95.toFixed(1)} ms (${r.typing.n} keystrokes)`);
  line('relevance: known answer in top 3', `${r.relevance.top3} / ${r.relevance.total}`);
  for (const miss of r.relevance.misses as string[]) console.log(`   miss: ${miss}`);
  if (r.minisearch) {
    const m = r.minisearch;
    console.log(`\n--- MiniSearch vs FTS5 on the same ${m.docs.toLocaleString('en')} documents and the same word queries ---`);
    line('MiniSearch build / heap', `${(m.buildMs / 1000).toFixed(1)} s / ${m.heapMB} MB`);
    line('MiniSearch query p50 / p95', `${m.mini.p50.toFixed(1)} / ${m.mini.p95.toFixed(1)} ms`);
    line('FTS5 engine query p50 / p95 (same queries)', `${m.fts.p50.toFixed(1)} / ${m.fts.p95.toFixed(1)} ms`);
    line('MiniSearch known answers in top 3', `${m.miniTop3} / ${m.knownTotal} (FTS5: ${m.ftsTop3})`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
