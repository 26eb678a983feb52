import type { Seg } from './clean';
import { isCapitals, startsLowercase } from './lexicon';
import { joinPieces, slicePiece, stripTrailingPunct, trimPiece, type Piece } from './piece';

/**
 * The bullet lists under `Kính gửi:` and `Nơi nhận:`: one item per `-` (or `+`, `•`) line, an item
 * wrapped over several lines joined back, the list punctuation (`,` `;` `.`) removed.
 *
 * A line without a bullet continues the item above when it starts in lower case (`chính trị - xã
 * hội tỉnh,` after `… các tổ chức`), or when the item above is unfinished (no `,` `;` `.`) and the
 * line follows it directly, or ends in a comma where the list's items end otherwise. A list written without bullets is read line by line while each line
 * ends in list punctuation.
 */

export interface ListOptions {
  /** Segments that end the list (the signature, the body …). */
  stop: (seg: Seg) => boolean;
  /**
   * Lines of another block a reading order put between the list's items (the signature's
   * authority and title, read row by row beside the recipients): stepped over when a bullet
   * follows them.
   */
  interleaved?: (seg: Seg) => boolean;
  /**
   * A heading inside the list over the items after it (`Bản điện tử:` over the copies sent
   * electronically): stepped over while the list is open and a bullet follows it.
   */
  subHeading?: (seg: Seg) => boolean;
  /** Ignore cells right of the first column (the signature block laid beside the recipients). */
  firstColumnOnly?: boolean;
  maxItems?: number;
}

export interface ListRead {
  items: Piece[];
  /** An item is long enough to have swallowed the text after the list. */
  doubtful: boolean;
}

const BULLET_RE = /^[-–—+•·]\s?/;
const PATH_RE = /^(?:[a-zA-Z]:\\|\\\\)\S*|^\S*\\\S*\\\S*/;
const MAX_ITEM = 200;
/** The most words of a wrap that closes an item beside its label (`Trung ương.`). */
const SHORT_WRAP_WORDS = 3;
/** An item's last word that joins it to more (`và`, `của`, `trực thuộc`): the item goes on. */
const JOINING_END_RE = /(?:^|\s)(?:và|của|các|thuộc|trực|với|tại|cho|đến|trên)$/u;

function bulletless(p: Piece): Piece {
  const m = BULLET_RE.exec(p.text);
  return m ? trimPiece(slicePiece(p, m[0].length)) : p;
}

/** A dash after an item's `;` on the same line: the next item, run onto the line (`- Như trên; - Lưu: VT.`). */
const INNER_BULLET_RE = /;\s?[-–—+•]\s/gu;

/**
 * The body's first sentence run onto the last item's line (`- Sở Y tế. Sở Nội vụ nhận được …`): a
 * stop after a word of three letters or more or in lower case (not an abbreviation's, `TT.`, `Tp.`), then a
 * capitalised word and at least {@link BODY_MIN_WORDS} words to the line's end.
 */
const BODY_AFTER_ITEM_RE = /(?<=(?:[\p{L}\d)]{3}|\s\p{Ll}{1,2})\.)\s?(?=\p{Lu}\p{Ll})/gu;
const BODY_MIN_WORDS = 6;

function bodyStart(text: string): number {
  BODY_AFTER_ITEM_RE.lastIndex = 0;
  for (let m = BODY_AFTER_ITEM_RE.exec(text); m; m = BODY_AFTER_ITEM_RE.exec(text)) {
    if (text.slice(m.index).trim().split(/\s+/).length >= BODY_MIN_WORDS) return m.index;
  }
  return -1;
}

/**
 * A line's items, cut after each `;` a bullet follows (the line itself when none does); `ended`
 * when the body's first sentence follows the last of them on the line, cut off.
 */
