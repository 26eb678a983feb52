import { makeJoined, type Seg } from './clean';
import { BODY_HEADS, isCapitals, PARENT_HEADS, startsWithWord, TITLE_CONTINUATIONS, TITLE_HEADS } from './lexicon';
import { joinPieces, type Piece } from './piece';
import { hasVowelMark, isVietnameseSyllable } from '../text/syllables';

/**
 * The signature block at the bottom right:
 *
 *     T/M BAN THƯỜNG VỤ            ← signing authority (T/M, K/T, T/L, T/UQ; also `TM.`, `KT.`)
 *     PHÓ BÍ THƯ THƯỜNG TRỰC       ← signer title
 *     (đã ký)
 *     Hoàng Giang                  ← signer name
 *
 * The name is the first personal name below the title: capitalised words, not all capitals
 * (an all-capitals line there is a title or a stamp). A block with no authority line is read only
 * when a known title is followed by a name, so body capitals are never taken for a signature.
 */

export interface SignatureRead {
  authority: Piece | null;
  title: Piece | null;
  name: Piece | null;
  /** Read without an authority line (a known title followed by a name): worth a look. */
  withoutAuthority: boolean;
}

const AUTHORITY_RE = /^(?:T\/M|TM\.|TM|K\/T|KT\.|KT|T\/L|TL\.|TL|T\/UQ|TUQ\.|TUQ|Q\.)\s?\p{Lu}/u;
// `H’Yim`, `H' Yâm`, `Y Khuê`: Central Highlands names carry one-letter and apostrophe parts.
const WORD = String.raw`\p{Lu}\p{Ll}*(?:['’‘-]\p{Lu}?\p{Ll}+|['’])?`;
const NAME_RE = new RegExp(String.raw`^${WORD}(?:\s${WORD}){1,5}$`, 'u');
const SIGNED_NOTE_RE = /^[([]?\s?(?:da ky|ky|ky ten|chu ky|ky va|ky,|da ky va|dau|con dau)[^)\]]{0,40}[)\]]?\.?$/;

/** `(Đã ký)`, `(ký tên, đóng dấu)`: the note a copy prints where the signature was. */
export function isSignedNote(seg: Seg): boolean {
  return SIGNED_NOTE_RE.test(seg.folded);
}
const BULLET_RE = /^[-–—+•]/;
const NAME_LOOKAHEAD = 12;
const SURNAME_RE = /^\p{Lu}\p{Ll}{0,6}$/u;

const MARKER_RE = /^(?:T\/M|T\/L|T\/UQ|K\/T|TUQ|TM|TL|KT|Q)(\.\s?|\s|(?=\p{Lu}))/u;
const AUTHORITY_WORDS: readonly string[] = [...BODY_HEADS, ...PARENT_HEADS, ...TITLE_HEADS];

/**
 * An authority line names whom the signer signs for: the marker is followed by a body or a title
 * (`TM. ỦY BAN NHÂN DÂN`, `KT. GIÁM ĐỐC`), whose first word is a syllable, never a code. A marker
 * glued to what follows (`KTBỘ TRƯỞNG`, a copy that lost its spaces) must be followed by a known
 * body or title word: otherwise `KTTH`, the tail of a number-symbol wrapped at its hyphen
 * (`7567/VPCP-` / `KTTH`), would pass for `KT.` and invent an authority.
 */
export function isAuthority(seg: Seg): boolean {
  if (!AUTHORITY_RE.test(seg.text) || !isCapitals(seg.text, 2) || seg.text.length > 80) return false;
  const marker = MARKER_RE.exec(seg.text);
  if (!marker) return false;
  const rest = seg.folded.slice(foldedLength(seg, marker[0].length)).trimStart();
  const firstWord = /^[a-z]+/.exec(rest)?.[0] ?? '';
  if (!/[aeiouy]/.test(firstWord)) return false;
  return marker[1] !== '' || startsWithWord(rest, AUTHORITY_WORDS);
}

