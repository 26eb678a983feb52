/**
 * A form's XLSX rows written as text (`xlsxRows.ts`) read back, by exceljs as a reader, as the
 * cells exceljs itself would have written: values (counts as numbers), styles, merged section
 * lines, heights; on every form sheet of a workbook.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookXlsx } from '../../../electron/services/handover/exports/xlsx';
import { columnName } from '../../../electron/services/handover/exports/xlsxRows';
import { DOCUMENT_LIST_COLUMNS, FILE_LIST_COLUMNS, type FormRow, type FormSheet } from '../../../shared/handover/forms';

function sheet(name: string, columns: FormSheet['columns'], n: number): FormSheet {
  const rows: FormRow[] = [{ kind: 'section', text: `I. ${name} & <phần một>` }];
  for (let i = 1; i <= n; i++) rows.push({ kind: 'item', cells: columns.map((c, k) => (c.key === 'no' ? String(i) : c.key === 'sheets' ? String(10 + i) : k === 2 ? `Kết luận số ${i}-KL/TU "về" công tác\ncán bộ\u0001` : '')) });
  rows.push({ kind: 'total', text: `Tổng số: ${n}.` });
  return { name, heading: { owner: 'HUYỆN ỦY MẪU', title: name.toUpperCase(), lines: ['Phông'] }, columns, rows };
}

describe("a form's XLSX rows written as text", () => {
  it('read back as the values, styles, merges and heights of each form sheet', async () => {
    const forms = [sheet('Mục lục hồ sơ', FILE_LIST_COLUMNS, 3), sheet('Mục lục văn bản', DOCUMENT_LIST_COLUMNS, 4)];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookXlsx({ forms }, 'test')) as never);
    forms.forEach((form, f) => {
      const ws = wb.worksheets[f]!;
      const width = form.columns.length;
      // The first row under the header and column-number rows.
      const first = ws.getColumn(1).values.findIndex((v) => v === `I. ${form.name} & <phần một>`);
      expect(first).toBeGreaterThan(0);
      form.rows.forEach((row, i) => {
        const xr = ws.getRow(first + i);
        if (row.kind === 'item') {
          row.cells.forEach((text, c) => {
            const cell = xr.getCell(c + 1);
            const key = form.columns[c]!.key;
            if (key === 'no' || key === 'sheets') expect(cell.value).toBe(Number(text));
            else expect(cell.value ?? '').toBe(text.replace('\u0001', ''));
            expect(cell.font?.name).toBe('Times New Roman');
            expect(cell.alignment?.horizontal).toBe(form.columns[c]!.align);
            expect(cell.border?.top?.style).toBe('thin');
          });
          // Two lines of text at least: taller than a one-line row (18 points).
          expect(xr.height).toBeGreaterThanOrEqual(33);
        } else {
          expect(xr.getCell(1).value).toBe(row.text);
          expect(xr.getCell(1).font?.bold).toBe(true);
          expect(xr.getCell(width).isMerged).toBe(true);
          expect(ws.getCell(`${columnName(width)}${first + i}`).master.address).toBe(`A${first + i}`);
        }
      });
      // Nothing after the totals line: the marker rows are gone.
      expect(ws.getRow(first + form.rows.length).cellCount).toBe(0);
      expect(ws.dimensions.bottom).toBe(first + form.rows.length - 1);
    });
  });
});