function itemsOnLine(p: Piece): { parts: Piece[]; ended: boolean } {
  const parts: Piece[] = [];
  let from = 0;
  INNER_BULLET_RE.lastIndex = 0;
  for (let m = INNER_BULLET_RE.exec(p.text); m; m = INNER_BULLET_RE.exec(p.text)) {
    parts.push(bulletless(trimPiece(slicePiece(p, from, m.index + 1))));
    from = m.index + 1;
  }
  const last = bulletless(trimPiece(slicePiece(p, from)));
  const body = bodyStart(last.text);
  parts.push(body < 0 ? last : trimPiece(slicePiece(last, 0, body)));
  return { parts, ended: body >= 0 };
}

/** A bullet after at most a few interleaved lines from `at` on: where the list goes on, or -1. */
function resumeAt(segs: readonly Seg[], at: number, interleaved: (seg: Seg) => boolean): number {
  let j = at;
  while (j < segs.length && j < at + 4 && interleaved(segs[j]!)) j++;
  const next = segs[j];
  return j > at && next && BULLET_RE.test(next.text) && !BODY_BULLET_RE.test(next.folded) ? j : -1;
}

const PAGE_MARK_RE = /^(?:[-–—]\s?)?(?:trang\s?)?\d{1,3}(?:\s?\/\s?\d{1,3})?(?:\s?[-–—])?$/;

/** A bullet item's line, not a page's number. */
function isItemStart(seg: Seg | undefined): boolean {
  return !!seg && BULLET_RE.test(seg.text) && !PAGE_MARK_RE.test(seg.folded) && !BODY_BULLET_RE.test(seg.folded);
}

/** A bullet that opens a body's paragraph (`- Căn cứ …`), not a recipient. */
const BODY_BULLET_RE = /^[-–—+•·]\s?(?:can cu|xet|theo de nghi|thuc hien|thi hanh)(?![a-z])/;

/**
 * A long item a copy wrapped onto two more lines (`… Tp. Hồ Chí` / `Minh, Viện …, các Trường` /
 * `Đại học Dược, Y Dược` / `- …`): the line at `i` goes on to one more short line, and the next
 * bullet comes right after it. A line ending in `:` introduces what follows (the body's `… như
 * sau:`), so it is no wrap.
 */
function wrapsOnToBullet(segs: readonly Seg[], i: number, opts: ListOptions, itemLength: number): boolean {
  const seg = segs[i]!;
  const next = segs[i + 1];
  const bullet = segs[i + 2];
  if (!next || !bullet || /:$/.test(seg.text) || /:$/.test(next.text)) return false;
  if (BULLET_RE.test(next.text) || next.blankBefore > seg.blankBefore || isCapitals(next.text) || next.text.length > 80 || opts.stop(next)) return false;
  if (!BULLET_RE.test(bullet.text) || BODY_BULLET_RE.test(bullet.folded)) return false;
  return itemLength + seg.text.length + next.text.length + 2 <= MAX_ITEM;
}

