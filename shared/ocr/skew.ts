/**
 * How a scanned page lies: the small angle it was skewed by on the scanner glass, and whether its
 * lines run across the image (upright or upside down) or down it (turned by 90° or 270°).
 *
 * Projection profiles: text lines are dark bands separated by white gaps, so the row sums of the
 * dark pixels change sharply from one row to the next when the rows follow the lines, and blur
 * when they cross them at an angle. The angle whose profile changes most sharply is the skew.
 * Pure arithmetic on a small grey image (about 1,000 pixels wide), fast enough for every page.
 */

/** A single-channel (grey, 0 black – 255 white) image, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface PageLie {
  /** Degrees to rotate the image clockwise to make its lines level (within ±MAX_SKEW); 0 when sideways (turn it, then ask again). */
  skew: number;
  /** True when the lines run down the image: the page was scanned turned by 90° or 270°. */
  sideways: boolean;
  /** How sure the profile is (sharpness across / sharpness down; 1 means no telling). */
  contrast: number;
}

/** Scanners and hand-fed copies skew by a few degrees at most; beyond that is a layout, not a skew. */
export const MAX_SKEW = 6;

/** Otsu's threshold: the grey level that best splits ink from paper. */
export function otsuThreshold(img: GreyImage): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of img.data) hist[v]!++;
  const total = img.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Coordinates of the dark pixels (x, y interleaved). */
function darkPixels(img: GreyImage): Int32Array {
  const t = otsuThreshold(img);
  const out: number[] = [];
  const { width, height, data } = img;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (data[y * width + x]! <= t) out.push(x, y);
  }
  return Int32Array.from(out);
}

/** Sharpness of the profile along lines tilted by `deg` (pixels given as [along, across] pairs). */
function profileSharpness(points: Int32Array, swap: boolean, length: number, deg: number): number {
  const tan = Math.tan((deg * Math.PI) / 180);
  const pad = Math.ceil(Math.abs(tan) * length) + 2;
  const bins = new Float64Array(length + 2 * pad + 2);
  for (let i = 0; i < points.length; i += 2) {
    const along = swap ? points[i + 1]! : points[i]!;
    const across = swap ? points[i]! : points[i + 1]!;
    const bin = Math.round(across - along * tan) + pad;
    if (bin >= 0 && bin < bins.length) bins[bin]!++;
  }
  let score = 0;
  for (let i = 1; i < bins.length; i++) {
    const d = bins[i]! - bins[i - 1]!;
    score += d * d;
  }
  return score;
}

function bestAngle(points: Int32Array, swap: boolean, length: number): { angle: number; score: number } {
  let best = { angle: 0, score: -1 };
  for (let a = -MAX_SKEW; a <= MAX_SKEW + 1e-9; a += 0.5) {
    const s = profileSharpness(points, swap, length, a);
    if (s > best.score) best = { angle: a, score: s };
  }
  const coarse = best.angle;
  for (let a = coarse - 0.5; a <= coarse + 0.5 + 1e-9; a += 0.05) {
    const s = profileSharpness(points, swap, length, a);
    if (s > best.score) best = { angle: a, score: s };
  }
  return best;
}

/**
 * Skew and orientation of a page. A page with (almost) no ink says 0° upright. The skew is the
 * clockwise rotation that levels the lines, in the orientation the lines were found in.
 */
export function estimatePageLie(img: GreyImage): PageLie {
  const points = darkPixels(img);
  if (points.length < 200) return { skew: 0, sideways: false, contrast: 1 };
  const across = bestAngle(points, false, img.width);
  const down = bestAngle(points, true, img.height);
  const sideways = down.score > across.score * 1.15;
  const found = sideways ? down : across;
  const other = sideways ? across : down;
  // Rows tilted by +a (y grows with x) are levelled by turning the image a degrees anticlockwise.
  const skew = sideways ? 0 : Math.round(-across.angle * 100) / 100;
  return { skew: skew === 0 ? 0 : skew, sideways, contrast: other.score > 0 ? found.score / other.score : 1 };
}
