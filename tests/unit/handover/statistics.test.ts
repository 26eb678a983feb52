import { describe, expect, it } from 'vitest';
import type { RetentionPeriod } from '../../../shared/contract/types';
import { computeInventory, emptyUnfiled, fileProblems, type InventoryFileRow } from '../../../shared/handover/statistics';

const PERIODS: RetentionPeriod[] = [
  { code: 'VV', retentionClass: 'permanent', years: null, labelVi: 'Vĩnh viễn', labelEn: 'Permanent' },
  { code: '70', retentionClass: 'fixed', years: 70, labelVi: '70 năm', labelEn: '70 years' },
  { code: '10', retentionClass: 'fixed', years: 10, labelVi: '10 năm', labelEn: '10 years' },
];

let next = 1;
function file(over: Partial<InventoryFileRow>): InventoryFileRow {
  const id = next++;
  return {
    id,
    fondsId: 1,
    fondsCode: 'HU-KP',
    code: String(id),
    title: `Hồ sơ ${id}`,
    startDate: '2020-01-01',
    endDate: '2020-12-31',
    retentionCode: 'VV',
    completion: 'completed',
    box: '1',
    sheetCount: 10,
    pageCount: 20,
    handoverStatus: 'not_started',
    documentCount: 3,
    secret: { mat: 0, toi_mat: 0, tuyet_mat: 0 },
    minIssueDate: null,
    maxIssueDate: null,
    needingReview: 0,
    ...over,
  };
}

describe('inventory statistics', () => {
  const files = [
    file({ retentionCode: 'VV', box: '1', documentCount: 4, secret: { mat: 1, toi_mat: 0, tuyet_mat: 0 } }),
    file({ retentionCode: '70', box: '2', completion: 'unfinished', handoverStatus: 'listed', startDate: '2018-03-01', endDate: '2019-01-01' }),
    file({ retentionCode: '10', box: '10', sheetCount: null, handoverStatus: 'listed', endDate: '2024-06-30', needingReview: 2 }),
    file({ retentionCode: null, box: null, completion: null, title: '  ', startDate: null, endDate: null, minIssueDate: '2015-05-05', maxIssueDate: '2016-01-01', documentCount: 2, secret: { mat: 0, toi_mat: 1, tuyet_mat: 1 } }),
  ];
  const report = computeInventory({
    scope: { kind: 'fonds', id: 1, label: 'HU-KP' },
    fonds: [{ id: 1, code: 'HU-KP', name: 'Phông Huyện ủy Krông Pắc' }],
    retentionPeriods: PERIODS,
    files,
    unfiled: { documents: 5, secret: { mat: 0, toi_mat: 0, tuyet_mat: 1 }, minIssueDate: '2014-02-02', maxIssueDate: '2025-07-01', needingReview: 1 },
  });

  it('counts files, documents (filed and unfiled), sheets and boxes', () => {
    expect(report.totals).toEqual({
      files: 4,
      documents: 4 + 3 + 3 + 2 + 5,
      sheets: 10 + 10 + 0 + 10,
      pages: 80,
      boxes: 3,
      unfiledDocuments: 5,
      documentsNeedingReview: 3,
      filesWithoutSheetCount: 1,
    });
  });

  it('splits by retention class and by period, permanent first, unset last', () => {
    expect(report.byRetentionClass).toEqual({
      permanent: { files: 1, documents: 4, sheets: 10 },
      fixed: { files: 2, documents: 6, sheets: 10 },
      none: { files: 1, documents: 2, sheets: 10 },
    });
    expect(report.byRetention.map((r) => [r.code, r.files])).toEqual([
      ['VV', 1],
      ['70', 1],
      ['10', 1],
      [null, 1],
    ]);
  });

  it('splits by completion, handover status, box (natural order, unboxed last) and security', () => {
    expect(report.byCompletion).toEqual({
      completed: { files: 2, documents: 7, sheets: 10 },
      unfinished: { files: 1, documents: 3, sheets: 10 },
      none: { files: 1, documents: 2, sheets: 10 },
    });
    expect(report.byHandover.listed.files).toBe(2);
    expect(report.byHandover.not_started.files).toBe(2);
    expect(report.byBox.map((b) => b.box)).toEqual(['1', '2', '10', null]);
    expect(report.bySecurity).toEqual({ none: 17 - 4, mat: 1, toi_mat: 1, tuyet_mat: 2 });
  });

  it('spans the dates of files, and of documents where a file has none', () => {
    expect(report.dateSpan).toEqual({ start: '2014-02-02', end: '2025-07-01' });
  });

  it('lists the files missing required data as blocking problems', () => {
    expect(report.problemCount).toBe(1);
    expect(report.problems[0]!.problems).toEqual(['no_retention', 'no_title', 'no_dates']);
  });

  it('adds a missing box only when packing asks for it', () => {
    expect(fileProblems({ title: 'x', retentionCode: 'VV', startDate: '2020-01-01', endDate: '2020-01-02', box: null })).toEqual([]);
    expect(fileProblems({ title: 'x', retentionCode: 'VV', startDate: '2020-01-01', endDate: null, box: ' ' }, true)).toEqual(['no_dates', 'no_box']);
  });

  it('treats a retention code missing from the schedule as unset', () => {
    const r = computeInventory({ scope: { kind: 'fonds', id: 1, label: '' }, fonds: [], retentionPeriods: PERIODS, files: [file({ retentionCode: 'XX' })], unfiled: emptyUnfiled() });
    expect(r.byRetentionClass.none.files).toBe(1);
    expect(r.byRetention[0]!.code).toBeNull();
  });
});