export function readList(segs: readonly Seg[], from: number, inline: Piece | null, opts: ListOptions): ListRead {
  const items: Piece[][] = [];
  let sawBullet = false;
  const lastText = (): string => {
    const last = items[items.length - 1];
    return last && last.length > 0 ? last[last.length - 1]!.text : '';
  };
  const inlineOnly = !!inline && inline.text.length > 0 && !BULLET_RE.test(inline.text);
  let ended = false;
  if (inline && inline.text.length > 0) {
    sawBullet = BULLET_RE.test(inline.text);
    const line = itemsOnLine(inline);
    for (const part of line.parts) items.push([part]);
    ended = line.ended;
  }
  const max = opts.maxItems ?? 60;
  // Double-spaced conversions put a blank line after every line; a wrap then has one above it too.
  let lineGap = Infinity;
  for (let i = from; i < segs.length && items.length <= max && !ended; i++) {
    const seg = segs[i]!;
    if (opts.firstColumnOnly && seg.ncols > 1 && seg.col > 0) continue;
    // The file's path a word processor printed in the footer (`d:\2011\CV\…`) is no recipient.
    if (seg.star || PATH_RE.test(seg.text)) continue;
    if (seg.sep) break;
    // A page break inside the list leaves the page's number between two items (`2`, `- 2 -`, `Trang 2/3`).
    if (items.length > 0 && PAGE_MARK_RE.test(seg.folded) && isItemStart(segs[i + 1])) continue;
    if (opts.stop(seg)) {
      // Between the items, or right under the label before the first one (rows read a line each).
      const resume = opts.interleaved && ((sawBullet && items.length > 0) || (i === from && items.length === 0)) ? resumeAt(segs, i, opts.interleaved) : -1;
      if (resume < 0) break;
      i = resume - 1;
      continue;
    }
    if (opts.subHeading?.(seg) && (items.length === 0 || /[,;]$/.test(lastText())) && BULLET_RE.test(segs[i + 1]?.text ?? '')) continue;
    if (BULLET_RE.test(seg.text)) {
      if (items.length > 0) lineGap = Math.min(lineGap, seg.blankBefore);
      sawBullet = true;
      const line = itemsOnLine(seg);
      for (const body of line.parts) items.push(body.text.length > 0 ? [body] : []);
      ended = line.ended;
      continue;
    }
    const prev = lastText();
    if (items.length > 0 && prev === '') {
      items[items.length - 1]!.push(seg);
      continue;
    }
    const unfinished = prev !== '' && !/[,.;:]$/.test(prev);
    // A capitalised wrap (`… và Đảng ủy trực thuộc` / `Tỉnh ủy.`) must close the item itself, or be
    // followed by the next bullet; otherwise it is the first line of the body.
    // A run of two wrapped lines up to the next bullet may hold a full-width line of a PDF.
    const itemLength = (items[items.length - 1] ?? []).reduce((n, part) => n + part.text.length + 1, 0);
    const runToBullet = wrapsOnToBullet(segs, i, opts, itemLength);
    // An item cut after a joining word (`… trực thuộc` / `Trung ương`) is unfinished for sure: a few
    // words under it complete it, punctuated or not.
    const joinedShort = JOINING_END_RE.test(prev) && seg.text.split(/\s+/).length <= SHORT_WRAP_WORDS;
    const closes = /[,.;]$/.test(seg.text) || BULLET_RE.test(segs[i + 1]?.text ?? '') || runToBullet || joinedShort;
    const adjacent = seg.blankBefore <= (lineGap === Infinity ? 0 : lineGap);
    // An item that stops at a comma inside its own enumeration (`- Báo …, Đài …, Công báo tỉnh,` /
    // `Cổng thông tin điện tử tỉnh;`) goes on when the list's items end otherwise (`;`, `.`): in a
    // list whose items end in `,`, a line after one is no wrap.
    const commaItem = /,$/.test(prev) && !items.slice(0, -1).some((it) => /,$/.test(it[it.length - 1]?.text ?? ''));
    const capitalWrap =
      (unfinished || commaItem) && sawBullet && closes && adjacent && !isCapitals(seg.text) && seg.text.length <= (runToBullet ? 100 : 80);
    // `Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc` / `Trung ương.`: an unbulleted item
    // beside its label that a narrow cell wrapped; only a few words that close it, right under it.
    const labelWrap =
      inlineOnly && items.length === 1 && items[0]!.length === 1 && unfinished && seg.blankBefore === 0 && (/[,.;]$/.test(seg.text) || joinedShort) && seg.text.split(/\s+/).length <= SHORT_WRAP_WORDS && !isCapitals(seg.text);
    const continues = items.length > 0 && (startsLowercase(seg.text) || capitalWrap || labelWrap);
    if (continues) {
      items[items.length - 1]!.push(seg);
      continue;
    }
    const openList = items.length === 0 || /[,;]$/.test(prev);
    if (!sawBullet && openList && seg.text.length <= 150 && seg.blankBefore <= 1) {
      items.push([seg]);
      continue;
    }
    break;
  }
  const out: Piece[] = [];
  let doubtful = false;
  for (const parts of items) {
    const p = stripTrailingPunct(joinPieces(parts));
    if (p.text.length === 0) continue;
    if (p.text.length > MAX_ITEM) doubtful = true;
    out.push(p);
  }
  return { items: out, doubtful };
}
