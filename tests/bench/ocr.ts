/**
 * OCR benchmark (`npm run bench:ocr -- [--pages 20] [--workers 2] [--model standard|best] [--dpi 200]`):
 * generated archive-like documents set on A4 pages (DejaVu Serif, 13 pt) at 200 dpi, or `--dpi` (150
 * is an office scanner's lowest setting), scanned (skewed up to 1°, speckled, JPEG at quality 75), then read by Kho Lưu's OCR (tesseract.js on worker threads, the
 * reader an import uses) and, where Debian's `tesseract` with `tesseract-ocr-vie` is installed, by
 * the same number of `tesseract` processes side by side (the anchor, same pages, same run).
 *
 * Reports pages per minute (wall clock, and CPU seconds per page with what they give on free cores), peak resident memory of this process (the OCR workers are its threads)
 * and the character error rate against the text drawn on each page (median and mean), and the
 * ratios to the anchor. Writes tests/bench/results/ocr.json.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractText } from '../../electron/services/import/extractText';
import { OcrEngine, type OcrModel } from '../../electron/services/ocr/engine';
import { characterErrorRate } from '../support/cer';
import { asJpeg, scanPage } from '../support/scans';
import { generateDocuments } from './corpus/generate';

const run = promisify(execFile);

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const PAGES = Number(option('pages', '20'));
const DPI = Number(option('dpi', '200'));
const WORKERS = Number(option('workers', '2'));
// `standard` is the package's 4.0.0 data, `best` its 4.0.0_best_int (the same LSTM network without the legacy tables).
const MODEL: OcrModel = option('model', 'standard') === 'best' ? '4.0.0_best_int' : '4.0.0';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round2 = (x: number) => Number(x.toFixed(2));
/**
 * What the wall clock would show with the cores to ourselves: a shared machine (load far above
 * the core count) stretches both readers' wall time, not the CPU time a page costs. Assumes the
 * workers keep every core busy, which they do when pages wait (each worker reads one page).
 */
const onFreeCores = (cpuSecondsPerPage: number) => Number(((Math.min(WORKERS, os.availableParallelism()) * 60) / cpuSecondsPerPage).toFixed(1));

