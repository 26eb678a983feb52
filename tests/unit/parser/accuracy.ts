/**
 * Per-field accuracy of the parser over every truth corpus (the seeds and tests/fixtures/documents).
 * Run: `npx tsx tests/unit/parser/accuracy.ts`. Exit code 1 when a field is under 95% or any
 * value is invented, so it can gate CI.
 */
import { parseDocument } from '../../../shared/parser/parseDocument';
import {
  actualValue,
  COMPARED_FIELDS,
  FIXTURES_DIR,
  hasField,
  loadCorpus,
  outcome,
  readDocument,
  SEEDS_DIR,
  type ComparedField,
  type Outcome,
} from './truthHarness';

const corpora = [loadCorpus('seeds', SEEDS_DIR), loadCorpus('fixtures', FIXTURES_DIR)];
const counts = new Map<ComparedField, Record<Outcome, number>>(
  COMPARED_FIELDS.map((f) => [f, { correct: 0, missed: 0, invented: 0 }]),
);
const failures: string[] = [];
let documents = 0;

for (const corpus of corpora) {
  for (const entry of corpus.entries) {
    documents++;
    const result = parseDocument(readDocument(corpus, entry));
    for (const field of COMPARED_FIELDS) {
      // The seeds' truth has no marks: they are read as "none stated" (null), which they are.
      const expected = hasField(entry, field) ? entry[field] : null;
      const o = outcome(expected, actualValue(result, field), field);
      counts.get(field)![o]++;
      if (o !== 'correct') {
        failures.push(`${corpus.name}/${entry.file} ${field} [${o}]: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actualValue(result, field))}`);
      }
    }
  }
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);
console.log(`Parser accuracy over ${documents} documents (${corpora.map((c) => `${c.name}: ${c.entries.length}`).join(', ')})\n`);
console.log(`${'field'.padEnd(18)}${pad('correct', 9)}${pad('missed', 8)}${pad('invented', 10)}${pad('accuracy', 10)}`);
let ok = true;
for (const [field, c] of counts) {
  const total = c.correct + c.missed + c.invented;
  const acc = total ? (100 * c.correct) / total : 100;
  if (acc < 95 || c.invented > 0) ok = false;
  console.log(`${field.padEnd(18)}${pad(c.correct, 9)}${pad(c.missed, 8)}${pad(c.invented, 10)}${pad(acc.toFixed(1) + '%', 10)}`);
}
if (failures.length) console.log(`\n${failures.join('\n')}`);
console.log(ok ? '\nGoal met: ≥95% on every field, no invented values.' : '\nGoal NOT met.');
process.exitCode = ok ? 0 : 1;
