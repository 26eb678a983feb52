/**
 * A PDF whose font has a wrong ToUnicode map, made at test time: the page shows the right letters
 * (the glyphs are right) but its text layer decodes to other ones, as in the DejaVu Sans Mono PDF
 * that came back as "Kểt luận … cua", "Uy viển … Đang bộ": letters with the hỏi tone lose it, the
 * sắc letters of the Vietnamese block read as their hỏi twins, and ê reads as ể.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const fontsDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

const HOI_TO_BASE: Record<string, string> = { ả: 'a', ẩ: 'â', ẳ: 'ă', ẻ: 'e', ể: 'ê', ỉ: 'i', ỏ: 'o', ổ: 'ô', ở: 'ơ', ủ: 'u', ử: 'ư', ỷ: 'y', Ả: 'A', Ủ: 'U', Ở: 'Ơ', Ể: 'Ê', Ổ: 'Ô' };
const SAC_TO_HOI: Record<string, string> = { ấ: 'ẩ', ắ: 'ẳ', ế: 'ể', ố: 'ổ', ớ: 'ở', ứ: 'ử', Ấ: 'Ẩ', Ế: 'Ể', Ố: 'Ổ' };

/** What the broken map makes of a letter (the same letter when the map has it right). */
export function brokenMapOf(ch: string): string {
  return HOI_TO_BASE[ch] ?? SAC_TO_HOI[ch] ?? (ch === 'ê' ? 'ể' : ch);
}

const hex = (s: string) => `<${s.codePointAt(0)!.toString(16).padStart(4, '0')}>`;

/** Lines of text set in DejaVu Serif (every Vietnamese glyph drawn right), with the font's ToUnicode map broken as above. */
export async function brokenFontPdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font(path.join(fontsDir, 'DejaVuSerif.ttf')).fontSize(10.5);
  for (const line of lines) doc.text(line, { lineGap: 3 });
  doc.end();
  await done;
  // Uncompressed, the map is text: each entry `<xxxx>` swapped for one of the same length, so the
  // file's cross-reference offsets stay right.
  let pdf = Buffer.concat(chunks).toString('latin1');
  const letters = [...Object.keys(HOI_TO_BASE), ...Object.keys(SAC_TO_HOI), 'ê'];
  pdf = pdf.replace(/beginbfrange[\s\S]*?endbfrange/g, (cmap) => {
    let out = cmap;
    for (const ch of letters) out = out.split(hex(ch)).join(hex(brokenMapOf(ch)));
    return out;
  });
  return Buffer.from(pdf, 'latin1');
}
