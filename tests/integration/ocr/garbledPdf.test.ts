import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractText } from '../../../electron/services/import/extractText';
import { readPdf } from '../../../electron/services/import/formats/pdf';
import { OcrEngine } from '../../../electron/services/ocr/engine';
import { textLayerQuality } from '../../../shared/text/syllables';
import { brokenFontPdf } from '../../support/brokenFontPdf';
import { characterErrorRate } from '../../support/cer';
import { SEEDS_DIR } from '../../support/paths';
import { type TestApp, makeFondsWithFile, openTestApp, tempDir, waitForJob } from '../../support/services';

// A real PDF whose font's ToUnicode map is wrong (made here with pdfkit and DejaVu Serif, the
// map's entries rewritten): the page shows "Kết luận … của" but its text layer says "Kểt luận … cua".

const seed = fs.readFileSync(path.join(SEEDS_DIR, '000_7b32d37c7a9e4c58.txt'), 'utf8').replace(/[*#\\]/g, '');
const lines = seed
  .split(/\n+/)
  .map((l) => l.trim())
  .filter(Boolean)
  .slice(0, 14);
const shown = lines.join('\n');

const engine = new OcrEngine({ workers: 2 });
const apps: TestApp[] = [];
afterAll(async () => {
  await engine.close();
  for (const app of apps) await app.close();
});

// OCR takes seconds a page, many more on a loaded machine: generous timeouts, no timing asserted.
describe('a PDF with a broken font map', { timeout: 300_000 }, () => {
  it('has a text layer that decodes to wrong syllables, is told by their share and read correctly by OCR', async () => {
    const pdf = await brokenFontPdf(lines);
    const layer = await readPdf(pdf, 'broken.pdf');
    expect(layer.text).toContain('TỈNH UY ĐẮK LẮK');
    expect(layer.text).toContain('KỂT LUẬN');
    expect(textLayerQuality(layer.text)).not.toBe('sound');

    const read = await extractText('broken.pdf', pdf, { ocr: { engine } });
    expect(read.textLayer).toBeDefined();
    expect(read.encoding).toBe('ocr');
    expect(read.text).toContain('KẾT LUẬN');
    expect(read.text).not.toContain('KỂT');
    expect(characterErrorRate(read.text, shown)).toBeLessThan(0.05);
  });

  it('is flagged for review when OCR is off, and read by OCR in an import when it is on', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'kết luận.pdf'), await brokenFontPdf(lines));
    for (const ocrEnabled of [false, true]) {
      const app = openTestApp();
      apps.push(app);
      const { fonds } = await makeFondsWithFile(app);
      await app.call('settings.update', { ocrEnabled });
      const { jobId } = await app.call('import.start', { target: { fondsId: fonds.id }, paths: [dir] });
      const status = await waitForJob(app, jobId);
      expect(status.imported).toBe(1);
      const id = status.results[0]!.documentId!;
      const doc = await app.call('documents.get', { id });
      if (!ocrEnabled) {
        expect(doc.reviewFields).toContain('fullText');
        const info = await app.call('documents.readingInfo', { id });
        expect(info.conversions).toContain(textLayerQuality(doc.fullText) === 'garbled' || doc.fullText === '' ? 'text-layer:garbled' : 'text-layer:doubtful');
        expect(status.pagesTotal ?? 0).toBe(0);
      } else {
        expect(doc.fullText).toContain('KẾT LUẬN');
        expect(doc.fullText).not.toContain('KỂT');
        expect(status.pagesDone).toBe(1);
        const pages = await app.call('documents.pages', { id });
        expect(pages.pages).toHaveLength(1);
        expect(pages.pages[0]!.words.length).toBeGreaterThan(50);
      }
    }
  });
});
