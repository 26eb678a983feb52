/**
 * The rules drawn on a scanned page: the short line under a header cell, under the motto and
 * under the title block (the type word and its trích yếu). The recogniser reads none of them,
 * whether drawn as a line or typed as a row of dashes (`-----`): its page layout takes a long thin
 * run of ink for a separator and drops it. A saved text keeps the rule as a line of dashes, and
 * the parser ends a subject at it (a subject's lines up to the rule are its own, whatever their
 * case); found in the image, the rule goes back into the scan's text as that same line.
 *
 * A rule is a horizontal run of ink (gaps between typed dashes bridged) at least a word and a
 * half long, no thicker than a quarter of a word, with paper just above and just below it across
 * its length, and no word read across it but one read from the rule itself (a rule read as
 * letters, `HN`, in a box as thin as the rule), which the rule replaces. A line of text is never
 * one: its letters rise above and hang below any row through them, however close they stand.
 */
import { type BandWord, type ReadWord } from './headerBand';
import { type GreyImage, otsuThreshold } from './skew';
import type { Rect } from './titleBlock';

/** A rule is at least this many words' heights long (an em dash in a sentence is about one). */
const MIN_LENGTH = 1.5;
/** Ink gaps up to this share of a word's height are bridged (between the dashes of `-----`). */
const MAX_GAP = 0.3;
/** A rule is at most this share of a word's height thick (with the blur of a scan). */
const MAX_THICKNESS = 0.25;
/** Paper this share of a word's height above and below the rule. */
const CLEAR = 0.25;
/** A row with ink along this share of a rule's length is part of it. */
const EDGE_INK = 0.2;
/** At most this share of the pixels along the rule's length above and below it may be ink (specks). */
const CLEAR_INK = 0.04;

/** The median height of the words of two letters or more (specks and marks give no height). */
function wordHeight(words: readonly BandWord[]): number | null {
  const heights = words.filter((w) => /\p{L}{2}/u.test(w.text) && w.height > 0).map((w) => w.height).sort((a, b) => a - b);
  return heights.length === 0 ? null : heights[Math.floor(heights.length / 2)]!;
}

/** Runs of ink on row `y` at least `min` long, gaps up to `gap` bridged: [left, right) pairs. */
function inkRuns(img: GreyImage, y: number, ink: number, gap: number, min: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const row = y * img.width;
  let start = -1;
  let last = -1;
  for (let x = 0; x < img.width; x++) {
    if (img.data[row + x]! > ink) continue;
    if (start < 0 || x - last - 1 > gap) {
      if (start >= 0 && last + 1 - start >= min) runs.push([start, last + 1]);
      start = x;
    }
    last = x;
  }
  if (start >= 0 && last + 1 - start >= min) runs.push([start, last + 1]);
  return runs;
}

/** The share of ink pixels in rows [from, to) between `left` and `right`. */
function inkShare(img: GreyImage, from: number, to: number, left: number, right: number, ink: number): number {
  let dark = 0;
  let all = 0;
  for (let y = Math.max(0, from); y < Math.min(img.height, to); y++) {
    const row = y * img.width;
    for (let x = left; x < right; x++) {
      all++;
      if (img.data[row + x]! <= ink) dark++;
    }
  }
  return all === 0 ? 1 : dark / all;
}

const overlaps = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) > Math.max(a0, b0);

/**
 * Whether a word was read from the rule itself (the rule under `VĂN PHÒNG CHÍNH PHỦ` read as `HN`):
 * its box lies within the rule's rows, no taller than the rule, where a letter stands a word high.
 */
function readFrom(w: BandWord, r: Rect): boolean {
  return w.top >= r.top - 1 && w.top + w.height <= r.bottom + 1 && overlaps(w.left, w.left + w.width, r.left, r.right);
}

