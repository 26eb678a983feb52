/**
 * Scanned pages as images: JPEG, PNG (and the other formats the browser decodes) through
 * createImageBitmap, TIFF (one page or many, as scanners write them) through utif. Everything is
 * drawn on a canvas, so the window's image policy stays as strict as it is. A page larger than
 * MAX_PIXELS is refused rather than allowed to exhaust memory.
 */
export const MAX_PIXELS = 120_000_000;
export const MAX_PAGES = 2_000;

export interface ImagePage {
  width: number;
  height: number;
  draw(canvas: HTMLCanvasElement, scale: number): void;
}

export class ImageTooLarge extends Error {}

function checkSize(width: number, height: number): void {
  if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) throw new ImageTooLarge(`${width}×${height}`);
}

function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number, scale: number): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.floor(width * scale * ratio));
  canvas.height = Math.max(1, Math.floor(height * scale * ratio));
  canvas.style.width = `${Math.floor(width * scale)}px`;
  canvas.style.height = `${Math.floor(height * scale)}px`;
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.setTransform(scale * ratio, 0, 0, scale * ratio, 0, 0);
  return ctx;
}

async function bitmapPage(bytes: Uint8Array<ArrayBuffer>): Promise<ImagePage[]> {
  const bitmap = await createImageBitmap(new Blob([bytes]));
  checkSize(bitmap.width, bitmap.height);
  return [{ width: bitmap.width, height: bitmap.height, draw: (canvas, scale) => sizeCanvas(canvas, bitmap.width, bitmap.height, scale).drawImage(bitmap, 0, 0) }];
}

async function tiffPages(bytes: Uint8Array<ArrayBuffer>): Promise<ImagePage[]> {
  const UTIF = await import('utif');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  // Thumbnails and masks are IFDs too: keep the images that have a size.
  const ifds = UTIF.decode(buffer).filter((ifd) => Array.isArray(ifd['t256']) && Array.isArray(ifd['t257'])).slice(0, MAX_PAGES);
  const pages: ImagePage[] = [];
  for (const ifd of ifds) {
    const w = Number((ifd['t256'] as number[] | undefined)?.[0] ?? 0);
    const h = Number((ifd['t257'] as number[] | undefined)?.[0] ?? 0);
    checkSize(w, h);
    let bitmap: ImageBitmap | null = null;
    pages.push({
      width: w,
      height: h,
      draw(canvas, scale) {
        const ctx = sizeCanvas(canvas, w, h, scale);
        if (bitmap) return void ctx.drawImage(bitmap, 0, 0);
        // Decoded on first view only: a 300-page TIFF is not unpacked all at once.
        UTIF.decodeImage(buffer, ifd);
        const rgba = UTIF.toRGBA8(ifd);
        const data = new ImageData(new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, w * h * 4), w, h);
        void createImageBitmap(data).then((b) => {
          bitmap = b;
          sizeCanvas(canvas, w, h, scale).drawImage(b, 0, 0);
        });
      },
    });
  }
  if (pages.length === 0) throw new Error('no image in the TIFF');
  return pages;
}

export function decodeImagePages(bytes: Uint8Array<ArrayBuffer>, kind: 'image' | 'tiff'): Promise<ImagePage[]> {
  return kind === 'tiff' ? tiffPages(bytes) : bitmapPage(bytes);
}