/** Pages of generated documents, scanned as JPEG files; the text drawn on each is its truth. */
async function makePages(dir: string): Promise<Array<{ file: string; truth: string }>> {
  const pages: Array<{ file: string; truth: string }> = [];
  const docs = generateDocuments({ count: PAGES * 2, seed: 7 });
  for (const doc of docs) {
    if (pages.length >= PAGES) break;
    const lines = doc.text
      .replace(/[*#\\]/g, '')
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean);
    const n = pages.length;
    const page = await scanPage({ lines, dpi: DPI, skew: ((n % 5) - 2) * 0.4, noise: 0.002, seed: n + 1 });
    const file = path.join(dir, `page-${String(n).padStart(3, '0')}.jpg`);
    fs.writeFileSync(file, await asJpeg(page, 75));
    pages.push({ file, truth: page.text });
  }
  return pages;
}

/** Runs `fn` on every item with `width` at a time, in order of start. */
async function pool<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

async function kholuu(pages: Array<{ file: string; truth: string }>) {
  const engine = new OcrEngine({ workers: WORKERS, model: MODEL });
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  // Workers started (and the model loaded) before the clock starts, as in a long import.
  await extractText('warm.jpg', fs.readFileSync(pages[0]!.file), { ocr: { engine } });
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const cers = await Promise.all(
    pages.map(async (p) => characterErrorRate((await extractText(path.basename(p.file), fs.readFileSync(p.file), { ocr: { engine } })).text, p.truth)),
  );
  const seconds = (performance.now() - start) / 1000;
  // CPU time of every thread of this process (the OCR workers, sharp's, the main one) while reading.
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(timer);
  await engine.close();
  return { seconds, pagesPerMinute: (pages.length / seconds) * 60, peakRssMB: Math.round(peak / 1048576), cers, cpuSecondsPerPage: (cpu.user + cpu.system) / 1e6 / pages.length };
}

function tesseractAvailable(): boolean {
  try {
    return execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n').includes('vie');
  } catch {
    return false;
  }
}

async function tesseractCli(pages: Array<{ file: string; truth: string }>) {
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const start = performance.now();
  const results = await pool(pages, WORKERS, async (p) => {
    const { stdout, stderr } = await run('/usr/bin/time', ['-f', 'maxrss=%M cpu=%U+%S', 'tesseract', p.file, '-', '-l', 'vie', '--psm', '3'], { env, maxBuffer: 16 << 20 });
    const rss = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? 0);
    const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(stderr);
    return { cer: characterErrorRate(stdout, p.truth), rssKB: rss, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN };
  });
  const seconds = (performance.now() - start) / 1000;
  return {
    seconds,
    pagesPerMinute: (pages.length / seconds) * 60,
    peakRssMB: Math.round((Math.max(...results.map((r) => r.rssKB)) * WORKERS) / 1024),
    cers: results.map((r) => r.cer),
    cpuSecondsPerPage: results.reduce((a, r) => a + r.cpuSeconds, 0) / results.length,
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-bench-ocr-'));
  const loadAtStart = Number(os.loadavg()[0]!.toFixed(1));
  try {
    console.log(`Scanning ${PAGES} generated A4 pages at ${DPI} dpi…`);
    const pages = await makePages(dir);
    console.log(`Reading them with Kho Lưu's OCR (${WORKERS} workers, model ${MODEL})…`);
    const ours = await kholuu(pages);
    const anchor = tesseractAvailable() && fs.existsSync('/usr/bin/time') ? (console.log(`Reading them with tesseract (${WORKERS} processes)…`), await tesseractCli(pages)) : null;
    const summary = {
      pages: PAGES,
      dpi: DPI,
      workers: WORKERS,
      model: MODEL,
      kholuu: { pagesPerMinute: Number(ours.pagesPerMinute.toFixed(1)), seconds: Number(ours.seconds.toFixed(1)), cpuSecondsPerPage: round2(ours.cpuSecondsPerPage), pagesPerMinuteOnFreeCores: onFreeCores(ours.cpuSecondsPerPage), peakRssMB: ours.peakRssMB, medianCer: median(ours.cers), meanCer: mean(ours.cers) },
      tesseract: anchor && { pagesPerMinute: Number(anchor.pagesPerMinute.toFixed(1)), seconds: Number(anchor.seconds.toFixed(1)), cpuSecondsPerPage: round2(anchor.cpuSecondsPerPage), pagesPerMinuteOnFreeCores: onFreeCores(anchor.cpuSecondsPerPage), peakRssMB: anchor.peakRssMB, medianCer: median(anchor.cers), meanCer: mean(anchor.cers) },
      ratios: anchor && { speed: Number((ours.pagesPerMinute / anchor.pagesPerMinute).toFixed(2)), cpuPerPage: round2(ours.cpuSecondsPerPage / anchor.cpuSecondsPerPage), meanCer: Number((mean(ours.cers) / Math.max(1e-6, mean(anchor.cers))).toFixed(2)) },
      goals: { pagesPerMinute: 20, peakRssMB: 1024, cerRatio: 1.2 },
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: Number(os.loadavg()[0]!.toFixed(1)),
      machine: { cores: os.availableParallelism(), memoryGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version },
      perPageCer: { kholuu: ours.cers.map((c) => Number(c.toFixed(4))), tesseract: anchor?.cers.map((c) => Number(c.toFixed(4))) ?? null },
    };
    const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
    console.log('\n| measure | Kho Lưu (tesseract.js) | tesseract command | ratio |');
    console.log('| --- | --- | --- | --- |');
    console.log(`| pages per minute (${WORKERS} at once) | ${summary.kholuu.pagesPerMinute} | ${summary.tesseract?.pagesPerMinute ?? '—'} | ${summary.ratios?.speed ?? '—'} |`);
    console.log(`| CPU seconds per page (all threads) | ${summary.kholuu.cpuSecondsPerPage} | ${summary.tesseract?.cpuSecondsPerPage ?? '—'} | ${summary.ratios?.cpuPerPage ?? '—'} |`);
    console.log(`| pages per minute if the ${WORKERS} cores were free (${WORKERS} × 60 / CPU s per page) | ${summary.kholuu.pagesPerMinuteOnFreeCores} | ${summary.tesseract?.pagesPerMinuteOnFreeCores ?? '—'} | |`);
    console.log(`| peak memory (MB) | ${ours.peakRssMB} | ${anchor?.peakRssMB ?? '—'} | |`);
    console.log(`| character error rate, median | ${pct(summary.kholuu.medianCer)} | ${anchor ? pct(median(anchor.cers)) : '—'} | |`);
    console.log(`| character error rate, mean | ${pct(summary.kholuu.meanCer)} | ${anchor ? pct(mean(anchor.cers)) : '—'} | ${summary.ratios?.meanCer ?? '—'} |`);
    console.log(`\nLoad average at the start ${summary.loadAverageAtStart}, at the end ${summary.loadAverageAtEnd} (the machine is shared: compare the ratio, measured in the same run).`);
    const out = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'ocr.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`Wrote ${path.join(out, 'ocr.json')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