/** How many folded units the first `chars` characters of a segment's text became. */
function foldedLength(seg: Seg, chars: number): number {
  let n = 0;
  while (n < seg.foldMap.length && seg.foldMap[n]! < chars) n++;
  return n;
}

export function isPersonName(text: string): boolean {
  return text.length <= 40 && NAME_RE.test(text) && !isCapitals(text, 2);
}

/** Segments of the right column: recipients' bullets and the `Nơi nhận` label are stepped over. */
function relevant(seg: Seg): boolean {
  return !seg.star && !seg.sep && !BULLET_RE.test(seg.text) && !/^noi nhan/.test(seg.folded);
}

function nextRelevant(segs: readonly Seg[], from: number, skipNotes: boolean): number {
  for (let i = from; i < segs.length; i++) {
    const s = segs[i]!;
    if (!relevant(s)) continue;
    if (skipNotes && SIGNED_NOTE_RE.test(s.folded)) continue;
    return i;
  }
  return -1;
}

/**
 * A signer title: capitals opening with a known title word. An unknown capitals line there (a
 * wrapped authority, a stamp) is left out rather than reported as a title.
 */
export function isTitleLine(seg: Seg): boolean {
  return (
    isCapitals(seg.text, 2) &&
    seg.text.length <= 80 &&
    !isAuthority(seg) &&
    !/\d/.test(seg.text) &&
    startsWithWord(seg.folded, TITLE_HEADS)
  );
}

/** One to three words in capitals, no title and no digit: the tail of a wrapped authority line. */
function isAuthorityWrap(seg: Seg): boolean {
  return (
    isCapitals(seg.text, 1) &&
    seg.text.length <= 30 &&
    seg.text.split(/\s+/).length <= 3 &&
    !/[\d.,;:()]/.test(seg.text) &&
    !isAuthority(seg) &&
    !isTitleLine(seg)
  );
}

function findName(segs: readonly Seg[], from: number): Piece | null {
  for (let i = from, seen = 0; i >= 0 && i < segs.length && seen < NAME_LOOKAHEAD; i++) {
    const s = segs[i]!;
    if (!relevant(s) || SIGNED_NOTE_RE.test(s.folded)) continue;
    seen++;
    if (isPersonName(s.text)) return s;
    // `Lê` / `Khả Phiêu`: a name a narrow cell split over two lines.
    const next = segs[i + 1];
    if (next && SURNAME_RE.test(s.text) && isPersonName(`${s.text} ${next.text}`)) return joinPieces([s, next]);
    if (!isCapitals(s.text, 2)) return null;
  }
  return null;
}

function readFrom(segs: readonly Seg[], at: number, authority: Seg[]): SignatureRead {
  let i = nextRelevant(segs, at, true);
  const titleParts: Seg[] = [];
  if (i >= 0 && isTitleLine(segs[i]!)) {
    titleParts.push(segs[i]!);
    const j = nextRelevant(segs, i + 1, false);
    const cont = segs[j];
    // `THƯỜNG TRỰC` under `PHÓ BÍ THƯ`: a title wrapped onto a second line.
    const wraps = cont && isCapitals(cont.text, 2) && !isAuthority(cont);
    if (j === i + 1 && wraps && (startsWithWord(cont.folded, TITLE_CONTINUATIONS) || completesCompound(segs[i]!, cont))) {
      titleParts.push(segs[j]!);
      i = j;
    }
    i++;
  }
  const title = titleParts.length > 0 && !cutByCopyEnd(segs, titleParts) ? joinPieces(titleParts) : null;
  return {
    authority: authority.length > 0 ? joinPieces(authority) : null,
    title,
    name: i >= 0 ? findName(segs, i) : null,
    withoutAuthority: authority.length === 0,
  };
}

/**
 * Reads the signature from footer segments; `labelIdx` is the `Nơi nhận` segment (-1 if none).
 * The block normally follows the recipients; when it precedes them, the nearest one above is used.
 */
