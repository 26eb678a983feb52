import type { LegacyEncoding } from './detect';

/**
 * What a font name says about the text typed in it. Old Word files carry their Vietnamese in the
 * font: `.VnTime`, `.VnArial`… (TCVN3/ABC, the names start with `.Vn`), their capitals-only twins
 * `.VnTimeH`, `.VnArialH`… (lower-case codes shown as capitals), and `VNI-Times`, `VNI-Helve`…
 * (VNI). Any other font holds Unicode.
 */
export interface FontEncoding {
  encoding: LegacyEncoding;
  /** A capitals font: the text is shown in capitals whatever its codes. */
  capitals: boolean;
}

export function fontEncoding(fontName: string | null | undefined): FontEncoding | null {
  if (!fontName) return null;
  const name = fontName.trim();
  if (/^\.vn/i.test(name)) return { encoding: 'tcvn3', capitals: /H$/.test(name.replace(/\s+/g, '')) };
  if (/^vni[-\s]/i.test(name)) return { encoding: 'vni', capitals: false };
  return null;
}
