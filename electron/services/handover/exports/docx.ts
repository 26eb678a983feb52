/**
 * DOCX with the `docx` library: the Mục lục hồ sơ as a landscape table whose header row repeats
 * on every page, and the Biên bản giao nhận tài liệu in the party document layout.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { FormSheet } from '../../../../shared/handover/forms';
import type { MinutesModel } from '../../../../shared/handover/minutes';
import { ROWS_MARKER, rowXml, withRows } from './docxRows';

const FONT = 'Times New Roman';
// A4 in twentieths of a point.
const A4_SHORT = 11906;
const A4_LONG = 16838;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function text(t: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}): TextRun {
  return new TextRun({ text: t, font: FONT, bold: o.bold, italics: o.italics, size: o.size, underline: o.underline ? {} : undefined });
}

function para(t: string, o: { bold?: boolean; italics?: boolean; size?: number; align?: keyof typeof ALIGN; indent?: boolean; after?: number; underline?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ? ALIGN[o.align] : AlignmentType.JUSTIFIED,
    spacing: { after: o.after ?? 60 },
    indent: o.indent ? { firstLine: 567 } : undefined,
    children: [text(t, o)],
  });
}

/** Paragraph style of the forms' table cells (11 pt), so each cell's runs carry no properties of their own. */
const CELL_STYLE = 'FormCell';
/** Cell margins of the forms' tables, set once on the table rather than on each cell. */
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

/**
 * A form table's cell. A Mục lục văn bản has tens of thousands: each carries only what differs
 * from the table's defaults (its width, alignment, and the header's bold and shading), since the
 * library spends its time per element and per property.
 */
function cell(t: string, widthTwips: number, o: { bold?: boolean; align?: keyof typeof ALIGN; span?: number; shade?: boolean } = {}): TableCell {
  const align = o.align && o.align !== 'left' ? ALIGN[o.align] : undefined;
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    columnSpan: o.span,
    verticalAlign: VerticalAlign.CENTER,
    shading: o.shade ? { fill: 'EDEBE6' } : undefined,
    children: t.split('\n').map((line) => new Paragraph({ style: CELL_STYLE, alignment: align, children: [o.bold ? new TextRun({ text: line, bold: true }) : new TextRun(line)] })),
  });
}

function headingParagraphs(sheet: Pick<FormSheet, 'heading'>): Paragraph[] {
  return [
    para(sheet.heading.owner, { bold: true, align: 'left', size: 24 }),
    para('', { after: 120 }),
    para(sheet.heading.title, { bold: true, align: 'center', size: 30, after: 80 }),
    ...sheet.heading.lines.map((l) => para(l, { italics: true, align: 'center', size: 24 })),
    para('', { after: 120 }),
  ];
}

/** A form (file list, document list) as a landscape DOCX table. */
export async function formDocx(sheet: FormSheet, creator: string): Promise<Buffer> {
  const margin = 850;
  const usable = A4_LONG - 2 * margin;
  const total = sheet.columns.reduce((s, c) => s + c.width, 0);
  const widths = sheet.columns.map((c) => Math.floor((c.width / total) * usable));
  const n = sheet.columns.length;
  const header = new TableRow({
    tableHeader: true,
    children: sheet.columns.map((c, i) => cell(c.header, widths[i]!, { bold: true, align: 'center', shade: true })),
  });
  const numbers = new TableRow({ tableHeader: true, children: sheet.columns.map((_c, i) => cell(String(i + 1), widths[i]!, { align: 'center' })) });
  // The library lays out the page, the heading and the header rows; the rows, thousands of them,
  // are written in the marker row's place (`docxRows.ts`).
  const marker = new TableRow({ children: [cell(ROWS_MARKER, usable, { span: n })] });
  let rows = '';
  for (const r of sheet.rows) {
    rows +=
      r.kind === 'item'
        ? rowXml(
            r.cells.map((t, i) => ({ text: t, widthTwips: widths[i]!, align: sheet.columns[i]!.align })),
            CELL_STYLE,
            true,
          )
        : rowXml([{ text: r.text, widthTwips: usable, bold: true, span: n }], CELL_STYLE, false);
  }
  const doc = new Document({
    creator,
    title: sheet.heading.title,
    styles: {
      default: { document: { run: { font: FONT, size: 24 } } },
      paragraphStyles: [{ id: CELL_STYLE, name: 'Form cell', basedOn: 'Normal', run: { font: FONT, size: 22 } }],
    },
    sections: [
      {
        properties: { page: { size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE }, margin: { top: 850, bottom: 850, left: margin, right: margin } } },
        children: [
          ...headingParagraphs(sheet),
          new Table({ width: { size: usable, type: WidthType.DXA }, columnWidths: widths, margins: CELL_MARGINS, rows: [header, numbers, marker] }),
        ],
      },
    ],
  });
  return withRows(await Packer.toBuffer(doc), rows);
}

function twoColumns(left: Paragraph[], right: Paragraph[], width: number, split = 0.45): Table {
  const l = Math.floor(width * split);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [l, width - l],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: l, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: width - l, type: WidthType.DXA }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}

/** Biên bản giao nhận tài liệu, portrait A4, party document layout. */
export async function minutesDocx(m: MinutesModel, creator: string): Promise<Buffer> {
  const margin = { top: 1134, bottom: 1134, left: 1701, right: 850 };
  const width = A4_SHORT - margin.left - margin.right;
  const children: Array<Paragraph | Table> = [
    // The right cell is the wider one: the place-date line must stay on one line, as in the party
    // document layout, even for long place names.
    twoColumns(
      [para(m.senderBody, { bold: true, align: 'center', size: 26 }), para('*', { align: 'center' }), para(m.number, { align: 'center', size: 26 })],
      [para('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, align: 'right', size: 28 }), para(''), para(m.placeAndDate, { italics: true, align: 'right', size: 26 })],
      width,
      0.4,
    ),
    para('', { after: 240 }),
    para(m.title, { bold: true, align: 'center', size: 30, after: 40 }),
    para(m.subtitle, { bold: true, align: 'center', size: 28, after: 240 }),
    ...m.bases.map((b) => para(b, { italics: true, indent: true })),
    para(m.opening, { indent: true }),
  ];
  for (const p of m.parties) {
    children.push(para(`${p.role}: ${p.body}`, { bold: true, indent: true }));
    children.push(para(`Ông (bà): ${p.representative}    Chức vụ: ${p.position}`, { indent: true }));
  }
  children.push(para(m.agreement, { indent: true }));
  for (const item of m.items) {
    children.push(para(item.heading, { bold: true, indent: true }));
    for (const line of item.lines) children.push(para(line, { indent: true }));
  }
  for (const c of m.closing) children.push(para(c, { indent: true }));
  children.push(para('', { after: 240 }));
  const signature = (s: MinutesModel['signatures'][number]) => [
    para(s.role, { bold: true, align: 'center' }),
    para(s.position, { bold: true, align: 'center' }),
    para('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, align: 'center' }),
    para('', { after: 900 }),
    para(s.representative, { bold: true, align: 'center' }),
  ];
  children.push(twoColumns(signature(m.signatures[0]), signature(m.signatures[1]), width, 0.5));
  const doc = new Document({
    creator,
    title: `${m.title} ${m.subtitle}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [{ properties: { page: { size: { width: A4_SHORT, height: A4_LONG }, margin } }, children }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
