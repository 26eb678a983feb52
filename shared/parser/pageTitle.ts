import { numberSymbolKey } from '../domain/numberSymbol';
import { fold } from '../text/fold';
import { findCitations } from './citations';
import { matchTypeName } from './lexicon';
import type { Citation } from './types';

/**
 * The number a saved page's own title names. A legal database opens its page with the document's
 * name (`Công văn 66/NVĐP`, then `Công văn số 66/NVĐP về việc …`) before its metadata block and the
 * document: that number is the document presented, named by the page, not a document it cites.
 * When a copy damaged the header (a scan's `s0 66 lNVDP`), the document's start is not found and
 * the page's lines fall inside what is read; this keeps their number out of the citations.
 *
 * Only lines opening the text count, and only one that opens with a type's name, `số` at most, and
 * the number (a news title `Kế hoạch thực hiện Chỉ thị 05-CT/TW` names another document).
 */

/** How many of the text's first non-empty lines may be the page's title lines. */
const TITLE_LINES = 3;
/** How far into the text they are looked for. */
const TITLE_CHARS = 1500;
/** A title line is short enough to be one; a paragraph of prose is not. */
const TITLE_LINE_MAX = 400;

/** The keys (`numberSymbolKey`) of the numbers the page's opening title lines name. */
export function pageTitleNumbers(text: string): Set<string> {
  const keys = new Set<string>();
  let pos = 0;
  let lines = 0;
  const limit = Math.min(text.length, TITLE_CHARS);
  while (pos < limit && lines < TITLE_LINES) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol);
    if (line.trim() !== '') {
      lines++;
      const key = line.length <= TITLE_LINE_MAX ? titleNumber(text, pos, eol) : null;
      if (key) keys.add(key);
    }
    pos = eol + 1;
  }
  return keys;
}

/** The number a line opens with after a type's name (`Công văn số 66/NVĐP …`), as a key; else null. */
function titleNumber(text: string, from: number, to: number): string | null {
  const first = findCitations(text, null, from, to)[0];
  if (!first || first.span.start >= to) return null;
  const before = fold(text.slice(from, first.span.start)).replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
  const type = matchTypeName(before);
  if (!type) return null;
  const rest = before.slice(type.length).trim();
  return rest === '' || rest === 'so' ? numberSymbolKey(first.numberSymbol) : null;
}

/** Removes from `citations` (in place) the numbers the page's opening title lines name. */
export function dropPageTitleNumbers(text: string, citations: Citation[]): void {
  if (citations.length === 0) return;
  const titled = pageTitleNumbers(text);
  if (titled.size === 0) return;
  let w = 0;
  for (const c of citations) if (!titled.has(numberSymbolKey(c.numberSymbol))) citations[w++] = c;
  citations.length = w;
}
