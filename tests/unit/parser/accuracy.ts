/**
 * Per-field accuracy of the parser over every truth corpus (the seeds and tests/fixtures/documents)
 * and over every format and encoding variant of them (tests/fixtures/formats: NFD, UTF-16,
 * Windows-1258, TCVN3, VNI, .docx, .pdf, old-Word fonts), each read through `extractText` as an
 * import would. Run: `npx tsx tests/unit/parser/accuracy.ts` (`--failures` lists every miss).
 * Exit code 1 when a field is under 95% or any value is invented, so it can gate CI.
 *
 * The scanned PDF has no text by design: it is checked for `needsOcr`, not counted per field.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractText } from '../../../electron/services/import/extractText';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { FORMATS_DIR, loadVariants } from '../../fixtures/formats/manifest';
import {
  actualValue,
  COMPARED_FIELDS,
  FIXTURES_DIR,
  hasField,
  loadCorpus,
  outcome,
  SEEDS_DIR,
  type ComparedField,
  type Outcome,
  type TruthEntry,
} from './truthHarness';

type Counts = Map<ComparedField, Record<Outcome, number>>;
const newCounts = (): Counts => new Map(COMPARED_FIELDS.map((f) => [f, { correct: 0, missed: 0, invented: 0 }]));

const corpora = [loadCorpus('seeds', SEEDS_DIR), loadCorpus('fixtures', FIXTURES_DIR)];
const truthBySource = new Map<string, TruthEntry>();
for (const c of corpora) for (const e of c.entries) truthBySource.set(`${c.name}/${e.file}`, e);

/** Every document to read: the sources themselves, then their variants. */
const inputs: Array<{ file: string; group: string; source: string }> = [];
for (const c of corpora) for (const e of c.entries) inputs.push({ file: path.join(c.dir, e.file), group: 'source text', source: `${c.name}/${e.file}` });
const scans: string[] = [];
for (const v of loadVariants()) {
  if (v.kind === 'scan') scans.push(v.file);
  else inputs.push({ file: path.join(FORMATS_DIR, v.file), group: v.kind === 'encoding' ? `${v.encoding}${v.conversions.includes('nfd→nfc') ? ' (NFD)' : ''}` : v.kind, source: v.source });
}

const total = newCounts();
const byGroup = new Map<string, { docs: number; counts: Counts }>();
const failures: string[] = [];

for (const input of inputs) {
  const entry = truthBySource.get(input.source)!;
  const extracted = await extractText(input.file, readFileSync(input.file));
  const result = parseDocument(extracted.text);
  const group = byGroup.get(input.group) ?? { docs: 0, counts: newCounts() };
  group.docs++;
  byGroup.set(input.group, group);
  for (const field of COMPARED_FIELDS) {
    // The seeds' truth has no marks: they are read as "none stated" (null), which they are.
    const expected = hasField(entry, field) ? entry[field] : null;
    const o = outcome(expected, actualValue(result, field), field);
    total.get(field)![o]++;
    group.counts.get(field)![o]++;
    if (o !== 'correct') {
      failures.push(`${path.relative(FORMATS_DIR, input.file)} ${field} [${o}]: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actualValue(result, field))}`);
    }
  }
}

const scanResults: string[] = [];
for (const file of scans) {
  const extracted = await extractText(file, readFileSync(path.join(FORMATS_DIR, file)));
  scanResults.push(`${file}: needsOcr=${extracted.needsOcr}, text ${extracted.text.length} characters`);
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);
const pct = (c: Record<Outcome, number>): number => {
  const n = c.correct + c.missed + c.invented;
  return n ? (100 * c.correct) / n : 100;
};

console.log(`Parser accuracy over ${inputs.length} readings of ${truthBySource.size} documents, every format and encoding through extractText\n`);
console.log(`${'field'.padEnd(18)}${pad('correct', 9)}${pad('missed', 8)}${pad('invented', 10)}${pad('accuracy', 10)}`);
let ok = true;
for (const [field, c] of total) {
  const acc = pct(c);
  if (acc < 95 || c.invented > 0) ok = false;
  console.log(`${field.padEnd(18)}${pad(c.correct, 9)}${pad(c.missed, 8)}${pad(c.invented, 10)}${pad(acc.toFixed(1) + '%', 10)}`);
}

console.log(`\nBy format/encoding (fields correct of fields compared; missed / invented)\n`);
console.log(`${'reading'.padEnd(22)}${pad('docs', 6)}${pad('correct', 10)}${pad('missed', 8)}${pad('invented', 10)}${pad('accuracy', 10)}`);
for (const [name, g] of byGroup) {
  const sum = { correct: 0, missed: 0, invented: 0 };
  for (const c of g.counts.values()) {
    sum.correct += c.correct;
    sum.missed += c.missed;
    sum.invented += c.invented;
  }
  console.log(`${name.padEnd(22)}${pad(g.docs, 6)}${pad(sum.correct, 10)}${pad(sum.missed, 8)}${pad(sum.invented, 10)}${pad(pct(sum).toFixed(1) + '%', 10)}`);
}
console.log(`\nScans (no text layer, imported as attachments and flagged):\n${scanResults.join('\n')}`);
if (failures.length) {
  if (process.argv.includes('--failures')) console.log(`\n${failures.join('\n')}`);
  else console.log(`\n${failures.length} fields wrong (list them with --failures)`);
}
console.log(ok ? '\nGoal met: ≥95% on every field, no invented values.' : '\nGoal NOT met.');
process.exitCode = ok ? 0 : 1;
