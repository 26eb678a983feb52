/** Pure rules of the safety area: retention expiry, backup rotation, the destruction list. */
import { describe, expect, it } from 'vitest';
import type { DestructionDecision } from '../../../shared/contract/types/safety';
import { backupsToKeep } from '../../../shared/safety/backupRotation';
import { destructionListCsv, destructionListFileName } from '../../../shared/safety/destructionList';
import { isExpired, retentionExpiry } from '../../../shared/safety/retention';

describe('retention expiry (counted from the year the work ended)', () => {
  it('a file closed in 2012, kept 10 years, may be appraised from 1 January 2023', () => {
    expect(retentionExpiry('2012-06-30', 'fixed', 10)).toBe('2023-01-01');
    expect(isExpired('2023-01-01', '2022-12-31')).toBe(false);
    expect(isExpired('2023-01-01', '2023-01-01')).toBe(true);
  });
  it('never for permanent files, nor without an end date or a period', () => {
    expect(retentionExpiry('2012-06-30', 'permanent', null)).toBeNull();
    expect(retentionExpiry(null, 'fixed', 10)).toBeNull();
    expect(retentionExpiry('2012-06-30', null, null)).toBeNull();
    expect(isExpired(null, '2099-01-01')).toBe(false);
  });
});

describe('backup rotation', () => {
  const at = (iso: string, reason = 'scheduled') => ({ id: iso, createdAt: iso, reason });
  it('keeps the newest N, one per day, one per week, and the newest of each reason', () => {
    const backups = [
      at('2025-05-01T01:00:00Z', 'pre-migration'),
      at('2025-05-05T01:00:00Z'),
      at('2025-05-12T01:00:00Z'),
      at('2025-05-12T09:00:00Z'),
      at('2025-05-13T01:00:00Z'),
      at('2025-05-13T09:00:00Z'),
      at('2025-05-14T01:00:00Z'),
      at('2025-05-14T09:00:00Z', 'manual'),
    ];
    const keep = backupsToKeep(backups, { keepLast: 2, keepDaily: 3, keepWeekly: 2 });
    expect([...keep].sort()).toEqual(
      [
        '2025-05-14T09:00:00Z', // newest (and manual)
        '2025-05-14T01:00:00Z', // second newest, newest scheduled
        '2025-05-13T09:00:00Z', // day
        '2025-05-12T09:00:00Z', // day
        '2025-05-05T01:00:00Z', // week of 5 May
        '2025-05-01T01:00:00Z', // only pre-migration copy
      ].sort(),
    );
  });
  it('always keeps at least one', () => {
    expect(backupsToKeep([at('2025-01-01T00:00:00Z')], { keepLast: 0, keepDaily: 0, keepWeekly: 0 }).size).toBe(1);
  });
});

describe('the destruction list', () => {
  const decision: DestructionDecision = {
    id: 1,
    decisionNumber: '25-QĐ/HU',
    decisionDate: '2025-06-10',
    approvedBy: 'Ban Thường vụ Huyện ủy',
    approverTitle: 'Phó Bí thư',
    basis: 'Biên bản họp Hội đồng, ngày 02/6/2025',
    notes: null,
    state: 'approved',
    recordedAt: '2025-06-11T00:00:00Z',
    recordedBy: 'x',
    listExportedAt: null,
    listSha256: null,
    executedAt: null,
    executedBy: null,
    originalsMovedAt: null,
    quarantinePath: null,
    cancelledAt: null,
    cancelReason: null,
    items: [
      { fileId: 4, fondsCode: 'HU-ES', code: '12', title: 'Công văn "trao đổi", năm 2010', startDate: '2010-01-05', endDate: '2010-12-28', retentionLabel: '10 năm', expiredOn: '2021-01-01', documentCount: 3, originalCount: 3 },
    ],
  };
  it('is UTF-8 CSV with a BOM and CRLF, quoting what needs it, with totals', () => {
    const csv = destructionListCsv(decision);
    expect(csv.startsWith('\uFEFFDANH MỤC TÀI LIỆU HẾT GIÁ TRỊ\r\n')).toBe(true);
    expect(csv).toContain('Quyết định số,25-QĐ/HU,ngày,10/06/2025');
    expect(csv).toContain('Căn cứ,"Biên bản họp Hội đồng, ngày 02/6/2025"');
    expect(csv).toContain('1,HU-ES,12,"Công văn ""trao đổi"", năm 2010",05/01/2010,28/12/2010,10 năm,01/01/2021,3,3');
    expect(csv).toContain('Tổng số hồ sơ,1,Tổng số văn bản,3');
    expect(destructionListFileName(decision)).toBe('danh-muc-tai-lieu-het-gia-tri_25-QD_HU_2025-06-10.csv');
  });
});
