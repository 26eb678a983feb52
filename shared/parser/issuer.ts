import type { Seg } from './clean';
import { DAMAGED_NUMBER_RE, isMarkNoise, type Item } from './classify';
import { isCapitals, isLetterTitle, opensWithBody, PARENT_HEADS, SUBORDINATE_HEADS } from './lexicon';
import { joinPieces, type Piece } from './piece';

/**
 * The issuing body and its superior body, from the capitals lines at the top left of the header:
 *
 *     ĐẢNG BỘ TỈNH ĐẮK LẮK      ← superior body (parentIssuer)
 *     HUYỆN ỦY KRÔNG PẮC        ← issuing body (issuer)
 *            *
 *     Số 15-NQ/HU
 *
 * They are the capitals lines just above the `*` or the number (or, with neither, above the type
 * word; with none of these, above a letter's `V/v …` cell). The motto, the dateline and marks may
 * sit between them when a converter interleaves the two header columns, so those are stepped over;
 * anything else ends the run.
 */

export interface IssuerRead {
  issuer: Piece | null;
  parent: Piece | null;
  /** The name was assembled from wrapped lines or more bodies than two were stacked. */
  doubtful: boolean;
}

const SKIPPABLE = new Set(['motto', 'placeDate', 'mark', 'sep']);

/** Index of the first `*`, number, or (failing both) type item: what the issuer lines stand above. */

function anchorIndex(items: readonly Item[], limit: number): number {
  let type = -1;
  let letter = -1;
  let letterTitle = -1;
  for (let i = 0; i < limit; i++) {
    const k = items[i]!.kind;
    if (k === 'star' || k === 'number') return i;
    // A number line the copy damaged stands where the number does.
    if ((k === 'text' || k === 'caps') && DAMAGED_NUMBER_RE.test(items[i]!.seg.text)) return i;
    if (k === 'type' && type < 0) type = i;
    // A letter with no number line: its `V/v …` (`Về việc …`) cell stands under the names.
    if (letter < 0 && (k === 'text' || k === 'prose') && LETTER_SUBJECT_RE.test(items[i]!.seg.folded) && !isCapitals(items[i]!.seg.text, 3)) letter = i;
    // A letter with no number whose title is no type (`THƯ NGỎ`): its names stand above the title.
    if (letterTitle < 0 && k === 'caps' && isLetterTitle(items[i]!.seg.text)) letterTitle = i;
    if (k === 'prose' || k === 'kinhGui') break;
  }
  return type >= 0 ? type : letter >= 0 ? letter : letterTitle;
}

const LETTER_SUBJECT_RE = /^(?:v\/v(?![a-z])|ve viec )/;

/** Names that say what kind of body issues, not which one: their locality is printed under them. */
export const GENERIC_NAMES: ReadonlySet<string> = new Set(['uy ban nhan dan', 'hoi dong nhan dan', 'ubnd', 'hdnd', 'dang uy', 'dang bo']);

/**
 * `ỦY BAN NHÂN DÂN` / `TỈNH HƯNG YÊN`, `ĐẢNG ỦY` / `XÃ EA KPAM`: a body's name with its locality on
 * the next line is how the format prints it, not a doubtful wrap. Any other wrap may have taken a
 * line that is not part of the name.
 */
const LOCALITY_RE = /^(?:tinh|thanh pho|tp\.?|huyen|quan|thi xa|thi tran|xa|phuong|dac khu)\s/;

function wrappedUnsure(body: readonly Seg[]): boolean {
  return body.length > 2 || (body.length === 2 && !LOCALITY_RE.test(body[1]!.folded));
}

/** A dash closing a line of a body's name (`BỘ TÀI CHÍNH -`): another issuer follows. */
const JOINING_DASH_RE = /\s[-–]\s*$/;

/**
 * Segments' texts (or folded texts) joined by spaces, as `map(…).join(' ')` gives them. Without the
 * array between: one that optimised code maps is of another kind (holey) than the interpreter's, so
 * the code reading it was optimised for the one and thrown away at the other.
 */
function joinedText(segs: readonly Seg[]): string {
  let out = segs[0]!.text;
  for (let i = 1; i < segs.length; i++) out += ' ' + segs[i]!.text;
  return out;
}