/** The rules on a page, top to bottom, given its first reading's words (for their height and places). */
export function ruleLines(img: GreyImage, words: readonly BandWord[]): Rect[] {
  const h = wordHeight(words);
  if (h === null) return [];
  const ink = otsuThreshold(img);
  const min = Math.round(MIN_LENGTH * h);
  const gap = Math.max(1, Math.round(MAX_GAP * h));
  // Runs on consecutive rows whose spans overlap are one candidate, grown row by row.
  const open: Rect[] = [];
  const done: Rect[] = [];
  for (let y = 0; y < img.height; y++) {
    const runs = inkRuns(img, y, ink, gap, min);
    const still: Rect[] = [];
    for (const [l, r] of runs) {
      // The candidate of the row above whose span the run overlaps grows by it.
      const c = open.find((o) => o.bottom === y && overlaps(o.left, o.right, l, r));
      if (c) {
        c.left = Math.min(c.left, l);
        c.right = Math.max(c.right, r);
        c.bottom = y + 1;
        if (!still.includes(c)) still.push(c);
      } else still.push({ left: l, top: y, right: r, bottom: y + 1 });
    }
    for (const o of open) if (!still.includes(o)) done.push(o);
    open.length = 0;
    open.push(...still);
  }
  done.push(...open);
  const thick = Math.max(2, Math.round(MAX_THICKNESS * h));
  const clear = Math.max(2, Math.round(CLEAR * h));
  // A rule's first and last rows, shorter than a rule on a skew of a tenth of a degree or with the
  // blur, are its own: it grows over the rows with ink along a good part of its length.
  for (const c of done) {
    while (c.top > 0 && c.bottom - c.top <= thick && inkShare(img, c.top - 1, c.top, c.left, c.right, ink) >= EDGE_INK) c.top--;
    while (c.bottom < img.height && c.bottom - c.top <= thick && inkShare(img, c.bottom, c.bottom + 1, c.left, c.right, ink) >= EDGE_INK) c.bottom++;
  }
  // A run that broke off a rule on one row (a gap a little wider than a dash's) grew with it: one rule.
  const rules: Rect[] = [];
  for (const c of [...done].sort((a, b) => b.right - b.left - (a.right - a.left))) {
    if (!rules.some((k) => k.left <= c.left && c.right <= k.right && overlaps(k.top, k.bottom, c.top, c.bottom))) rules.push(c);
  }
  return rules
    .filter(
      (c) =>
        c.bottom - c.top <= thick &&
        inkShare(img, c.top - clear, c.top, c.left, c.right, ink) <= CLEAR_INK &&
        inkShare(img, c.bottom, c.bottom + clear, c.left, c.right, ink) <= CLEAR_INK &&
        !words.some((w) => /[\p{L}\p{N}]/u.test(w.text) && !readFrom(w, c) && overlaps(w.left, w.left + w.width, c.left, c.right) && overlaps(w.top, w.top + w.height, c.top, c.bottom)),
    )
    .sort((a, b) => a.top - b.top);
}

/** What a rule reads as in the text: the line of dashes a saved text writes for it. */
export const RULE_TEXT = '-----';

/** Each line of the words in reading order: where it starts in the list, its top and its span. */
function lineStarts(words: readonly ReadWord[]): Array<{ at: number; top: number; left: number; right: number }> {
  const lines: Array<{ at: number; top: number; left: number; right: number }> = [];
  for (const [i, w] of words.entries()) {
    const p = words[i - 1];
    if (!p || p.block !== w.block || p.paragraph !== w.paragraph || p.line !== w.line) lines.push({ at: i, top: w.top, left: w.left, right: w.left + w.width });
    const l = lines[lines.length - 1]!;
    l.top = Math.min(l.top, w.top);
    l.left = Math.min(l.left, w.left);
    l.right = Math.max(l.right, w.left + w.width);
  }
  return lines;
}

/**
 * The page's words with each rule among them as a line of its own: a block of its own, put before
 * the first line (in reading order) that stands under the rule and across its length (the number
 * under a rule in the issuer's cell, the body under the title block's); after every word when
 * none does. It is as sure as a word read surely: it is drawn, not guessed.
 *
 * The rules of the header table (above `headerBottom`: under the issuer, under the motto) only
 * take the place of letters read from them: the header's reader takes the cells by their places,
 * where a rule level with the other cell's line (the motto's beside the number) would join it.
 */
export function withRules<W extends ReadWord>(words: readonly W[], rules: readonly Rect[], headerBottom: number | null = null): Array<W | ReadWord> {
  const out: Array<W | ReadWord> = words.filter((w) => !rules.some((r) => readFrom(w, r)));
  let block = Math.max(0, ...words.map((w) => w.block));
  for (const r of rules) {
    if (headerBottom !== null && r.bottom <= headerBottom) continue;
    const rule: ReadWord = { text: RULE_TEXT, left: r.left, top: r.top, width: r.right - r.left, height: r.bottom - r.top, confidence: 100, block: ++block, paragraph: 1, line: 1 };
    const at = lineStarts(out).find((l) => out[l.at]!.text !== RULE_TEXT && l.top >= r.bottom && overlaps(l.left, l.right, r.left, r.right))?.at;
    out.splice(at ?? out.length, 0, rule);
  }
  return out;
}
