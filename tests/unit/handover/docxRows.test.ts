/**
 * A form's DOCX rows written as text (`docxRows.ts`) are the elements the `docx` library writes for
 * the same cells: the same row, packed by the library, holds the same XML.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type RowCell, rowXml, withRows, ROWS_MARKER } from '../../../electron/services/handover/exports/docxRows';

const STYLE = 'FormCell';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** The row as the library makes it, from the options the forms give their cells. */
function libraryRow(cells: RowCell[], cantSplit: boolean): TableRow {
  return new TableRow({
    cantSplit: cantSplit || undefined,
    children: cells.map(
      (c) =>
        new TableCell({
          width: { size: c.widthTwips, type: WidthType.DXA },
          columnSpan: c.span,
          verticalAlign: VerticalAlign.CENTER,
          children: c.text.split('\n').map((line) => new Paragraph({ style: STYLE, alignment: c.align && c.align !== 'left' ? ALIGN[c.align] : undefined, children: [c.bold ? new TextRun({ text: line, bold: true }) : new TextRun(line)] })),
        }),
    ),
  });
}

async function documentXml(rows: TableRow[]): Promise<string> {
  const doc = new Document({ sections: [{ children: [new Table({ rows })] }] });
  return strFromU8(unzipSync(await Packer.toBuffer(doc))['word/document.xml']!);
}

/** The `<w:tr>` elements of a document's table. */
function rowsOf(xml: string): string {
  return xml.slice(xml.indexOf('<w:tr>'), xml.lastIndexOf('</w:tr>') + '</w:tr>'.length);
}

const ITEM: RowCell[] = [
  { text: '12', widthTwips: 807, align: 'center' },
  { text: 'Kết luận số 1485-KL/TU & "các" <văn bản> của \'Tỉnh ủy\'\nDòng hai', widthTwips: 5046 },
  { text: 'ký tự\u0001điều khiển', widthTwips: 2523, align: 'right' },
];
const SECTION: RowCell[] = [{ text: 'I. HỒ SƠ BẢO QUẢN VĨNH VIỄN', widthTwips: 8376, bold: true, span: 3 }];

describe("a form's DOCX rows written as text", () => {
  it('are the XML the library writes for the same item and section rows', async () => {
    const expected = rowsOf(await documentXml([libraryRow(ITEM, true), libraryRow(SECTION, false)]));
    expect(rowXml(ITEM, STYLE, true) + rowXml(SECTION, STYLE, false)).toBe(expected);
  });

  it("take the marker row's place in a packed document, the rest unchanged", async () => {
    const marker = libraryRow([{ text: ROWS_MARKER, widthTwips: 8376, span: 3 }], false);
    const before = await documentXml([libraryRow(SECTION, false), marker]);
    const rows = rowXml(ITEM, STYLE, true);
    const after = strFromU8(unzipSync(withRows(await Packer.toBuffer(new Document({ sections: [{ children: [new Table({ rows: [libraryRow(SECTION, false), marker] })] }] })), rows))['word/document.xml']!);
    expect(after).not.toContain(ROWS_MARKER);
    expect(after).toBe(before.replace(/<w:tr>(?:(?!<w:tr>).)*KHOLUU-FORM-ROWS-7f3c2a.*?<\/w:tr>/, rows));
  });
});