export function readSignature(segs: readonly Seg[], labelIdx: number): SignatureRead {
  const none: SignatureRead = { authority: null, title: null, name: null, withoutAuthority: false };
  const auths: number[] = [];
  segs.forEach((s, i) => {
    if (isAuthority(s)) auths.push(i);
  });
  const after = auths.find((i) => i > labelIdx);
  const before = auths.filter((i) => i < labelIdx).pop();
  const a = after ?? before;
  if (a !== undefined) {
    const parts = [segs[a]!];
    let k = a;
    // `T/L BAN THƯỜNG VỤ` / `K/T CHÁNH VĂN PHÒNG`: both lines are the authority.
    for (;;) {
      const n = nextRelevant(segs, k + 1, false);
      if (n < 0 || !isAuthority(segs[n]!)) break;
      parts.push(segs[n]!);
      k = n;
    }
    // `TM. ỦY BAN NHÂN` / `DÂN` / `CHỦ TỊCH`: a narrow cell wrapped the authority inside its body
    // name. A short capitals line that is no title, between the authority and a title, is its end.
    const w = nextRelevant(segs, k + 1, false);
    const t = w >= 0 ? nextRelevant(segs, w + 1, false) : -1;
    if (w === k + 1 && t === w + 1 && isAuthorityWrap(segs[w]!) && isTitleLine(segs[t]!)) {
      parts.push(segs[w]!);
      k = w;
    }
    return readFrom(segs, k + 1, parts);
  }
  const start = labelIdx >= 0 ? labelIdx + 1 : Math.max(0, segs.length - 15);
  for (let i = start; i < segs.length; i++) {
    const s = segs[i]!;
    if (!relevant(s) || !isTitleLine(s)) continue;
    const read = readFrom(segs, i, []);
    if (read.name) return read;
  }
  return unmarkedSignature(segs, start) ?? titleClosingText(segs) ?? none;
}

/**
 * A copy that ends at the signer's title (`… biết và thực hiện.` / `| CỤC TRƯỞNG |`: the page kept
 * the title's cell, not the name under it). Only a short known title that is the text's last line,
 * right after a sentence that ends the body: capitals after the title block (the enacting line) or
 * after a line that introduces more (`… sau:`) are no signature.
 */
function titleClosingText(segs: readonly Seg[]): SignatureRead | null {
  const relevantIdx = segs.flatMap((s, i) => (relevant(s) ? [i] : []));
  const last = segs[relevantIdx[relevantIdx.length - 1] ?? -1];
  const before = segs[relevantIdx[relevantIdx.length - 2] ?? -1];
  if (!last || !before || !isTitleLine(last) || last.text.split(/\s+/).length > 4) return null;
  if (isCapitals(before.text, 2) || !/[.]$/.test(before.text)) return null;
  if (cutByCopyEnd(segs, [last])) return null;
  return { authority: null, title: last, name: null, withoutAuthority: true };
}

// Words that open a title's compound and never end a title (`PHÓ CHỦ`, `PHÓ GIÁM`), and the
// compounds' second syllables, for a syllable cut inside them (`CHỦ TỊ`).
const TITLE_OPENERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['PHÓ', []],
  ['TỔNG', []],
  ['CHÁNH', []],
  ['CHỦ', ['TỊCH', 'NHIỆM']],
  ['GIÁM', ['ĐỐC']],
  ['BÍ', ['THƯ']],
]);

/**
 * `PHÓ CHỦ` / `TỊCH`: a narrow cell wrapped the title inside a compound. The line under it completes
 * the compound (`TỊCH` after `CHỦ`; any word after `PHÓ`, `TỔNG`, `CHÁNH`) in at most two words.
 */
function completesCompound(title: Seg, cont: Seg): boolean {
  const opener = title.text.trim().split(/\s+/).pop()!.toLocaleUpperCase('vi');
  const rest = TITLE_OPENERS.get(opener);
  const words = cont.text.trim().split(/\s+/);
  if (!rest || words.length > 2) return false;
  return rest.length === 0 ? isTitleLine(makeJoined(title, cont)) : rest.includes(words[0]!.toLocaleUpperCase('vi'));
}

