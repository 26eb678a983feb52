import { buildSegments, type Seg } from '../../../shared/parser/clean';
import { classifySegments, type Item } from '../../../shared/parser/classify';

/** Segments of a whole snippet (NFC), as the readers see them. */
export function segsOf(text: string): Seg[] {
  const t = text.normalize('NFC');
  return buildSegments(t, 0, t.length);
}

/** Classified header items of a snippet. */
export function itemsOf(text: string): Item[] {
  return classifySegments(segsOf(text), new Set());
}

/** The first segment of a one-line snippet. */
export function segOf(line: string): Seg {
  return segsOf(line)[0]!;
}

/** Joins lines with `\n` (keeps snippets readable in tests). */
export function lines(...ls: string[]): string {
  return ls.join('\n');
}

/**
 * What a reader sees at a span: markdown marks and escapes removed, whitespace collapsed,
 * trailing list punctuation dropped. Independent of the parser's own cleaner on purpose.
 */
export function cleanSpanText(s: string): string {
  return s
    .replace(/^[ \t]*#{1,6}[ \t]*/gm, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, (_, c: string) => (c === '*' || c === '_' ? '' : c))
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s,.;:]+$/, '');
}
