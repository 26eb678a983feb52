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
 * 97.3% (180 documents, 4,638 of 4,768) after rules for a Sở letter whose trích yếu opens with `Về`,
 * a State number spaced around its dash, a bracketed line under the trích yếu, and an enacting
 * council taken as the issuer of a copy that lost its header. Before them, 96.9% (4,619 of 4,768)
 * after rules for a letter titled with no type of the closed
 * list, a cut ỦY BAN NHÂN DÂN cell completed from the enacting line, the signature's cells on the
 * recipients' rows, a last recipient the copy's end cut, and a scan's drawn rules read back as
 * dashes. Before them,
 * 96.4% (180 documents, 4,597 of 4,768) in CI after a title cut by the copy's end was left empty.
 * Before it, 96.2% (180 documents, 4,586 of 4,768) after rules for a dateline under the type line, a V/v
 * letter with no number, recipients read past the signature lines and a law's number joined by a
 * dash. Before them, 95.8% (4,569 of 4,768) when r171–r180 were added, read before any rule made from
 * them: the 170 before them 96.6% (4,314 of 4,468, unchanged), r171–r179 85.9% (237 of 276), r180
 * 75.0% (18 of 24: its PDF's garbled text layer is refused). Before them, 96.6% (170 documents,
 * 4,314 of 4,468) after the rules made from r159–r170's seen shapes; when
 * they were added, read before any rule made from them, the twelve gave 90.5% (268 of 296) and the
 * 158 before them 96.5% (4,025 of 4,172: text and Word copies 98.7%, PDF 97.6%, scans 89–94% by
 * format). Raised only upwards on the same documents; a batch of new documents may bring it down by
 * what they measure, said in its commit. The margin of 0.1 is for OCR results that differ by a word
 * between machines. The collection's README gives each batch's figures before and after the rules
 * made from its shapes.
 */
const RECOVERED_FLOOR = 97.2;
/**
 * Wrong values plus values where the document states none, over all copies read here; must fall to
 * 0 (raise it only when documents are added, by what they add). Reached: 42 on 180 documents (42
 * wrong, none invented) after the rules named first above the floor. Before them, 50 on 180
 * documents (50 wrong, none invented) after the rules named next. Before them, 59 on 180 documents (59
 * wrong, none invented) in CI after a title cut by the copy's end was left empty. Before it, 65 on 180 documents (61
 * wrong, 4 invented; 64 before the OCR header re-read at scale) after the rules named above the floor. Before them, 69 on 180 documents when
 * r171–r180 were added: 46 on the 170 before them (none invented, unchanged) and 23 on r171–r179 (4
 * invented, one field of one held-out document on each of its four copies), none on r180. Before them, 46 on 170 documents, none invented. When r159–r170 were
 * added it was 67: 42 on the 158 before them and 25 on the twelve (8
 * invented on the held-out ones: an issueDate and an issuer, four copies each, since left empty by
 * rules for a date with no place before it outside the header and a body name cut after a joining
 * word). The margin of 2 is for OCR results that differ by a word between machines (Tesseract's SIMD
 * paths).
 */
const INVENTED_CEILING = 44;

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
