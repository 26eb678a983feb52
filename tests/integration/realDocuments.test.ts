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
 * 96.4% (157 documents, 4,002 of 4,152; text and Word copies 98.7%, PDF 97.6%, scans 89–94% by
 * format; r158 adds 19 of 20); the 145 documents before r146 alone 96.7% (3,801 of 3,932), the
 * ward party committees' documents r146–r157 added harder than the average. Raised only upwards; the collection's README
 * gives each batch's figures before and after the rules made from its shapes.
 */
const RECOVERED_FLOOR = 96.4;
/**
 * Wrong values plus values where the document states none, over all copies read here; must fall to
 * 0 (raise it only when documents are added, by what they add). Reached: 46 on 158 documents: 30 on
 * the 145 earlier ones, none invented (22 on r001–r132, 7 on the held-out r133–r137: a law cited as
 * `34/2005 – QH 11` missing from a citation list in four copies, a scan's issuer, type and subject;
 * 1 on r138–r145, a JPEG's issuer); 13 on r146–r153, the ward party committee's documents (a
 * thông báo's and a tờ trình's subjects in all four copies, a scan's báo cáo subject, and 4
 * invented: a kế hoạch's number `27-KH/DU` whose code lost the stroke of its Đ, read as written);
 * 2 on r154–r157 (two scans' report subjects); 1 on r158 (its JPEG's subject). The margin of 2 is
 * for OCR results that differ by a word between machines (Tesseract's SIMD paths).
 */
const INVENTED_CEILING = 48;

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
