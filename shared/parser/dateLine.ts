import { subSeg, textIndex, type Seg } from './clean';
import { fold } from '../text/fold';
import type { Piece } from './piece';

/** ISO `yyyy-mm-dd` for a real calendar date in the years party records can carry, else null. */
export function isoDate(day: number, month: number, year: number): string | null {
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return null;
  if (year < 1930 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > dim) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a date written in words or digits (`ngày 14 tháng 5 năm 2025`, `ngày 14/5/2025`,
 * `14/5/2025`) — for tests and callers that hold the text of a date span.
 */
export function parseVietnameseDate(text: string): string | null {
  const s = text.normalize('NFC').toLowerCase();
  const words = /(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/u.exec(s);
  if (words) return isoDate(+words[1]!, +words[2]!, +words[3]!);
  const digits = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(s);
  return digits ? isoDate(+digits[1]!, +digits[2]!, +digits[3]!) : null;
}

// Matched on folded text (`dak lak, ngay 14 thang 5 nam 2025`) so `Ngày`, `NGÀY` and a missing
// accent all read. The place is short and has no digits; the whole segment must be the line,
// which is what keeps a body sentence (`Ngày 06/8/2025, Ban Thường vụ …`) from matching.
const PLACE = String.raw`([a-z][a-z0-9'’.\- ]{0,40}?)\s?,?\s?`;
/** A slot in `ngày … tháng … năm …`, possibly left blank with spaces or dots. */
const SLOT = String.raw`[\s.…]{0,20}`;
/**
 * The month word. Between `ngày` and `năm` only `tháng` can stand, so a scan's misreading of its
 * italic vowel (`thúng`, `thảng`, `thòng`) still reads: one letter between `th` and `ng`.
 */
const MONTH_WORD = String.raw`th[a-z]?ng`;
/**
 * `ngay 12 thang 01 nm 2017`, `ngy …`: a text layer that lost its accented letters keeps the words'
 * other letters and the digits, which still read. A scan's year read with a digit too many
 * (`năm 19681`) leaves the line a dateline: its place reads, its date is unreadable.
 */
const WORDS_RE = new RegExp(
  String.raw`^(?:${PLACE})?(nga?y${SLOT}(\d{1,2})?${SLOT}${MONTH_WORD}${SLOT}(\d{1,2})?${SLOT}na?m${SLOT}(\d{4,5})?)\s?\.?$`,
);
/**
 * The `*` printed under the issuer, on the dateline's row of a scan, is read as a stray mark before
 * the place (`x Đắk Lắk, ngày …`, `x- Hà Nội, …`, `. Hà Nội, …`): a lone `x`, `*` or dot with dashes.
 */
const STRAY_LEAD_RE = /^[x*×.·•][-–.]?\s+(?=\p{Lu})/u;
const DIGITS_RE = new RegExp(String.raw`^(?:${PLACE})?(ngay\s?(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}))\s?\.?$`);

const LEFT_CELL_RE = /^(?:\p{Lu}{3,}\s)+(?=\p{Lu}\p{Ll})/u;

export interface PlaceDate {
  place: Piece | null;
  /** ISO date, null when the day or month is left blank or is not a real date. */
  date: string | null;
  /** The `ngày … năm …` part as printed. */
  datePiece: Piece;
  /** The line has a date slot but it could not be read (blank or impossible). */
  unreadable: boolean;
  /** A place is printed but not legible (letters lost): left empty, to be checked. */
  placeIllegible?: boolean;
  /** Nothing stands before `ngày`: a date alone, which only its position can make the dateline. */
  placeless?: boolean;
  /**
   * What stands before `ngày` names no place (`Số 45`, `Trang 2`, `Cập nhật`, `Kế hoạch`): the line
   * still ends a header cell or a subject as a dateline does, but its date is not the document's.
   */
  noPlace?: boolean;
}

/** Locality words printed in lower case inside a place (`Thành phố Hồ Chí Minh`, `Thị xã …`). */
const LOWER_PLACE_WORDS: ReadonlySet<string> = new Set(['pho', 'xa', 'tran', 'thi', 'tinh', 'huyen', 'quan', 'phuong']);
/** Words after which a number is part of the place (`Phường 7`, `Quận 2`, `P. 7`). */
const NUMBERED_LOCALITY: ReadonlySet<string> = new Set(['phuong', 'quan', 'p', 'q', 'khu']);
/** Words that open a phrase of time, never a place (`Từ ngày …`, `Đến ngày …`, `Kể từ ngày …`). */
const TIME_LEAD: ReadonlySet<string> = new Set(['tu', 'den', 'vao', 'ke']);

/** A word folded, without the dots after it (`tp.` → `tp`). */
function bare(w: string): string {
  return fold(w).replace(/[.]+$/, '');
}

/**
 * What stands before `ngày` names a place: its syllables capitalised but for locality words, a
 * number only after a locality word. Otherwise the line is a gazette's issue (`Số 45, ngày …`), a
 * page footer (`Trang 2, ngày …`), a web page's note (`Cập nhật, ngày …`) or a sentence citing a
 * document (`Kế hoạch ngày …`, `Thực hiện văn bản ngày …`).
 */
function namesPlace(text: string): boolean {
  const words = text.replace(/[,.]+$/u, '').split(/\s+/u).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // Alone: `Từ ngày …`; with a second capitalised syllable it is a place (`Từ Sơn`, `Tư Nghĩa`, `Kế Sách`).
    if (words.length === 1 && TIME_LEAD.has(bare(w))) return false;
    if (/^\d/.test(w)) {
      if (i === 0 || !NUMBERED_LOCALITY.has(bare(words[i - 1]!))) return false;
    } else if (/^\p{Ll}/u.test(w) && !LOWER_PLACE_WORDS.has(bare(w))) return false;
  }
  return true;
}

/** `Ph`, `Lc`: letters left of a syllable whose vowels were lost (`TP`, `TX` are abbreviations). */
function noVowel(word: string): boolean {
  return /^[a-z]{2,}$/.test(word) && !/[aeiouy]/.test(word) && word !== 'tp' && word !== 'tx';
}

/** Reads the place-and-date line `Đắk Lăk, ngày 14 tháng 5 năm 2025` (place kept as written). */
export function readPlaceDate(seg: Seg): PlaceDate | null {
  if (seg.text.length > 120 || !/nga?y/.test(seg.folded)) return null;
  const stray = STRAY_LEAD_RE.exec(seg.text);
  if (stray) return readPlaceDate(subSeg(seg, stray[0].length));
  const m = WORDS_RE.exec(seg.folded) ?? DIGITS_RE.exec(seg.folded);
  if (!m) return null;
  let place: Piece | null = null;
  if (m[1] !== undefined) {
    const a = textIndex(seg, m.index);
    const b = textIndex(seg, m[1].length);
    const p = subSeg(seg, a, b);
    const first = p.text[0] ?? '';
    // A place name is capitalised; a lower-case lead-in is a sentence, not a dateline.
    if (first.toUpperCase() !== first || first.toLowerCase() === first) return null;
    place = p;
    // `VĂN PHÒNG Hà Nội`, `ƯƠNG Hà Nội`: the left cell's last line on the dateline's row (an OCR
    // line across both columns). Capitals words before a place in title case are not the place;
    // abbreviations (`TP.`, `TP`) are.
    const lead = LEFT_CELL_RE.exec(p.text);
    if (lead) place = subSeg(seg, a + lead[0].length, b);
  }
  // `Hà N i`: a text layer lost the letters with stacked diacritics; the place is not legible. A
  // one-letter word can only be a vowel (`Ô Môn`, `Cư Ê Wi`, `Chư Á`); a lone consonant is a loss.
  // So can a word with no vowel at all (`Ph Th` for `Phú Thọ`): every syllable has one.
  const illegible = place !== null && (/(?:^|\s)[b-df-hj-np-tv-xz](?:\s|$)/.test(fold(place.text)) || fold(place.text).split(/\s+/).some(noVowel));
  if (illegible) place = null;
  const dStart = m[0].indexOf(m[2]!, m[1]?.length ?? 0);
  const datePiece = subSeg(seg, textIndex(seg, dStart), textIndex(seg, dStart + m[2]!.length));
  const [d, mo, y] = [m[3], m[4], m[5]];
  const date = d && mo && y?.length === 4 ? isoDate(+d, +mo, +y) : null;
  const noPlace = place !== null && !namesPlace(place.text);
  return { place, date, datePiece, unreadable: date === null, placeIllegible: illegible, placeless: m[1] === undefined, noPlace };
}
