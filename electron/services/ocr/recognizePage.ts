/**
 * One page through OCR: find how it lies (turned by 90°, skewed by a degree or two), turn it
 * upright, recognise it, and give the words' boxes back in the page's own units (as the original
 * is shown, unturned), so the viewer can draw them over the original.
 *
 * Upside down is told by reading: a page read with a poor confidence is read again turned by 180°
 * and the better reading kept (a sound page, the common case, is read once).
 */
import sharp, { type Sharp } from 'sharp';
import { type RecognisedWord, pageConfidence } from '../../../shared/ocr/ocrText';
import { type GreyImage, estimatePageLie } from '../../../shared/ocr/skew';
import { type HeaderBand, headerBand, inBand, surerReading } from '../../../shared/ocr/headerBand';
import { readingScale } from '../../../shared/ocr/readingScale';
import { type Rect, inBlock, titleBlock } from '../../../shared/ocr/titleBlock';
import { ruleLines, withRules } from '../../../shared/ocr/ruleLines';
import { CONFIRM_SCALES, agreeingConfidence, backsWord, confirmBox, confirmedConfidence, wordsToConfirm } from '../../../shared/ocr/confirmWords';
import type { OcrEngine, OcrWord } from './engine';

/** Below this page confidence the page is read again turned over. */
const RETRY_BELOW_CONFIDENCE = 60;
/** Skews smaller than this are left alone (turning costs time and blurs a little). */
const MIN_SKEW = 0.15;
/** The width the lie of the page is measured at. */
const PROBE_WIDTH = 1000;

function raw(img: GreyImage) {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } });
}

async function probe(img: GreyImage, turn: number): Promise<GreyImage> {
  let p = raw(img);
  if (turn !== 0) p = p.rotate(turn);
  const w = turn % 180 === 0 ? img.width : img.height;
  if (w > PROBE_WIDTH) p = raw(await toGrey(p)).resize({ width: PROBE_WIDTH });
  return toGrey(p);
}

async function toGrey(p: Sharp): Promise<GreyImage> {
  const { data, info } = await p.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height) };
}

/**
 * The page as a binary PGM (P5): its grey pixels behind a one-line header. Tesseract reads it
 * without decoding anything; a PNG from sharp of the same pixels is written in RGB, which the
 * engine inflated and converted back to grey at about 10% of the page's recognition time.
 */
export function greyPnm(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header, 0);
  out.set(pixels.subarray(0, width * height), header.length);
  return out;
}

