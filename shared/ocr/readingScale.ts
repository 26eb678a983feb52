/**
 * The scale a cut of a page (a header cell, the title block) is read again at: the one that brings
 * its words to the height the recogniser reads best, measured from the words' boxes in the page's
 * first reading rather than taken from the dpi (a header's small type at 150 dpi and a title's bold
 * capitals at 300 dpi stand four times apart).
 *
 * Words 40 px high (a capital with its tone mark, about a 13-point line at 200 dpi) read best: on
 * the seen collection's JPEG scans, header cells read at that height instead of as scanned gave
 * back issuers and dates lost at 150, 240 and 300 dpi. A reading at another scale is also a second
 * look that does not repeat the first reading's misreads, as one at the same scale does.
 */

/** The word height (pixels, a word's box with its marks) a cut is brought to. */
export const READING_WORD_HEIGHT = 40;
/** Scales outside these bounds blur or break strokes more than they help. */
const MIN_SCALE = 0.5;
const MAX_SCALE = 3;
/** Scales this close to 1 read the cut as it is (resampling costs time and blurs a little). */
const SAME_SCALE = 0.05;

/**
 * The scale to read a cut at, from the heights of its words in the first reading (words of two
 * letters or more; specks and marks give no height); 1 when there is none.
 */
export function readingScale(heights: readonly number[]): number {
  const sorted = heights.filter((h) => h > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return 1;
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, READING_WORD_HEIGHT / median));
  return Math.abs(scale - 1) < SAME_SCALE ? 1 : scale;
}
