/**
 * `npm run eval:real`: the product on every real document (tests/fixtures/real) in every copy —
 * the saved text, Word, text PDF, and scans as image-only PDF, JPEG, PNG and TIFF — with the share
 * of stated fields recovered exactly and the invented values, by format, shape, body and field,
 * seen and held-out documents apart. Writes tests/bench/results/real-eval.json.
 *
 *   npm run eval:real                      every copy
 *   npm run eval:real -- --formats=txt,pdf only these copies
 *   npm run eval:real -- --misses          also list every miss on seen documents
 *   npm run eval:real -- --only=r089,r090  only the documents whose file names start so
 *   npm run eval:real -- --seen            only seen documents (--held-out: only held-out ones)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRealDocuments } from '../fixtures/real/corpus';
import { ALL_FORMATS, makeRealCopies, type RealFormat } from '../fixtures/real/formats/make';
import { OcrEngine, ocrWorkersFrom } from '../../electron/services/ocr/engine';
import { buildReport, misses, printReport, scoreCopies } from '../support/realEvaluation';

const args = process.argv.slice(2);
const formatsArg = args.find((a) => a.startsWith('--formats='))?.slice('--formats='.length);
const formats = (formatsArg ? formatsArg.split(',') : [...ALL_FORMATS]) as RealFormat[];
for (const f of formats) if (!(ALL_FORMATS as readonly string[]).includes(f)) throw new Error(`unknown format ${f} (known: ${ALL_FORMATS.join(', ')})`);

const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? onlyArg.split(',').filter((p) => p !== '') : null;
const docs = loadRealDocuments().filter(
  (d) => (only === null || only.some((p) => d.entry.file.startsWith(p))) && !(args.includes('--seen') && d.entry.heldOut) && !(args.includes('--held-out') && !d.entry.heldOut),
);
if (docs.length === 0) throw new Error(`no document matches --only=${onlyArg ?? ''} --seen/--held-out`);
const started = Date.now();
const copies = await makeRealCopies(docs, { formatsOf: () => formats, onProgress: (m) => console.error(m) });
console.error(`${copies.length} copies ready in ${((Date.now() - started) / 1000).toFixed(0)} s; reading them…`);

// One engine for the whole run (workers as the product's setting: KHOLUU_OCR_WORKERS, else 2), as many copies in hand as workers.
const engine = new OcrEngine({ workers: ocrWorkersFrom(null) });
const scores = await scoreCopies(copies, engine, engine.size, (done) => {
  if (done % 25 === 0) console.error(`read ${done}/${copies.length}`);
}).finally(() => engine.close());

const report = buildReport(scores);
console.log(printReport(report));
if (args.includes('--misses')) console.log(`\nMisses on seen documents:\n  ${misses(scores).join('\n  ')}`);
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'results/real-eval.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ ...report, formats, only, seconds: Math.round((Date.now() - started) / 1000) }, null, 2)}\n`);
console.log(`\nWritten ${path.relative(process.cwd(), out)}`);
