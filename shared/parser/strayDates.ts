import { makeItem, type Item } from './classify';

/**
 * Dates printed alone (`ngày 30 tháng 8 năm 2025`, `Ngày 20-3-2021`: no place before them) that
 * are not the document's dateline. A dateline names its place; a date alone is the dateline only
 * where the header puts one, and elsewhere belongs to the text around it.
 */

/** A line that ends a sentence or a label: what follows it is not its wrapped end. */
const CLOSED_RE = /[.;:!?]$/;

/**
 * `Về triển khai các quy định, quyết định` / `ngày 30 tháng 8 năm 2025`: a letter's trích yếu
 * wrapped before the date it names. A date alone right under an unfinished line of text is that
 * line's end, not a dateline (a header cut to its left column has none); it is read as text, so
 * the subject keeps it.
 */
export function subjectDatesAsText(items: readonly Item[]): Item[] {
  // Pushed, not mapped: `map` in optimised code makes a holey array, of another kind than the
  // interpreter's, and the code reading the items was thrown away at the kind it had not met.
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const prev = i > 0 ? items[i - 1]! : null;
    const stray = it.kind === 'placeDate' && it.placeDate!.placeless && prev !== null && (prev.kind === 'text' || prev.kind === 'prose') && !CLOSED_RE.test(prev.seg.text.trimEnd());
    out.push(stray ? makeItem('text', it.seg, it.segIndex, { number: it.number, mark: it.mark, type: it.type }) : it);
  }
  return out;
}

/**
 * The dateline's date is the document's: it stands in the header, above the type line, and its
 * place names one, or a date alone stands after the number or the motto. Under the title a
 * dateline, place and all, is a quoted, cited or attached text's (`Hà Nam, ngày …` after a
 * notice's title): the document's own is printed in the header. (A letter's `Kính gửi` is no such
 * bound: read from a page's positions, a left column holding it comes before the dateline's.)
 */
export function datesDocument(items: readonly Item[], at: Item, typeIdx: number): boolean {
  const pd = at.placeDate!;
  if (pd.noPlace) return false;
  const i = items.indexOf(at);
  if (typeIdx >= 0 && i > typeIdx) return false;
  return !pd.placeless || datesHeader(items, i);
}

/**
 * A date alone above the title is the dateline only after the number or the motto. Above them it
 * is a gazette's issue (`CÔNG BÁO` / `Số 45 + 46` / `Ngày 20-3-2021`), a web page's or a table of
 * contents' line (under the title, a body's or a cited text's date: `Căn cứ Nghị định số …` /
 * `ngày 10 tháng 7 năm 2017`).
 */
function datesHeader(items: readonly Item[], i: number): boolean {
  for (let k = 0; k < i; k++) if (items[k]!.kind === 'number' || items[k]!.kind === 'motto') return true;
  return false;
}
