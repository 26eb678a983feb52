/**
 * The audit history names every changed field in words, in both languages: real edits of every
 * editable field of a document, a file, a fonds and an organization (and a review confirmation),
 * then each field their audit rows record must have a label in vi and en that is not its code name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/contract/types';
import { changedFields } from '../../../renderer/src/util/auditDiff';
import { auditFieldKey } from '../../../renderer/src/util/auditLabels';
import { vi as viMessages } from '../../../renderer/src/i18n/vi';
import { en as enMessages } from '../../../renderer/src/i18n/en';
import { SEED } from '../../support/paths';
import { type TestApp, openTestApp } from '../../support/services';
import { archiveWithFiles, importInto } from '../../support/safety';

let app: TestApp;
let rows: AuditEntry[] = [];

beforeAll(async () => {
  app = openTestApp();
  const { org, fonds, fixed, permanent } = await archiveWithFiles(app);
  const [docId] = await importInto(app, { fondsId: fonds.id, fileId: null }, [SEED.letter4029]);
  const doc = await app.call('documents.get', { id: docId! });
  await app.call('review.confirm', { documentId: docId!, fields: doc.reviewFields.length > 0 ? [doc.reviewFields[0] as 'subject'] : ['subject'] }).catch(() => null);
  await app.call('documents.update', {
    id: docId!,
    patch: {
      fileId: fixed.id,
      orderInFile: 4,
      sheetNumber: '12-13',
      docType: 'CÔNG VĂN',
      numberSymbol: '4029-CV/TU',
      issueDate: '2025-07-21',
      issuer: 'TỈNH ỦY ĐẮK LẮK',
      parentIssuer: 'ĐẢNG BỘ TỈNH ĐẮK LẮK',
      place: 'Đắk Lắk',
      subject: 'về việc bàn giao tài liệu lưu trữ',
      signerName: 'Nguyễn Văn A',
      signerTitle: 'PHÓ BÍ THƯ',
      signingAuthority: 'T/M BAN THƯỜNG VỤ',
      addressees: ['Các huyện ủy'],
      recipients: ['Như trên', 'Lưu Văn phòng Tỉnh ủy'],
      securityLevel: 'mat',
      urgency: 'khan',
      language: 'Tiếng Việt',
      pageCount: 3,
      reliability: 'Bản chính',
      notes: 'Còn tốt',
    },
  });
  await app.call('files.update', {
    id: permanent.id,
    patch: {
      code: '1a',
      title: 'Nghị quyết, kết luận của Ban Chấp hành',
      startDate: '2010-01-04',
      endDate: '2011-12-30',
      retentionCode: '70',
      completion: 'completed',
      box: 'Hộp 2',
      sheetCount: 40,
      pageCount: 80,
      accessRegime: 'conditional',
      language: 'Tiếng Việt',
      keywords: 'nghị quyết',
      physicalCondition: 'Giấy ố vàng',
      notes: 'Kiểm tra lại',
    },
  });
  await app.call('fonds.update', {
    id: fonds.id,
    patch: { code: 'HU-ES2', name: 'Phông Huyện ủy Ea Súp (1977–2025)', status: 'open', history: 'Thành lập 1977', accessRegime: 'public', language: 'Tiếng Việt', notes: 'Phông đóng' },
  });
  await app.call('organizations.update', {
    id: org.id,
    patch: { code: 'HUES', name: 'Huyện ủy Ea Súp (cũ)', level: 'district', startDate: '1977-01-01', endDate: '2025-06-30', notes: 'Giải thể' },
  });
  rows = await app.call('audit.list', { limit: 1_000 });
});

afterAll(async () => {
  await app?.close();
});

describe('audit history field names', () => {
  it('records changes of documents, files, fonds and organizations to check', () => {
    const kinds = new Set(rows.filter((r) => r.before !== null && r.before !== undefined).map((r) => r.entityType));
    for (const k of ['document', 'file', 'fonds', 'organization']) expect(kinds, k).toContain(k);
  });

  for (const [lang, messages] of [
    ['vi', viMessages],
    ['en', enMessages],
  ] as const) {
    it(`names every changed field in words (${lang})`, () => {
      const has = (key: string) => Object.prototype.hasOwnProperty.call(messages, key);
      const unnamed: string[] = [];
      let checked = 0;
      for (const row of rows) {
        if (row.before === null || row.before === undefined) continue;
        for (const change of changedFields(row.before, row.after)) {
          checked++;
          const key = auditFieldKey(row.entityType, change.field, has);
          const label = key ? (messages as Record<string, string>)[key] : undefined;
          if (!label || label === change.field) unnamed.push(`${row.entityType}.${change.field}`);
        }
      }
      expect(checked).toBeGreaterThan(30);
      expect([...new Set(unnamed)]).toEqual([]);
    });
  }
});