/** A clockwise turn by `deg` about the centre, from an image w×h to one W×H (sharp grows the canvas). */
function unturn(deg: number, w: number, h: number, W: number, H: number) {
  const t = (-deg * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  return (x: number, y: number): [number, number] => {
    const dx = x - W / 2;
    const dy = y - H / 2;
    return [dx * cos - dy * sin + w / 2, dx * sin + dy * cos + h / 2];
  };
}

export interface PageReading {
  words: RecognisedWord[];
  confidence: number | undefined;
  /** The clockwise turn applied before reading (90/180/270 plus the skew). */
  turn: number;
}

/**
 * The page's header table read again cell by cell (headerBand.ts), each cell alone at the scale
 * its words read best (readingScale.ts): each cell's own reading replaces the first reading's
 * words in it when the recogniser is at least as sure of it; the cells come first, left cell
 * first, each a block of its own. A page with no header band keeps its first reading.
 */
async function rereadHeader(engine: OcrEngine, page: GreyImage, words: OcrWord[], band: HeaderBand | null, dpi: number, signal?: AbortSignal): Promise<OcrWord[]> {
  if (!band) return words;
  const nextBlock = Math.max(0, ...words.map((w) => w.block)) + 1;
  const inside = words.filter((w) => inBand(w, band));
  const header: OcrWord[] = [];
  for (const [i, [left, right]] of [
    [0, band.split],
    [band.split, page.width],
  ].entries()) {
    const first = inside.filter((w) => (w.left + w.width / 2 < band.split) === (i === 0));
    const again = await readAlone(engine, page, { left: left!, top: band.top, right: right!, bottom: band.bottom }, first, dpi, signal);
    header.push(...surerReading(first, again, nextBlock + i));
  }
  return [...header, ...words.filter((w) => !inBand(w, band))];
}

/**
 * A rectangle of the page read alone as one block of text, at the scale that brings its words (as
 * the first reading measured them) to the height the recogniser reads best (readingScale.ts). The
 * words come back in the page's pixels.
 */
async function readAlone(engine: OcrEngine, page: GreyImage, r: Rect, first: readonly OcrWord[], dpi: number, signal?: AbortSignal): Promise<OcrWord[]> {
  const cut = cropGrey(page, r.left, r.top, r.right - r.left, r.bottom - r.top);
  const scale = readingScale(first.filter((w) => /\p{L}{2}/u.test(w.text)).map((w) => w.height));
  const image = scale === 1 ? cut : await scaled(cut, scale);
  const k = image.width / cut.width;
  const read = await engine.recognize(greyPnm(image.data, image.width, image.height), dpi * k, signal, 'column');
  return read.words.map((w) => ({ ...w, left: Math.round(w.left / k) + r.left, top: Math.round(w.top / k) + r.top, width: Math.round(w.width / k), height: Math.round(w.height / k) }));
}

/**
 * The page's title block (titleBlock.ts: the type word and the trích yếu under the header) read
 * again alone, as a header cell is; its reading replaces the first one, in place, when the
 * recogniser is at least as sure of it.
 */
async function rereadTitle(engine: OcrEngine, page: GreyImage, words: OcrWord[], band: HeaderBand | null, dpi: number, signal?: AbortSignal): Promise<OcrWord[]> {
  const block = band && titleBlock(words, page.width, page.height, band);
  if (!block) return words;
  const first = words.filter((w) => inBlock(w, block));
  const again = await readAlone(engine, page, block, first, dpi, signal);
  const title = surerReading(first, again, Math.max(0, ...words.map((w) => w.block)) + 1);
  const at = words.findIndex((w) => inBlock(w, block));
  const rest = words.filter((w) => !inBlock(w, block));
  return [...rest.slice(0, at), ...title, ...rest.slice(at)];
}

/**
 * The page's unsure number-symbols read again one by one, each cut out on its own line and read at the
 * scales of confirmWords.ts; a word every reading gives letter for letter and surely takes their
 * confidence. A reading that disagrees ends the word's readings (the next would not change it).
 */
async function confirmUnsureWords(engine: OcrEngine, page: GreyImage, words: OcrWord[], dpi: number, signal?: AbortSignal): Promise<OcrWord[]> {
  const unsure = new Set(wordsToConfirm(words));
  if (unsure.size === 0) return words;
  const out: OcrWord[] = [];
  for (const w of words) {
    if (!unsure.has(w)) {
      out.push(w);
      continue;
    }
    const box = confirmBox(w, page.width, page.height);
    if (box.width < MIN_CUT || box.height < MIN_CUT) {
      out.push(w);
      continue;
    }
    const cut = cropGrey(page, box.left, box.top, box.width, box.height);
    const readings: Array<number | null> = [];
    for (const scale of CONFIRM_SCALES) {
      const image = scale === 1 ? cut : await scaled(cut, scale);
      const again = await engine.recognize(greyPnm(image.data, image.width, image.height), dpi * scale, signal, 'line');
      const confidence = agreeingConfidence(w.text, again.words);
      readings.push(confidence);
      if (!backsWord(confidence)) break;
    }
    out.push({ ...w, confidence: readings.length === CONFIRM_SCALES.length ? confirmedConfidence(w.confidence, readings) : w.confidence });
  }
  return out;
}

/** A cut smaller than this (pixels) on a side holds no word to read. */
const MIN_CUT = 8;

/** A grey image resized by `scale` (a smooth kernel: a smaller word keeps its strokes' weight). */
async function scaled(img: GreyImage, scale: number): Promise<GreyImage> {
  return toGrey(raw(img).resize({ width: Math.max(1, Math.round(img.width * scale)), kernel: 'cubic' }));
}

/** A rectangle of a grey image. */
function cropGrey(img: GreyImage, left: number, top: number, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(img.data.subarray((top + y) * img.width + left, (top + y) * img.width + left + width), y * width);
  return { width, height, data };
}

async function readTurned(engine: OcrEngine, img: GreyImage, turn: number, dpi: number, signal?: AbortSignal): Promise<PageReading> {
  let p = raw(img);
  if (turn !== 0) p = p.rotate(turn, { background: { r: 255, g: 255, b: 255 } });
  const { data, info } = await p.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const upright: GreyImage = { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height) };
  const first = await engine.recognize(greyPnm(upright.data, upright.width, upright.height), dpi, signal);
  const band = headerBand(first.words, upright.width, upright.height);
  const titled = await rereadTitle(engine, upright, first.words, band, dpi, signal);
  const words = await confirmUnsureWords(engine, upright, await rereadHeader(engine, upright, titled, band, dpi, signal), dpi, signal);
  // The rules the recogniser drops (under the title block, under a header cell) go back into the
  // reading as the line of dashes a saved text writes for them (ruleLines.ts).
  const ruled = withRules(words, ruleLines(upright, words), band?.bottom ?? null);
  const back = unturn(turn, img.width, img.height, info.width, info.height);
  const mapped: RecognisedWord[] = ruled.map((w) => {
    const corners = [back(w.left, w.top), back(w.left + w.width, w.top), back(w.left, w.top + w.height), back(w.left + w.width, w.top + w.height)];
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const x = Math.max(0, Math.min(...xs));
    const y = Math.max(0, Math.min(...ys));
    return { text: w.text, x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y, confidence: w.confidence, block: w.block, paragraph: w.paragraph, line: w.line };
  });
  return { words: mapped, confidence: pageConfidence(words), turn };
}

/**
 * Reads a grey page image. Word boxes come back in the image's pixels (before any turn); the
 * caller scales them to page units.
 */
export async function recognizePage(engine: OcrEngine, img: GreyImage, dpi: number, signal?: AbortSignal): Promise<PageReading> {
  const lie = estimatePageLie(await probe(img, 0));
  let turn = 0;
  if (lie.sideways) {
    turn = 90;
    const again = estimatePageLie(await probe(img, 90));
    if (Math.abs(again.skew) >= MIN_SKEW) turn += again.skew;
  } else if (Math.abs(lie.skew) >= MIN_SKEW) turn = lie.skew;
  const first = await readTurned(engine, img, turn, dpi, signal);
  if (first.words.length === 0 || (first.confidence ?? 0) >= RETRY_BELOW_CONFIDENCE) return first;
  const flipped = await readTurned(engine, img, turn + 180, dpi, signal);
  return (flipped.confidence ?? 0) > (first.confidence ?? 0) + 5 ? flipped : first;
}
