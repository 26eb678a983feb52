/**
 * Marks words in whatever the viewer shows as text (a text file, Word as HTML, pdf.js's text layer
 * over a page) with the CSS Custom Highlight API: the DOM is left as it is, only ranges are named.
 * Text nodes are read as one string, inline pieces joined as they are and a line break between
 * blocks, so a phrase split over two spans of a PDF line is still found.
 */
import { findReadTerms, findTerms } from '@shared/text/findTerms';

export type HighlightName = 'kholuu-search' | 'kholuu-field';

interface Piece {
  node: Text;
  start: number;
}

/** Elements that end a line of text: words on either side of them are not one word. */
const BREAKS = new Set(['BR', 'P', 'DIV', 'LI', 'TD', 'TH', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'TABLE', 'UL', 'OL']);

function textPieces(root: Node): { text: string; pieces: Piece[] } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  const pieces: Piece[] = [];
  let text = '';
  let pendingBreak = false;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (n.nodeType === Node.ELEMENT_NODE) {
      if (BREAKS.has((n as Element).tagName)) pendingBreak = true;
      continue;
    }
    const node = n as Text;
    if (node.data.length === 0) continue;
    // Inline pieces (pdf.js's spans of one line) join as they are; a line or block break is a space.
    if (pendingBreak && text.length > 0) text += '\n';
    pendingBreak = false;
    pieces.push({ node, start: text.length });
    text += node.data;
  }
  return { text, pieces };
}

/** The node and offset of a position in the joined text (a position in a separator goes to the next node). */
function pointAt(pieces: Piece[], offset: number, end: boolean): [Text, number] | null {
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const last = p.start + p.node.data.length;
    if (offset < p.start) return end ? null : [p.node, 0];
    if (offset < last || (end && offset === last)) return [p.node, offset - p.start];
  }
  const tail = pieces[pieces.length - 1];
  return tail ? [tail.node, tail.node.data.length] : null;
}

/** The ranges where `terms` occur under `root`: as search finds them, or (`read`) the very words first. */
export function rangesOf(root: Node, terms: readonly string[], as: 'search' | 'read' = 'search'): Range[] {
  if (terms.length === 0) return [];
  const { text, pieces } = textPieces(root);
  const ranges: Range[] = [];
  for (const [s, e] of as === 'read' ? findReadTerms(text, terms) : findTerms(text, terms)) {
    const from = pointAt(pieces, s, false);
    const to = pointAt(pieces, e, true);
    if (!from || !to) continue;
    const range = document.createRange();
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1]);
    ranges.push(range);
  }
  return ranges;
}

/** Replaces the named highlight with these ranges (none: clears it). */
export function setHighlight(name: HighlightName, ranges: Range[]): void {
  const registry = (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  if (!registry) return;
  if (ranges.length === 0) registry.delete(name);
  else registry.set(name, new Highlight(...ranges));
}
