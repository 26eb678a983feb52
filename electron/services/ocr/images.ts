/**
 * Image files a scanner writes (JPEG, PNG, TIFF with one page or many), opened with sharp (libvips,
 * prebuilt inside its npm packages): the size of every page is read from the headers before any
 * pixel is decoded, so a "pixel bomb" (a small file that decodes to billions of pixels) is refused
 * with a clear message instead of filling the memory.
 */
import sharp, { type Metadata } from 'sharp';
import { ApiError } from '../../../shared/contract/errors';
import type { GreyImage } from '../../../shared/ocr/skew';

export const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.tif', '.tiff']);

/** One page at most this many pixels: an A3 sheet at 600 dpi is 70 million. */
export const MAX_PAGE_PIXELS = 100_000_000;
/** A file at most this many pages (a scanner's multi-page TIFF of one document). */
export const MAX_IMAGE_PAGES = 1_000;
/** All pages of one file together at most this many pixels (1,000 A4 pages at 200 dpi). */
export const MAX_FILE_PIXELS = 4_000_000_000;
/** Pages are read for OCR at most this long on their long side: an A4 page at 300 dpi. */
export const MAX_OCR_SIDE = 3_600;


export interface ImageFile {
  format: 'jpeg' | 'png' | 'tiff';
  pages: Array<{ width: number; height: number; dpi: number | null }>;
}

function formatOf(bytes: Uint8Array): ImageFile['format'] | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0x00)) return 'tiff';
  return null;
}

/** Reads an image file's pages from its headers (no pixel decoded) and checks them against the budgets. */
export async function openImage(bytes: Uint8Array, fileName: string): Promise<ImageFile> {
  const format = formatOf(bytes);
  if (!format) throw new ApiError('ocr.notAnImage', { fileName });
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false, pages: 1 }).metadata();
  } catch (err) {
    throw new ApiError('ocr.imageDamaged', { fileName, detail: String(err) });
  }
  const count = meta.pages ?? 1;
  if (count > MAX_IMAGE_PAGES) throw new ApiError('ocr.tooManyPages', { fileName, pages: count, max: MAX_IMAGE_PAGES });
  const pages: ImageFile['pages'] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const m = i === 0 ? meta : await sharp(bytes, { limitInputPixels: false, page: i, pages: 1 }).metadata().catch(() => null);
    if (!m?.width || !m.height) throw new ApiError('ocr.pageDamaged', { fileName, page: i + 1 });
    const pixels = m.width * m.height;
    total += pixels;
    if (pixels > MAX_PAGE_PIXELS || total > MAX_FILE_PIXELS) {
      throw new ApiError('ocr.pageTooLarge', { fileName, page: i + 1, width: m.width, height: m.height, maxMegapixels: MAX_PAGE_PIXELS / 1e6 });
    }
    const dpi = m.density && m.density >= 50 && m.density <= 1200 ? m.density : null;
    pages.push({ width: m.width, height: m.height, dpi });
  }
  return { format, pages };
}

/** One page in grey, scaled down to at most MAX_OCR_SIDE on its long side, upright per its EXIF tag. */
export async function greyPage(bytes: Uint8Array, fileName: string, index: number, file: ImageFile): Promise<{ image: GreyImage; scale: number }> {
  const page = file.pages[index]!;
  const scale = Math.min(1, MAX_OCR_SIDE / Math.max(page.width, page.height));
  try {
    // Transparent parts are paper: flattened onto white before the grey conversion.
    let pipeline = sharp(bytes, { limitInputPixels: MAX_PAGE_PIXELS, page: index, pages: 1 }).autoOrient().flatten({ background: '#ffffff' }).greyscale();
    if (scale < 1) pipeline = pipeline.resize({ width: MAX_OCR_SIDE, height: MAX_OCR_SIDE, fit: 'inside' });
    const { data, info } = await pipeline.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    return { image: { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height) }, scale };
  } catch (err) {
    throw new ApiError('ocr.pageUndecodable', { fileName, page: index + 1, detail: String(err) });
  }
}
