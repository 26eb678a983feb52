/**
 * The product on the real documents (tests/fixtures/real), read exactly as
 * `npm run cli -- parse FILE --json` reads them: every document as saved (text), as a Word file
 * with a header table, as a text PDF, and as one scanned copy in rotation (image-only PDF, JPEG,
 * PNG, TIFF; `npm run eval:real` reads every scan of every document). Prints the table by format
 * and by shape and writes tests/bench/results/real-eval-test.json.
 *
 * The thresholds are what the product reached when they were last set; raise them as the parser
 * and OCR improve (goal: ≥95% recovered, no invented value). A scan the product cannot read yet is
 * counted as missing every field it states, not skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealDocuments } from '../fixtures/real/corpus';
import { IMAGE_FORMATS, makeRealCopies, type RealFormat } from '../fixtures/real/formats/make';
import { REPO_ROOT } from '../unit/parser/truthHarness';
import { OcrEngine } from '../../electron/services/ocr/engine';
import { buildReport, printReport, scoreCopies, type CopyScore, type EvaluationReport } from '../support/realEvaluation';

/**
 * Share of the stated fields recovered exactly, in percent, over all copies read here. Reached:
 * 96.6% (132 documents, 3,452 of 3,572; text and Word copies 99.1%, PDF 97.9%, scans 88–94% by
 * format), with the 12 held-out documents r121–r132 added (their text, Word and PDF copies read
 * 97.2% before the rules made from their shapes, 99.6% after). Earlier: 96.4% (120 documents, 3,121 of 3,236; the scans 88–94% by format, the text and Word copies
 * 99.0%, PDF 97.7%), with the parser reading the footers, letters and run-together headers of the 9
 * held-out documents r112–r120 added (read 83% in text copies before; the 111 earlier documents
 * gave 96.5%).
 */
const RECOVERED_FLOOR = 96.4;
/**
 * Wrong values plus values where the document states none, over all copies read here; must fall to
 * 0 (raise it only when documents are added). Reached: 21 on 132 documents, none invented, all but
 * one on scans (a scan's citations with a doubled code letter or a number that lost its slash are
 * now left for review, and the recogniser's tone fixes landed); the margin of 4 is for OCR results
 * that differ by a word between machines. Earlier: 26 on 132 documents, none invented: 22 on the
 * 120 earlier ones, 4 on the 12 held-out documents r121–r132 added (all scans: three subjects and a
 * cited number the recogniser misread; their text copies 0 once the rules made from their shapes
 * were added); the margin of 4 is for OCR results that differ by a word between machines.
 * Earlier: 26 on 120 documents, none invented, then 3
 * fewer (the damaged numbers a text layer that lost letters cites are no longer listed); 4 of them
 * on the 9 held-out documents added, all scans (a subject, an issuer, an addressee the recogniser
 * misread or the reading order mixed). Earlier: 23 on 111 documents (21 on the
 * 102 earlier ones, which gave 26; 2 on the 9 held-out documents added, both scans: a cited number
 * and a capitals subject the recogniser misread). Earlier: 24 on 102 documents (15 on the 88 that were
 * here before, which gave 21; 9 on the 14 held-out documents added: the damaged numbers a text
 * layer that lost letters still cites, and scans); the margin is for OCR results that differ by a
 * word between machines (Tesseract's SIMD paths).
 */
const INVENTED_CEILING = 25;

const docs = loadRealDocuments();
const formatsOf = (_doc: unknown, i: number): RealFormat[] => ['txt', 'docx', 'pdf', IMAGE_FORMATS[i % IMAGE_FORMATS.length]!];

describe('real documents read as the product reads them', () => {
  let scores: CopyScore[] = [];
  let report: EvaluationReport;

  beforeAll(async () => {
    const copies = await makeRealCopies(docs, { formatsOf });
    // One OCR engine of two workers for every scan (the product's default), two copies in hand.
    const engine = new OcrEngine({ workers: 2 });
    try {
      scores = await scoreCopies(copies, engine, 2);
    } finally {
      await engine.close();
    }
    report = buildReport(scores);
    console.log(printReport(report));
    const out = path.join(REPO_ROOT, 'tests/bench/results/real-eval-test.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  }, 40 * 60_000);

  it('reads every document in every copy made for it, each scan format on a quarter of them', () => {
    expect(scores).toHaveLength(docs.length * 4);
    for (const format of ['txt', 'docx', 'pdf'] as const) expect(scores.filter((s) => s.format === format)).toHaveLength(docs.length);
    for (const format of IMAGE_FORMATS) expect(scores.filter((s) => s.format === format).length).toBeGreaterThanOrEqual(Math.floor(docs.length / 4));
    // Text, Word and PDF copies always give text, except a PDF of a document whose text lost its
    // letters (shape garbled-text): the product refuses such a text layer rather than read it.
    // Scans may give none when OCR reads nothing.
    for (const s of scores) {
      if (s.status === 'read') continue;
      const allowed = (IMAGE_FORMATS as readonly string[]).includes(s.format) || (s.format === 'pdf' && s.doc.entry.shapes.includes('garbled-text'));
      expect(allowed, `${s.doc.id} ${s.format}: ${s.status}`).toBe(true);
    }
  });

  it(`recovers at least ${RECOVERED_FLOOR}% of the fields the documents state`, () => {
    expect(report.totals.share).toBeGreaterThanOrEqual(RECOVERED_FLOOR);
  });

  it(`invents no more than ${INVENTED_CEILING} values`, () => {
    expect(report.totals.wrong + report.totals.invented).toBeLessThanOrEqual(INVENTED_CEILING);
  });
});
