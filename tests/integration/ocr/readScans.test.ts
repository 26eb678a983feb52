import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { extractText } from '../../../electron/services/import/extractText';
import { OcrEngine } from '../../../electron/services/ocr/engine';
import { characterErrorRate } from '../../support/cer';
import { SEEDS_DIR } from '../../support/paths';
import { type PageSpec, asImagePdf, asJpeg, asTiff, scanPage } from '../../support/scans';

// Scans made here from a seed's text (rendered, skewed, turned, speckled, JPEG-compressed) and read
// back by OCR through extractText, the import's one reader: the reading is compared with the text
// drawn, the word boxes with the page.

const lines = fs
  .readFileSync(path.join(SEEDS_DIR, '003_b4be3f4186006de6.txt'), 'utf8')
  .replace(/[*#\\]/g, '')
  .split(/\n+/)
  .map((l) => l.trim())
  .filter(Boolean);
/** Half an A4 page: enough lines to read, quick to OCR. */
const page = (from: number, extra: Partial<PageSpec> = {}) => scanPage({ lines: lines.slice(from, from + 8), heightIn: 5.5, ...extra });

const engine = new OcrEngine({ workers: 2 });
afterAll(() => engine.close());

async function read(name: string, bytes: Uint8Array) {
  const pages: number[] = [];
  const extracted = await extractText(name, bytes, { ocr: { engine, onPages: (e) => pages.push(e.added ?? 0) } });
  return { extracted, announced: pages.reduce((a, b) => a + b, 0) };
}

// OCR takes seconds a page, many more on a loaded machine: generous timeouts, no timing asserted.
describe('reading scans by OCR', { timeout: 300_000 }, () => {
  it('reads a skewed, speckled JPEG, a page fed sideways and one upside down, with boxes on the page', async () => {
    const skewed = await page(0, { skew: 1, noise: 0.004, seed: 7 });
    const jpeg = await read('skewed.jpg', await asJpeg(skewed, 55));
    expect(jpeg.extracted).toMatchObject({ format: 'jpeg', encoding: 'ocr', needsOcr: false, pageCount: 1 });
    expect(characterErrorRate(jpeg.extracted.text, skewed.text)).toBeLessThan(0.03);
    const p = jpeg.extracted.pages![0]!;
    expect(p).toMatchObject({ index: 0, width: skewed.width, height: skewed.height, source: 'ocr' });
    expect(p.confidence).toBeGreaterThan(80);
    for (const w of p.items) {
      expect(jpeg.extracted.text.slice(w.start, w.end)).toBe(w.text);
      expect(w.x + w.width).toBeLessThanOrEqual(p.width + 1);
      expect(w.y + w.height).toBeLessThanOrEqual(p.height + 1);
    }

    const sideways = await page(8, { turn: 90 });
    const turned = await read('sideways.png', sideways.png);
    expect(characterErrorRate(turned.extracted.text, sideways.text)).toBeLessThan(0.03);
    // Boxes are given on the page as stored (turned): the first line runs down its right-hand side.
    const first = turned.extracted.pages![0]!.items[0]!;
    expect(first.height).toBeGreaterThan(first.width);
    expect(first.x).toBeGreaterThan(sideways.width / 2);

    const upsideDown = await page(16, { turn: 180 });
    const flipped = await read('upside-down.png', upsideDown.png);
    expect(characterErrorRate(flipped.extracted.text, upsideDown.text)).toBeLessThan(0.03);
  });

  it('reads every page of a multi-page TIFF and of an image-only PDF, in order, counting pages', async () => {
    const a = await page(0);
    const b = await page(8, { skew: -0.7 });
    const tiff = await read('stack.tif', await asTiff([a, b]));
    expect(tiff.extracted).toMatchObject({ format: 'tiff', pageCount: 2 });
    expect(tiff.announced).toBe(2);
    expect(characterErrorRate(tiff.extracted.text, `${a.text}\n${b.text}`)).toBeLessThan(0.03);
    expect(tiff.extracted.pages!.map((p) => p.index)).toEqual([0, 1]);

    const pdf = await read('scan.pdf', await asImagePdf([a, b]));
    expect(pdf.extracted).toMatchObject({ format: 'pdf', encoding: 'ocr', pageCount: 2 });
    expect(characterErrorRate(pdf.extracted.text, `${a.text}\n${b.text}`)).toBeLessThan(0.03);
    // PDF pages are measured in points: A4 is 595 pt wide.
    expect(pdf.extracted.pages![0]!.width).toBeCloseTo((a.width / 200) * 72, 0);
  });

  it('without OCR, keeps an image as a scan to read later, with its page count', async () => {
    const a = await page(0);
    const tiff = await extractText('stack.tif', await asTiff([a, a, a]));
    expect(tiff).toMatchObject({ text: '', needsOcr: true, format: 'tiff', pageCount: 3 });
  });

  it('refuses a pixel bomb, a damaged image and a file that is not an image, in Vietnamese', async () => {
    // A PNG header claiming 100,000 × 100,000 pixels, with next to no data: refused from the header.
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(body) >>> 0);
      return Buffer.concat([len, body, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(100_000, 0);
    ihdr.writeUInt32BE(100_000, 4);
    ihdr.set([8, 0, 0, 0, 0], 8);
    const bomb = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))]);
    const refusal = await extractText('bom.png', bomb, { ocr: { engine } }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).message).toMatch(/bom\.png.*100000×100000 điểm ảnh.*bom ảnh/);

    const a = await asJpeg(await page(0));
    const cut = await extractText('cut.jpg', a.subarray(0, 2000), { ocr: { engine } }).catch((e: unknown) => e);
    expect((cut as ApiError).message).toMatch(/Không đọc được ảnh “cut\.jpg”/);
    const fake = await extractText('fake.png', Buffer.from('not an image at all'), { ocr: { engine } }).catch((e: unknown) => e);
    expect((fake as ApiError).message).toMatch(/không phải ảnh JPEG, PNG hay TIFF/);
  });
});
