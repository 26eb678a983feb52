/**
 * Scans made at test time: a text set on a page (DejaVu Serif from the `dejavu-fonts-ttf` package,
 * drawn by @napi-rs/canvas), then treated like paper through a scanner — skewed a little, turned,
 * speckled, saved as JPEG (with its artefacts), PNG, TIFF (one page or many) or an image-only PDF.
 * The text drawn is returned line by line, as the truth to compare OCR with.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const fontsDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let registered = false;
function fonts(): void {
  if (registered) return;
  GlobalFonts.registerFromPath(path.join(fontsDir, 'DejaVuSerif.ttf'), 'ScanSerif');
  GlobalFonts.registerFromPath(path.join(fontsDir, 'DejaVuSerif-Bold.ttf'), 'ScanSerifBold');
  registered = true;
}

export interface PageSpec {
  /** Lines of text; a line starting with `# ` is set in bold. Long lines are wrapped to the width. */
  lines: string[];
  dpi?: number;
  /** Page size in inches (A4 by default). */
  widthIn?: number;
  heightIn?: number;
  /** Font size in points (13 by default, as party documents are set). */
  pointSize?: number;
  /** Degrees, clockwise, as the sheet lay on the glass. */
  skew?: number;
  /** 0, 90, 180 or 270: the sheet fed turned. */
  turn?: number;
  /** Share of pixels flipped to speckle (0–0.05). */
  noise?: number;
  /** A seed for the speckle, so a page is the same every run. */
  seed?: number;
}

export interface ScannedPage {
  /** Grey pixels of the page as scanned (after skew, turn and noise). */
  png: Buffer;
  width: number;
  height: number;
  /** The lines as drawn (after wrapping): the page's known text. */
  text: string;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws a page of text and scans it. */
export async function scanPage(spec: PageSpec): Promise<ScannedPage> {
  fonts();
  const dpi = spec.dpi ?? 200;
  const width = Math.round((spec.widthIn ?? 8.27) * dpi);
  const height = Math.round((spec.heightIn ?? 11.69) * dpi);
  const px = ((spec.pointSize ?? 13) * dpi) / 72;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#111111';
  const margin = Math.min(dpi * 0.8, width * 0.08);
  const right = width - margin;
  let y = margin + px;
  const drawn: string[] = [];
  for (const raw of spec.lines) {
    const bold = raw.startsWith('# ');
    const line = bold ? raw.slice(2) : raw;
    g.font = `${px}px ${bold ? 'ScanSerifBold' : 'ScanSerif'}`;
    let current = '';
    const flush = () => {
      if (current === '' || y > height - margin) return;
      g.fillText(current, margin, y);
      drawn.push(current);
      y += px * 1.45;
      current = '';
    };
    for (const word of line.split(/\s+/).filter(Boolean)) {
      const next = current ? `${current} ${word}` : word;
      if (current && g.measureText(next).width > right - margin) {
        flush();
        current = word;
      } else current = next;
    }
    flush();
  }
  let image = sharp(canvas.toBuffer('image/png')).greyscale();
  if (spec.skew) image = sharp(await image.rotate(spec.skew, { background: '#ffffff' }).png().toBuffer()).extract({ left: 0, top: 0, width, height }).greyscale();
  if (spec.turn) image = image.rotate(spec.turn);
  let { data, info } = await image.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  if (spec.noise) {
    const rnd = mulberry32(spec.seed ?? 1);
    const flips = Math.round(data.length * spec.noise);
    for (let i = 0; i < flips; i++) {
      const at = Math.floor(rnd() * data.length);
      data[at] = data[at]! > 128 ? 60 : 230;
    }
  }
  const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).png().toBuffer();
  return { png, width: info.width, height: info.height, text: drawn.join('\n') };
}

/** A scanned page saved as JPEG (quality 60 by default: the blocky artefacts of a cheap scanner). */
export function asJpeg(page: ScannedPage, quality = 60): Promise<Buffer> {
  return sharp(page.png).jpeg({ quality }).toBuffer();
}

/** Scanned pages saved as one multi-page TIFF (LZW), as scanners write a stack of sheets. */
export async function asTiff(pages: ScannedPage[]): Promise<Buffer> {
  const width = Math.max(...pages.map((p) => p.width));
  const height = Math.max(...pages.map((p) => p.height));
  const padded = await Promise.all(
    pages.map((p) => sharp(p.png).extend({ right: width - p.width, bottom: height - p.height, background: '#ffffff' }).extractChannel(0).raw().toBuffer()),
  );
  // libvips writes one TIFF page per `pageHeight` rows of a tall image.
  return sharp(Buffer.concat(padded), { raw: { width, height: height * pages.length, channels: 1, pageHeight: height } })
    .tiff({ compression: 'lzw' })
    .toBuffer();
}

/** Scanned pages as an image-only PDF: each page one JPEG filling a page of the scan's size. */
export async function asImagePdf(pages: ScannedPage[], dpi = 200): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (const p of pages) {
    const w = (p.width / dpi) * 72;
    const h = (p.height / dpi) * 72;
    doc.addPage({ size: [w, h], margin: 0 });
    doc.image(await asJpeg(p, 75), 0, 0, { width: w, height: h });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
