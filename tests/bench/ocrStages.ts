/**
 * What an OCR page costs, stage by stage (`npm run bench:ocr:stages -- [--pages 4] [--variants
 * pnm,png,best,...] [--cli 0]`): the same generated 200-dpi scans as `bench:ocr`, prepared as
 * the reader does (decode to grey, measure the lie, turn), then recognised by one tesseract.js
 * worker at a time under each variant (trained data, engine mode, page segmentation, input
 * format, parameters), and by the `tesseract` command one page at a time.
 *
 * Figures are CPU seconds per page (every thread of this process; the command's user + system
 * time), which a shared, loaded machine stretches far less than the wall clock. Prints only.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { langPathOf, wordsOfTsv } from '../../electron/services/ocr/engine';
import { greyPage, openImage } from '../../electron/services/ocr/images';
import { greyPnm } from '../../electron/services/ocr/recognizePage';
import { estimatePageLie } from '../../shared/ocr/skew';
import { characterErrorRate } from '../support/cer';
import { asJpeg, scanPage } from '../support/scans';
import { generateDocuments } from './corpus/generate';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const PAGES = Number(option('pages', '4'));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function makePages(dir: string) {
  const pages: Array<{ file: string; truth: string }> = [];
  for (const doc of generateDocuments({ count: PAGES * 2, seed: 7 })) {
    if (pages.length >= PAGES) break;
    const lines = doc.text.replace(/[*#\\]/g, '').split(/\n+/).map((l) => l.trim()).filter(Boolean);
    const n = pages.length;
    const page = await scanPage({ lines, dpi: 200, skew: ((n % 5) - 2) * 0.4, noise: 0.002, seed: n + 1 });
    const file = path.join(dir, `page-${String(n).padStart(3, '0')}.jpg`);
    fs.writeFileSync(file, await asJpeg(page, 75));
    pages.push({ file, truth: page.text });
  }
  return pages;
}

type Variant = { name: string; model: '4.0.0' | '4.0.0_best_int'; oem: number; init?: Record<string, string>; params?: Record<string, string>; input?: 'png' | 'pnm' | 'bin' };

const VARIANTS: Record<string, Variant> = {
  png: { name: 'RGB PNG (as before)', model: '4.0.0', oem: 1 },
  pnm: { name: 'grey PGM (as now)', model: '4.0.0', oem: 1, input: 'pnm' },
  best: { name: 'PGM, 4.0.0_best_int', model: '4.0.0_best_int', oem: 1, input: 'pnm' },
  bin: { name: 'binarised in sharp, PNG', model: '4.0.0', oem: 1, input: 'bin' },
  noinv: { name: 'PGM, tessedit_do_invert=0', model: '4.0.0', oem: 1, input: 'pnm', params: { tessedit_do_invert: '0' } },
  nodict: { name: 'PGM, dictionaries off', model: '4.0.0', oem: 1, input: 'pnm', init: { load_system_dawg: '0', load_freq_dawg: '0' } },
  psm6: { name: 'PGM, one block (psm 6)', model: '4.0.0', oem: 1, input: 'pnm', params: { tessedit_pageseg_mode: '6' } },
  dpi72: { name: 'PGM, told 72 dpi', model: '4.0.0', oem: 1, input: 'pnm', params: { user_defined_dpi: '72' } },
  dpi300: { name: 'PGM, told 300 dpi', model: '4.0.0', oem: 1, input: 'pnm', params: { user_defined_dpi: '300' } },
  legacy: { name: 'PGM, legacy engine', model: '4.0.0', oem: 0, input: 'pnm' },
  combined: { name: 'PGM, legacy + LSTM', model: '4.0.0', oem: 2, input: 'pnm' },
};

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kholuu-ocr-stages-'));
  const pages = await makePages(dir);
  // The preparation, as recognizePage does it: decode to grey, measure the lie at 1,000 px, turn.
  const prepared: Array<{ png: Buffer; pnm: Buffer; bin: Buffer; truth: string; file: string }> = [];
  let tDecode = 0;
  let tLie = 0;
  let tTurn = 0;
  let tPnm = 0;
  for (const p of pages) {
    const bytes = fs.readFileSync(p.file);
    let c = cpu();
    const file = await openImage(bytes, 'x.jpg');
    const { image } = await greyPage(bytes, 'x.jpg', 0, file);
    tDecode += cpu() - c;
    c = cpu();
    const raw = () => sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } });
    const small = await raw().resize({ width: 1000 }).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    const lie = estimatePageLie({ width: small.info.width, height: small.info.height, data: new Uint8Array(small.data) });
    tLie += cpu() - c;
    c = cpu();
    const png = await raw().rotate(lie.skew, { background: { r: 255, g: 255, b: 255 } }).png({ compressionLevel: 1 }).toBuffer();
    tTurn += cpu() - c;
    c = cpu();
    const turned = await raw().rotate(lie.skew, { background: { r: 255, g: 255, b: 255 } }).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    const pgm = greyPnm(turned.data, turned.info.width, turned.info.height);
    const pnm = Buffer.from(pgm.buffer, pgm.byteOffset, pgm.byteLength);
    tPnm += cpu() - c;
    const bin = await raw().rotate(lie.skew, { background: { r: 255, g: 255, b: 255 } }).threshold(160).png({ compressionLevel: 1 }).toBuffer();
    prepared.push({ png, pnm, bin, truth: p.truth, file: p.file });
  }
  const n = pages.length;
  console.log(`preparation, CPU s per page: decode to grey ${(tDecode / n).toFixed(3)}, measure the lie ${(tLie / n).toFixed(3)}, turn + RGB PNG ${(tTurn / n).toFixed(3)}, turn + grey PGM ${(tPnm / n).toFixed(3)}`);

  // The tesseract command, same pages, one process at a time.
  if (option('cli', '1') === '1') {
    let cliCpu = 0;
    const cers: number[] = [];
    const t0 = performance.now();
    const timeFile = path.join(dir, 'time.txt');
    for (const p of prepared) {
      const out = execFileSync('/usr/bin/time', ['-o', timeFile, '-f', '%U %S', 'tesseract', p.file, '-', '-l', 'vie', '--psm', '3'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      cliCpu += fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number).reduce((a, b) => a + b, 0);
      cers.push(characterErrorRate(out, p.truth));
    }
    console.log(`tesseract cmd: ${(cliCpu / n).toFixed(2)} CPU s/page (wall ${((performance.now() - t0) / 1000 / n).toFixed(2)}), CER ${((cers.reduce((a, b) => a + b, 0) / n) * 100).toFixed(2)}%`);
  }

  const imported = (await import('tesseract.js')) as unknown as { default?: typeof import('tesseract.js') } & typeof import('tesseract.js');
  const lib = imported.default ?? imported;
  for (const key of option('variants', 'png,pnm,best').split(',')) {
    const v = VARIANTS[key]!;
    let c = cpu();
    const w = await lib.createWorker('vie', v.oem, { langPath: langPathOf(v.model), cacheMethod: 'none', gzip: true, logger: () => {}, errorHandler: () => {} }, v.init ?? {});
    await w.setParameters({ tessedit_pageseg_mode: lib.PSM.AUTO, preserve_interword_spaces: '0', debug_file: '/dev/null', user_defined_dpi: '200', ...(v.params ?? {}) });
    const tInit = cpu() - c;
    const cers: number[] = [];
    const confs: number[] = [];
    c = cpu();
    const t0 = performance.now();
    for (const p of prepared) {
      const img = v.input === 'pnm' ? p.pnm : v.input === 'bin' ? p.bin : p.png;
      const r = await w.recognize(img, {}, { tsv: true, text: false, blocks: false });
      const words = wordsOfTsv(r.data.tsv ?? '');
      const text = words.map((x) => x.text).join(' ');
      cers.push(characterErrorRate(text, p.truth));
      confs.push(words.reduce((a, b) => a + b.confidence, 0) / Math.max(1, words.length));
    }
    const tRec = cpu() - c;
    const wall = (performance.now() - t0) / 1000;
    await w.terminate();
    console.log(`${v.name.padEnd(28)} start ${tInit.toFixed(2)} s; recognise ${(tRec / n).toFixed(2)} CPU s/page (wall ${(wall / n).toFixed(2)}); CER ${((cers.reduce((a, b) => a + b, 0) / n) * 100).toFixed(2)}%; conf ${(confs.reduce((a, b) => a + b, 0) / n).toFixed(1)}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