function joinedFolded(segs: readonly Seg[]): string {
  let out = segs[0]!.folded;
  for (let i = 1; i < segs.length; i++) out += ' ' + segs[i]!.folded;
  return out;
}

export function readIssuer(items: readonly Item[], limit: number): IssuerRead {
  const none: IssuerRead = { issuer: null, parent: null, doubtful: false };
  const anchor = anchorIndex(items, limit);
  if (anchor <= 0) return none;
  const run: Seg[] = [];
  for (let i = anchor - 1; i >= 0; i--) {
    const it = items[i]!;
    if (it.kind === 'body' || it.kind === 'caps') run.unshift(it.seg);
    // A stray dash or bar left from the header's rules is not text, nor the `***` under the name
    // as OCR reads it (`x%›k*%`, `®%*2R3*`): a few marks with a letter or two among them.
    else if (!SKIPPABLE.has(it.kind) && /[\p{L}\p{N}]/u.test(it.seg.text) && !isMarkNoise(it.seg.text)) break;
  }
  // A run must open with a body word; capitals before it (an unrecognised stamp, a mark) are not
  // part of the name.
  while (run.length > 0 && !opensWithBody(run[0]!)) run.shift();
  if (run.length === 0) return none;

  const bodies: Seg[][] = [];
  for (const seg of run) {
    if (bodies.length === 0 || opensWithBody(seg)) bodies.push([seg]);
    else bodies[bodies.length - 1]!.push(seg);
  }
  // A department never stands above another body: `BAN THƯỜNG VỤ` over `HUYỆN ỦY …` is one name.
  for (let k = bodies.length - 2; k >= 0; k--) {
    // The whole name is looked at: `BAN CHẤP HÀNH TRUNG` / `ƯƠNG` wrapped in a narrow cell.
    const above = { text: joinedText(bodies[k]!), folded: joinedFolded(bodies[k]!) };
    if (!opensWithBody(above, PARENT_HEADS) && !opensWithBody(bodies[k + 1]![0]!, SUBORDINATE_HEADS)) {
      bodies.splice(k, 2, [...bodies[k]!, ...bodies[k + 1]!]);
    }
  }
  // `BỘ TÀI CHÍNH -` / `BỘ NỘI VỤ`: a name ending in the dash that joins joint issuers goes on in
  // the next body (a narrow cell wrapped the line after its dash); a superior body ends in no dash.
  for (let k = bodies.length - 2; k >= 0; k--) {
    const name = bodies[k]!;
    if (JOINING_DASH_RE.test(name[name.length - 1]!.text)) bodies.splice(k, 2, [...name, ...bodies[k + 1]!]);
  }
  // `ỦY BAN NHÂN DÂN` / `ỦY BAN MTTQ VIỆT NAM` / `TỈNH ĐẮK LẮK`: a name with no locality of its own
  // over another body is a joint issuer sharing the locality below, not a superior body.
  if (bodies.length === 2 && GENERIC_NAMES.has(joinedFolded(bodies[0]!))) {
    bodies.splice(0, 2, [...bodies[0]!, ...bodies[1]!]);
  }
  const last = bodies[bodies.length - 1]!;
  const prev = bodies.length >= 2 ? bodies[bodies.length - 2]! : null;
  // A name the copy cut after a joining word is not stated in full: empty, for review.
  if (endsCut(last)) return { issuer: null, parent: null, doubtful: true };
  const doubtful = bodies.length > 2 || wrappedUnsure(last) || (prev !== null && (wrappedUnsure(prev) || endsCut(prev)));
  return { issuer: joinPieces(last), parent: prev && !endsCut(prev) ? joinPieces(prev) : null, doubtful };
}

/** `BỘ TÀI NGUYÊN VÀ`, `BỘ VĂN HÓA, THỂ THAO VÀ`, `SỞ NÔNG NGHIỆP -`: a name that stops on a word or mark joining it to more. */
function endsCut(body: readonly Seg[]): boolean {
  const end = body[body.length - 1]!;
  return /\s(?:va|cua|ve)$/.test(end.folded) || /[-–,&]\s*$/.test(end.text);
}
