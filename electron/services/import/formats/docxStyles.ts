/**
 * The fonts a Word document's styles give its text, read from `word/styles.xml`. Old documents
 * typed in `.VnTime` usually set the font once, in the Normal style or the document defaults, and
 * leave the runs without a font of their own; the font decides how the characters are read.
 */
export interface StyleFonts {
  /** The font a run gets from a paragraph or character style (following `basedOn`), if any. */
  fontOf(styleId: string | null): string | null;
  /** The font of the document defaults and the default paragraph style. */
  readonly defaultFont: string | null;
}

const RFONTS_RE = /<w:rFonts\b([^>]*)\/?>/;

/** `w:hAnsi` is the font Word uses for characters above 0x7F, where the legacy letters are. */
function fontIn(xml: string): string | null {
  const attrs = RFONTS_RE.exec(xml)?.[1];
  if (!attrs) return null;
  return /\bw:hAnsi="([^"]+)"/.exec(attrs)?.[1] ?? /\bw:ascii="([^"]+)"/.exec(attrs)?.[1] ?? null;
}

interface StyleEntry {
  font: string | null;
  basedOn: string | null;
}

export function readStyleFonts(xml: string | null): StyleFonts {
  const styles = new Map<string, StyleEntry>();
  let defaultParagraphStyle: string | null = null;
  let docDefault: string | null = null;
  if (xml) {
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(xml)?.[1];
    if (defaults) docDefault = fontIn(defaults);
    for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
      const attrs = m[1]!;
      const body = m[2]!;
      const id = /\bw:styleId="([^"]+)"/.exec(attrs)?.[1];
      if (!id) continue;
      if (/\bw:type="paragraph"/.test(attrs) && /\bw:default="(?:1|true)"/.test(attrs)) defaultParagraphStyle = id;
      styles.set(id, { font: fontIn(body), basedOn: /<w:basedOn\s+w:val="([^"]+)"/.exec(body)?.[1] ?? null });
    }
  }
  const fontOf = (styleId: string | null): string | null => {
    const seen = new Set<string>();
    for (let id = styleId; id && !seen.has(id); ) {
      seen.add(id);
      const entry = styles.get(id);
      if (!entry) return null;
      if (entry.font) return entry.font;
      id = entry.basedOn;
    }
    return null;
  };
  return { fontOf, defaultFont: fontOf(defaultParagraphStyle) ?? docDefault };
}
