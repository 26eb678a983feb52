import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { degradePage, scanParams, writeScans } from '../../fixtures/real/formats/scanCopy';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-copy-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A made-up printed page: white paper with a few black bars for lines of text. */
async function printedPage(): Promise<string> {
  const file = path.join(work, 'page.png');
  const bars = [40, 80, 120, 160].map((top) => ({ input: { create: { width: 240, height: 12, channels: 3, background: '#000' } }, top, left: 30 }));
  await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } }).composite(bars as never).png().toFile(file);
  return file;
}

const pixels = async (file: string) => (await sharp(file, { pages: 1 }).greyscale().raw().toBuffer()).toString('hex');

describe('the scan maker of the real documents', () => {
  it('makes each image format its own scan, stored as that format stores it', async () => {
    const page = await printedPage();
    const p = { ...scanParams(7), dpi: 150, jpegQuality: 40 };
    const passes = await Promise.all([1, 2, 3, 4].map((seed) => degradePage(page, p, seed)));
    const files = await writeScans({ pdf: [passes[0]!], jpg: passes[1]!, png: passes[2]!, tif: [passes[3]!] }, p, path.join(work, 'doc'));
    const [jpg, png, tif] = await Promise.all([files.jpg, files.png, files.tif].map(pixels));
    // Three different images, not one image written three ways.
    expect(new Set([jpg, png, tif]).size).toBe(3);
    // PNG and TIFF keep the sensor's pixels exactly; the JPEG has lost some to its compression.
    expect(png).toBe(passes[2]!.data.toString('hex'));
    expect(tif).toBe(passes[3]!.data.toString('hex'));
    expect(jpg).not.toBe(passes[1]!.data.toString('hex'));
    expect((await sharp(files.jpg).metadata()).format).toBe('jpeg');
  });
});
