/**
 * Words the recogniser's page layout put out of place. On a justified page Tesseract sometimes
 * takes the first word of a body line (`của`, `một` at the left margin) for a block of its own and
 * reads it before blocks far above it — between the lines of a title (`QUY ĐỊNH … QUẢN LÝ` /
 * `của` / `TRÊN ĐỊA BÀN …`). Such a fragment goes back into the line it stands on.
 *
 * A fragment is a paragraph of at most a few words in small letters, on one line, lying well
 * below the next larger paragraph in reading order; it joins the first later line sharing its row
 * (before that line's first word or after its last), else stands as a line of its own before the
 * first later line below it. A fragment no line claims stays where it was.
 */
import type { RecognisedPage, RecognisedWord } from './ocrText';

/** At most this many words make a fragment. */
const MAX_FRAGMENT_WORDS = 3;
/** How far below the next paragraph (in line heights) a fragment lies to be out of order. */
const OUT_OF_ORDER_LINES = 2;
/** How far from the line's end (in line heights) a fragment may stand to belong to it. */
const MAX_GAP_LINES = 4;

interface Move {
  target: RecognisedWord;
  where: 'before' | 'after' | 'lineBefore';
}

interface Unit {
  words: RecognisedWord[];
  key: string;
}

function unitsOf(words: readonly RecognisedWord[]): Unit[] {
  const units: Unit[] = [];
  for (const w of words) {
    const key = `${w.block}/${w.paragraph}`;
    const last = units[units.length - 1];
    if (last && last.key === key) last.words.push(w);
    else units.push({ words: [w], key });
  }
  return units;
}

/** A paragraph's lines, each in reading order. */
function linesOf(words: readonly RecognisedWord[]): RecognisedWord[][] {
  const lines = new Map<number, RecognisedWord[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  return [...lines.values()];
}

const top = (ws: readonly RecognisedWord[]) => Math.min(...ws.map((w) => w.y));
const bottom = (ws: readonly RecognisedWord[]) => Math.max(...ws.map((w) => w.y + w.height));
const lineHeight = (ws: readonly RecognisedWord[]) => Math.max(...ws.map((w) => w.height));

function isFragment(u: Unit): boolean {
  if (u.words.length > MAX_FRAGMENT_WORDS || new Set(u.words.map((w) => w.line)).size !== 1) return false;
  // Small letters: a body's words, never a header's capitals or a number.
  return u.words.every((w) => /^[^\p{L}]*\p{Ll}/u.test(w.text));
}

/** Moves out-of-place fragments back into their lines; returns the page (a new one when changed). */
export function placeStrayWords(page: RecognisedPage): RecognisedPage {
  const units = unitsOf(page.words);
  if (!units.some(isFragment)) return page;
  const moved = new Map<RecognisedWord, Move>();
  for (const [i, u] of units.entries()) {
    if (!isFragment(u)) continue;
    const next = units.slice(i + 1).find((n) => !isFragment(n));
    const h = lineHeight(u.words);
    if (!next || top(u.words) <= top(next.words) + OUT_OF_ORDER_LINES * h) continue;
    // Its place: the first later line on its row (before or after that line's words), else the
    // first later line below it (as a line of its own, just before).
    const uTop = top(u.words);
    const uBottom = bottom(u.words);
    const left = Math.min(...u.words.map((w) => w.x));
    const right = Math.max(...u.words.map((w) => w.x + w.width));
    let place: Move | null = null;
    for (const other of units.slice(i + 1)) {
      if (isFragment(other)) continue;
      for (const line of linesOf(other.words)) {
        const overlap = Math.min(uBottom, bottom(line)) - Math.max(uTop, top(line));
        const sameRow = overlap >= 0.5 * Math.min(uBottom - uTop, bottom(line) - top(line));
        const first = line[0]!;
        const last = line[line.length - 1]!;
        if (sameRow && right <= first.x && first.x - right <= MAX_GAP_LINES * h) place = { target: first, where: 'before' };
        else if (sameRow && left >= last.x + last.width && left - (last.x + last.width) <= MAX_GAP_LINES * h) place = { target: last, where: 'after' };
        else if (top(line) > uTop) place = { target: first, where: 'lineBefore' };
        if (place) break;
      }
      if (place) break;
    }
    if (place) for (const w of u.words) moved.set(w, place);
  }
  if (moved.size === 0) return page;

  const out: RecognisedWord[] = [];
  const joining = new Map<RecognisedWord, RecognisedWord[]>();
  for (const [w, m] of moved) joining.set(m.target, [...(joining.get(m.target) ?? []), w]);
  for (const w of page.words) {
    if (moved.has(w)) continue;
    const with_ = joining.get(w) ?? [];
    const as = (j: RecognisedWord): RecognisedWord => {
      const where = moved.get(j)!.where;
      // A line of its own inside the target's paragraph: a line number no word of it has.
      return { ...j, block: w.block, paragraph: w.paragraph, line: where === 'lineBefore' ? w.line - 0.5 : w.line };
    };
    out.push(...with_.filter((j) => moved.get(j)!.where !== 'after').map(as), w, ...with_.filter((j) => moved.get(j)!.where === 'after').map(as));
  }
  return { ...page, words: out };
}