/** A word that opens a title's compound and never ends a title (`GIÁM` of `GIÁM ĐỐC`, `PHÓ`). */
export function opensTitleCompound(word: string): boolean {
  return TITLE_OPENERS.has(word.toLocaleUpperCase('vi'));
}

/**
 * A title the copy's end cut (`KT. CHỦ TỊCH` / `PHÓ CHỦ`, the page saved no further): the title's
 * last line is the text's last line and ends inside a title's compound. What is left of the title
 * is no title; the whole one is not in the text, so the field stays empty for review.
 */
function cutByCopyEnd(segs: readonly Seg[], titleParts: readonly Seg[]): boolean {
  const last = titleParts[titleParts.length - 1]!;
  const at = segs.lastIndexOf(last);
  if (at < 0 || nextRelevant(segs, at + 1, false) >= 0) return false;
  const words = last.text.trim().toLocaleUpperCase('vi').split(/\s+/);
  const end = words[words.length - 1]!;
  if (TITLE_OPENERS.has(end) || /(?:\.\.\.|…)$/.test(end)) return true;
  // `TRƯỞNG` ends a title after its body (`CỤC TRƯỞNG`, `HIỆU TRƯỞNG`) but opens one alone or after
  // `PHÓ` (`TRƯỞNG PHÒNG`, `PHÓ TRƯỞNG BAN`): cut there, the body it heads is lost.
  if (end === 'TRƯỞNG' && (words.length === 1 || words[words.length - 2] === 'PHÓ')) return true;
  // A word cut inside (`PHÓ TRƯỞNG P`, `CHỦ TỊC`): one letter, or a marked word no syllable is
  // written as. An abbreviation (`UBND`, `GD&ĐT`) carries no vowel mark and is left alone.
  if (/^\p{Lu}$/u.test(end) || (/^\p{L}+$/u.test(end) && hasVowelMark(end) && !isVietnameseSyllable(end))) return true;
  const rest = TITLE_OPENERS.get(words[words.length - 2] ?? '');
  return !!rest && rest.some((r) => r !== end && r.startsWith(end));
}

/**
 * A signature printed without an authority line, as an official gazette or an old copy gives it:
 * a title in ordinary case over the name (`Bộ trưởng Tổng thư ký` / `(Đã ký)` / `Đặng Thi`), or a
 * name marked `(Đã ký)` alone. Only the note or a known title says the line is a signature.
 */
function unmarkedSignature(segs: readonly Seg[], start: number): SignatureRead | null {
  for (let i = start; i < segs.length; i++) {
    const s = segs[i]!;
    if (!relevant(s)) continue;
    if (isTitleCaseTitle(s)) {
      const n = nextRelevant(segs, i + 1, true);
      if (n >= 0 && n <= i + 3 && isPersonName(segs[n]!.text)) {
        return { authority: null, title: s, name: segs[n]!, withoutAuthority: true };
      }
    }
    if (isPersonName(s.text)) {
      const note = segs[i + 1] ?? null;
      const before = segs[i - 1] ?? null;
      if ((note && SIGNED_NOTE_RE.test(note.folded)) || (before && SIGNED_NOTE_RE.test(before.folded) && i === segs.length - 1)) {
        return { authority: null, title: null, name: s, withoutAuthority: true };
      }
    }
  }
  return null;
}

/** `Bộ trưởng Tổng thư ký`, `Phó Chủ tịch`: a signer title in ordinary case, on a line of its own. */
function isTitleCaseTitle(seg: Seg): boolean {
  return (
    seg.text.length <= 60 &&
    !/\d|[.,;:]$/.test(seg.text) &&
    /^\p{Lu}/u.test(seg.text) &&
    !isCapitals(seg.text, 2) &&
    startsWithWord(seg.folded, TITLE_HEADS)
  );
}
