import { describe, expect, it } from 'vitest';
import { safeFileName, safeSegment, UniqueNames, unsafeBagPath } from '../../../shared/handover/bagPaths';

describe('names Kho Lưu writes into a bag', () => {
  it('folds Vietnamese to plain ASCII so a file system that decomposes Unicode keeps the bytes', () => {
    expect(safeSegment('Hồ sơ số 1/2 — Đắk Lắk')).toBe('ho_so_so_1_2_dak_lak');
    expect(safeSegment('..hidden')).toBe('hidden');
    expect(safeSegment('!!!')).toBe('tep');
    expect(safeSegment('a'.repeat(200), 10)).toBe('a'.repeat(10));
  });

  it('keeps a plain extension, lower-cased, and drops a strange one', () => {
    expect(safeFileName('Quyết định số 5.PDF')).toBe('quyet_dinh_so_5.pdf');
    expect(safeFileName('../../evil.sh')).toBe('evil.sh');
    expect(safeFileName('C:\\Users\\x\\Báo cáo.docx')).toBe('bao_cao.docx');
    expect(safeFileName('no extension')).toBe('no_extension');
    expect(safeFileName('weird.ext with space')).toBe('weird.ext_with_space');
  });

  it('every name it produces is a safe bag path', () => {
    for (const n of ['Hồ sơ.pdf', '../x', '/abs', 'a\\b', '.', '..', '', 'con\u0000trol']) {
      expect(unsafeBagPath(`data/${safeFileName(n)}`)).toBeNull();
    }
  });

  it('never hands out the same name twice, ignoring case', () => {
    const names = new UniqueNames();
    expect(names.claim('data/a/x.pdf')).toBe('data/a/x.pdf');
    expect(names.claim('data/a/X.pdf')).toBe('data/a/X-2.pdf');
    expect(names.claim('data/a/x.pdf')).toBe('data/a/x-3.pdf');
    expect(names.claim('data/a.b/noext')).toBe('data/a.b/noext');
    expect(names.claim('data/a.b/noext')).toBe('data/a.b/noext-2');
  });
});
