import { describe, expect, it } from 'vitest';
import { sentence } from '../../../shared/contract/errors';
import { catalogueReferenceProblems, packageCatalogue, type PackageCatalogue } from '../../../shared/handover/packageFormat';
import { handoverReceipt } from '../../../shared/handover/receipt';

function catalogue(): PackageCatalogue {
  return {
    format: 'kholuu-handover',
    version: 1,
    generator: 'Kho Lưu test',
    batch: {
      uuid: '7d0f1b53-5f8c-4c8e-9d8e-0d1f5c1b2a3c',
      code: '01/BB-BG',
      recipientKind: 'successor',
      fromKey: 'o1',
      toKey: 'o2',
      legalBasis: null,
      handoverDate: '2025-08-15',
      place: null,
      senderRepresentative: null,
      senderPosition: null,
      receiverRepresentative: null,
      receiverPosition: null,
      condition: null,
      shelfMetres: null,
      notes: null,
      packedAt: '2025-08-14T00:00:00.000Z',
      packedBy: 'x',
    },
    organizations: [
      { key: 'o1', code: null, name: 'Huyện ủy Krông Pắc', level: 'district', parentKey: null, startDate: null, endDate: '2025-06-30', notes: null },
      { key: 'o2', code: null, name: 'Đảng ủy xã Krông Pắc', level: 'commune', parentKey: null, startDate: null, endDate: null, notes: null },
    ],
    successions: [{ predecessorKey: 'o1', successorKey: 'o2', effectiveDate: '2025-07-01', basis: null }],
    retentionPeriods: [],
    fonds: [
      { key: 'f1', code: 'HU-KP', name: 'Phông Huyện ủy Krông Pắc', organizationKey: 'o1', status: 'closed', history: null, accessRegime: null, language: null, notes: null },
      { key: 'f2', code: 'HU-KP-2', name: 'Phông khác', organizationKey: 'o1', status: 'closed', history: null, accessRegime: null, language: null, notes: null },
    ],
    fileLists: [],
    files: [
      {
        key: 'h1',
        fondsKey: 'f1',
        fileListKey: null,
        code: '1',
        title: 'Hồ sơ',
        startDate: null,
        endDate: null,
        retentionCode: 'VV',
        completion: null,
        box: null,
        sheetCount: null,
        pageCount: null,
        accessRegime: null,
        language: null,
        keywords: null,
        physicalCondition: null,
        notes: null,
      },
    ],
    documents: [],
    attachments: [],
    secretConfirmations: [],
  };
}

const doc = (key: string, fondsKey: string, fileKey: string | null) => ({
  key,
  fondsKey,
  fileKey,
  orderInFile: 1,
  sheetNumber: null,
  docType: null,
  numberSymbol: null,
  issueDate: null,
  issuer: null,
  parentIssuer: null,
  place: null,
  subject: null,
  signerName: null,
  signerTitle: null,
  signingAuthority: null,
  addressees: [],
  recipients: [],
  securityLevel: null,
  urgency: null,
  language: null,
  pageCount: null,
  reliability: null,
  incomingStamp: null,
  notes: null,
  reviewFields: [],
});

describe('the package catalogue', () => {
  it('accepts consistent records', () => {
    const c = catalogue();
    expect(packageCatalogue.safeParse(c).success).toBe(true);
    expect(catalogueReferenceProblems(c)).toEqual([]);
  });

  it('names every dangling key, mixed fonds, duplicate key and original outside the payload', () => {
    const c = catalogue();
    c.documents.push(doc('d1', 'f2', 'h1'), doc('d1', 'f1', 'h9'));
    c.attachments.push(
      { key: 'a1', documentKey: 'd7', fileName: 'x.pdf', mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64), path: 'data/ban-goc/x.pdf' },
      { key: 'a2', documentKey: 'd1', fileName: 'y.pdf', mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64), path: 'bag-info.txt' },
    );
    c.batch.toKey = 'o9';
    const problems = catalogueReferenceProblems(c);
    expect(problems.map((p) => sentence('vi', p))).toEqual([
      'Khóa văn bản “d1” bị trùng.',
      'Đợt bàn giao trỏ tới tổ chức “o9” không có trong gói.',
      'Văn bản d1 và hồ sơ của nó thuộc hai phông khác nhau.',
      'Văn bản d1 trỏ tới hồ sơ “h9” không có trong gói.',
      'Bản gốc a1 trỏ tới văn bản “d7” không có trong gói.',
      'Bản gốc a2 không nằm trong data/ban-goc/.',
      'Bản gốc a2 trùng nội dung (SHA-256) với một bản gốc khác trong gói.',
    ]);
    // The same problems in the English interface.
    expect(problems.map((p) => sentence('en', p))).toEqual([
      'The document key “d1” appears twice.',
      'The handover batch points to the organization “o9”, which is not in the package.',
      'Document d1 and its file belong to two different fonds.',
      'Document d1 points to the file “h9”, which is not in the package.',
      'Original a1 points to the document “d7”, which is not in the package.',
      'Original a2 does not lie inside data/ban-goc/.',
      'Original a2 has the same content (SHA-256) as another original in the package.',
    ]);
  });

  it('refuses malformed records rather than trusting them', () => {
    const c = catalogue() as unknown as Record<string, unknown>;
    expect(packageCatalogue.safeParse({ ...c, format: 'other' }).success).toBe(false);
    expect(packageCatalogue.safeParse({ ...c, fonds: [] }).success).toBe(false);
    const bad = catalogue();
    (bad.files[0] as { startDate: string | null }).startDate = '2025-02-30';
    expect(packageCatalogue.safeParse(bad).success).toBe(false);
  });

  it('reads a receipt only when it says the package was valid', () => {
    const receipt = {
      format: 'kholuu-handover-receipt',
      version: 1,
      batchUuid: '7d0f1b53-5f8c-4c8e-9d8e-0d1f5c1b2a3c',
      batchCode: '01/BB-BG',
      digest: 'b'.repeat(64),
      payloadOxum: '10.2',
      valid: true,
      receivedAt: '2025-08-16T00:00:00.000Z',
      receivedBy: 'x',
      receivingOrganization: null,
      counts: { files: 1, documents: 2, attachments: 2, duplicates: 0 },
    };
    expect(handoverReceipt.safeParse(receipt).success).toBe(true);
    expect(handoverReceipt.safeParse({ ...receipt, valid: false }).success).toBe(false);
  });
});
