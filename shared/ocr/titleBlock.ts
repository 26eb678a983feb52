/**
 * The title block of a scanned page: the centred lines under its header table (the type word,
 * `QUYẾT ĐỊNH`, and the trích yếu under it, `Về việc …`), found in a first reading so they can be
 * read again as one block of their own. Read as part of the whole page, the recogniser's layout
 * takes these short bold lines with the rule under them for a block among others and misreads
 * their syllables more often than the body's; cut out, they are one plain column of text.
 *
 * The block is the run of lines right under the header band centred on the axis of the first one
 * (a short line near the page's middle: the type word); it ends at the first line that is not (a
 * paragraph's first line is set in at the left only, a `Căn cứ` line starts at the left edge and
 * stops short of the right one).
 */
import { type BandWord, type HeaderBand, type Line, linesOf } from './headerBand';

/** A rectangle of a page, in pixels (right and bottom exclusive). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A line this share of the page's width or wider is the body's, not a type word. */
const BODY_LINE = 0.6;
/** The type word stands within this share of the page's width of the page's middle. */
const MIDDLE = 0.1;
/**
 * A title line's centre lies within this share of the page's width of the type word's centre. A
 * paragraph's first line, set in at the left by about 6% of the column, stands about twice as far.
 */
const CENTRE_TOLERANCE = 0.015;
/** A title block has at most this many lines (a type word and a long trích yếu). */
const MAX_LINES = 8;

const leftOf = (l: Line) => l.spans[0]![0];
const rightOf = (l: Line) => l.spans[l.spans.length - 1]![1];
const centreOf = (l: Line) => (leftOf(l) + rightOf(l)) / 2;

/**
 * The title block under `band` on a page `width`×`height`, from the page's first reading, or null
 * when the page has none: the first line under the band is not a short line near the page's
 * middle (the body or a `Kính gửi` line starts right under the header).
 */
export function titleBlock(words: readonly BandWord[], width: number, height: number, band: HeaderBand): Rect | null {
  const lines = linesOf(words).filter((l) => l.top >= band.bottom);
  const head = lines[0];
  if (!head || rightOf(head) - leftOf(head) >= width * BODY_LINE || Math.abs(centreOf(head) - width / 2) > width * MIDDLE) return null;
  // The lines under the type word are centred on the same axis, whatever the body's margins.
  const axis = centreOf(head);
  const title: Line[] = [];
  for (const l of lines) {
    if (Math.abs(centreOf(l) - axis) > width * CENTRE_TOLERANCE || title.length === MAX_LINES) break;
    title.push(l);
  }
  const last = title[title.length - 1]!;
  const next = lines[title.length];
  const lineHeight = head.bottom - head.top;
  const bottom = Math.round(Math.min(next ? (last.bottom + next.top) / 2 : height, last.bottom + 0.5 * lineHeight));
  return {
    left: Math.max(0, Math.round(Math.min(...title.map(leftOf)) - lineHeight)),
    top: Math.max(band.bottom, Math.round(head.top - 0.5 * lineHeight)),
    right: Math.min(width, Math.round(Math.max(...title.map(rightOf)) + lineHeight)),
    bottom,
  };
}

/** Whether a word's centre lies in the block. */
export function inBlock(w: BandWord, block: Rect): boolean {
  const cx = w.left + w.width / 2;
  const cy = w.top + w.height / 2;
  return cx >= block.left && cx < block.right && cy >= block.top && cy < block.bottom;
}
