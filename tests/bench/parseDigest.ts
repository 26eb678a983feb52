/**
 * The parser's answers, hashed, and its cost per document: a change meant to make the parser
 * cheaper (not to change what it reads) must leave every digest as it was.
 *
 * Reads the seeds, the fixture documents (`tests/fixtures/documents`), the real documents' text, Word and PDF copies (made or found in
 * `.cache/real-copies/`, as `eval:real` does) and the import benchmark's generated corpus (in
 * memory, same count and seed as `bench:import`), each through `extractText` and `parseDocument`
 * as an import does, and prints one SHA-256 per group and over all of them. `--out FILE` writes one
 * line per document (name and digest of its `ParseResult`), to compare two builds line by line.
 * Then times the parser over the generated corpus (CPU of this thread, `--rounds` passes, median):
 * the whole `parseDocument` and the region finder (`findDocument`) alone. With `--against DIR`
 * (another checkout, e.g. `../main`), this checkout's parser is also timed against that one's in
 * the same process, interleaved (`parseInterleaved.ts`): the way to tell a few percent on a loaded
 * machine. Writes tests/bench/results/parse.json.
 *
 *   npm run bench:parse --  [--count 3000] [--seed 1] [--rounds 3] [--out FILE] [--no-real] [--against DIR]
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractText } from '../../electron/services/import/extractText';
import { parseDocument } from '../../shared/parser/parseDocument';
import { findDocument } from '../../shared/parser/region';
import { withLineCache } from '../../shared/parser/clean';
import { toNfc } from '../../shared/text/normalize';
import { loadRealDocuments } from '../fixtures/real/corpus';
import { makeRealCopies } from '../fixtures/real/formats/make';
import { generateDocuments } from './corpus/generate';
import { type InterleavedResult, compareInterleaved } from './parseInterleaved';
import { REPO, SEEDS_DIR } from '../support/paths';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const COUNT = option('count', 3000);
const SEED = option('seed', 1);
const ROUNDS = option('rounds', 3);
const outIndex = process.argv.indexOf('--out');
const OUT = outIndex >= 0 ? process.argv[outIndex + 1] : undefined;
const againstIndex = process.argv.indexOf('--against');
const AGAINST = againstIndex >= 0 ? path.resolve(process.argv[againstIndex + 1]!) : undefined;

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const lines: string[] = [];

const groups: Record<string, { documents: number; digest: string }> = {};

async function group(name: string, files: Array<{ name: string; bytes: Uint8Array }>): Promise<string> {
  const h = createHash('sha256');
  for (const f of files) {
    let answer: unknown;
    try {
      const extracted = await extractText(f.name, f.bytes);
      answer = parseDocument(extracted.text, extracted.pages);
    } catch (err) {
      answer = { error: err instanceof Error ? err.message : String(err) };
    }
    const d = digest(answer);
    h.update(d);
    lines.push(`${name} ${f.name} ${d.slice(0, 16)}`);
  }
  const total = h.digest('hex');
  groups[name] = { documents: files.length, digest: total };
  console.log(`${name.padEnd(10)} ${String(files.length).padStart(5)} documents  ${total.slice(0, 16)}`);
  return total;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const read = (file: string) => ({ name: path.basename(file), bytes: fs.readFileSync(file) });

async function main(): Promise<void> {
  const generated = [...generateDocuments({ count: COUNT, seed: SEED })];
  // First, while neither parser has read anything else: V8 optimises code for what it was given, and
  // the real documents' copies read here first made this side 5% slower than an unused one.
  let against: (InterleavedResult & { checkout: string }) | undefined;
  if (AGAINST) {
    const there = (await import(path.join(AGAINST, 'shared', 'parser', 'parseDocument.ts'))) as { parseDocument: (t: string) => unknown };
    // As parseDocument reads them: NFC, which the import's decoder gives it.
    const nfc = generated.map((d) => toNfc(d.text));
    against = { checkout: AGAINST, ...compareInterleaved(nfc, (t) => parseDocument(t), (t) => there.parseDocument(t), Math.max(ROUNDS, 4)) };
    const { same, firstDifferent, ratios, msHere, msThere } = against;
    console.log(`Against ${AGAINST} (same process, chunks of both in turn):`);
    console.log(`  read the same: ${same} of ${nfc.length}${firstDifferent >= 0 ? ` (first different: ${generated[firstDifferent]!.fileName})` : ''}`);
    console.log(`  CPU here / there: ${median(ratios).toFixed(3)} median (${ratios.map((x) => x.toFixed(3)).join(', ')}); ${msHere.toFixed(3)} against ${msThere.toFixed(3)} ms per document`);
  }
  const all = createHash('sha256');
  const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => read(path.join(SEEDS_DIR, f)));
  all.update(await group('seeds', seeds));
  const fixtures = path.join(REPO, 'tests', 'fixtures', 'documents');
  all.update(await group('fixtures', fs.readdirSync(fixtures).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => read(path.join(fixtures, f)))));
  if (!process.argv.includes('--no-real')) {
    const docs = loadRealDocuments();
    const copies = await makeRealCopies(docs, { formatsOf: () => ['txt', 'docx', 'pdf'] });
    for (const format of ['txt', 'docx', 'pdf'] as const) {
      all.update(await group(`real.${format}`, copies.filter((c) => c.format === format).map((c) => ({ ...read(c.file), name: `${c.doc.id}.${format}` }))));
    }
  }
  all.update(await group('generated', generated.map((d) => ({ name: d.fileName, bytes: Buffer.from(d.text, 'utf8') }))));
  const allDigest = all.digest('hex');
  console.log(`all                          ${allDigest.slice(0, 16)}`);
  if (OUT) fs.writeFileSync(OUT, lines.join('\n') + '\n');

  // Cost per document over the generated corpus (this thread's CPU).
  const texts = generated.map((d) => d.text);
  const cpu = (fn: (t: string) => unknown): number[] => {
    const rounds: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t0 = process.cpuUsage();
      for (const t of texts) fn(t);
      const used = process.cpuUsage(t0);
      rounds.push((used.user + used.system) / 1000 / texts.length);
    }
    return rounds;
  };
  for (const t of texts.slice(0, 200)) parseDocument(t);
  const whole = cpu((t) => parseDocument(t));
  const region = cpu((t) => {
    const text = toNfc(t);
    return withLineCache(text, () => findDocument(text));
  });
  const fmt = (xs: number[]) => `${median(xs).toFixed(3)} ms (${xs.map((x) => x.toFixed(3)).join(', ')})`;
  console.log(`\nCPU per generated document, median of ${ROUNDS} passes over ${texts.length}:`);
  console.log(`  parseDocument  ${fmt(whole)}`);
  console.log(`  findDocument   ${fmt(region)}`);
  const [l1, l5] = os.loadavg();
  console.log(`  load average ${l1!.toFixed(2)} ${l5!.toFixed(2)}`);
  const results = path.join(REPO, 'tests', 'bench', 'results');
  fs.mkdirSync(results, { recursive: true });
  const json = { count: COUNT, seed: SEED, rounds: ROUNDS, groups, all: allDigest, cpuMsPerDocument: { parseDocument: whole, findDocument: region }, ...(against ? { against } : {}), loadAverage: [l1, l5] };
  fs.writeFileSync(path.join(results, 'parse.json'), JSON.stringify(json, null, 2) + '\n');
}

void main();
