import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../shared/contract/types';
import type { HandoverBatch, InventoryReport } from '../../../shared/contract/types/handover';
import { blockersFor, type BatchFacts } from '../../../shared/handover/batchRules';
import {
  boxLabels,
  dateRange,
  documentListRows,
  fileListRows,
  HIDDEN_SECRET_TEXT,
  toCsv,
  typeAndSubject,
  viLongDate,
  type FormFile,
} from '../../../shared/handover/forms';
import { buildMinutes, minutesText } from '../../../shared/handover/minutes';
import { computeInventory, emptyUnfiled } from '../../../shared/handover/statistics';

const VV = { code: 'VV', retentionClass: 'permanent' as const, years: null, labelVi: 'Vĩnh viễn', labelEn: 'Permanent' };
const Y10 = { code: '10', retentionClass: 'fixed' as const, years: 10, labelVi: '10 năm', labelEn: '10 years' };

function formFile(code: string, over: Partial<FormFile> = {}): FormFile {
  return {
    id: Number(code),
    fondsId: 1,
    fondsCode: 'HU-KP',
    fileListId: null,
    code,
    title: `Hồ sơ số ${code}`,
    startDate: '2024-01-02',
    endDate: '2024-12-30',
    retentionCode: 'VV',
    retention: VV,
    completion: 'completed',
    box: '1',
    sheetCount: 12,
    pageCount: null,
    accessRegime: null,
    language: null,
    keywords: null,
    physicalCondition: null,
    notes: null,
    handoverStatus: 'not_started',
    documentCount: 1,
    createdAt: '',
    updatedAt: '',
    secretDocuments: 0,
    ...over,
  };
}

function doc(over: Partial<DocumentRecord>): DocumentRecord {
  return {
    id: 1,
    fondsId: 1,
    fileId: 1,
    orderInFile: 1,
    sheetNumber: '1-4',
    docType: 'KẾT LUẬN',
    numberSymbol: '1485-KL/TU',
    issueDate: '2025-05-14',
    issuer: 'TỈNH ỦY ĐẮK LẮK',
    parentIssuer: null,
    place: null,
    subject: 'hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 32',
    signerName: null,
    signerTitle: null,
    signingAuthority: null,
    addressees: [],
    recipients: [],
    securityLevel: null,
    urgency: null,
    language: 'vi',
    pageCount: null,
    reliability: null,
    incomingStamp: null,
    notes: null,
    reviewFields: [],
    createdAt: '',
    updatedAt: '',
    ...over,
  };
}

describe('Mục lục hồ sơ rows', () => {
  it('puts permanent files before fixed-term ones, numbers on through the sections and totals at the end', () => {
    const { rows, totals } = fileListRows([
      formFile('10', { retention: Y10, retentionCode: '10', box: '2', sheetCount: null }),
      formFile('2', { completion: 'unfinished', secretDocuments: 1, notes: 'Bìa rách' }),
      formFile('11', { retention: null, retentionCode: null, box: null }),
      formFile('1'),
    ]);
    expect(rows.map((r) => (r.kind === 'item' ? r.cells.slice(0, 2).join(':') : r.text))).toEqual([
      'I. HỒ SƠ BẢO QUẢN VĨNH VIỄN',
      '1:1',
      '2:2',
      'II. HỒ SƠ BẢO QUẢN CÓ THỜI HẠN',
      '3:10',
      'III. HỒ SƠ CHƯA XÁC ĐỊNH THỜI HẠN BẢO QUẢN',
      '4:11',
      rows[rows.length - 1]!.kind === 'total' ? (rows[rows.length - 1] as { text: string }).text : '',
    ]);
    const second = rows[2]!;
    expect(second.kind === 'item' && second.cells).toEqual(['2', '2', 'Hồ sơ số 2', '02/01/2024 – 30/12/2024', 'Vĩnh viễn', '12', '1', 'Công việc chưa kết thúc; Có 1 văn bản mật; Bìa rách']);
    expect(totals).toMatchObject({ files: 4, sheets: 36, boxes: 2, permanent: 2, fixed: 1, none: 1, unfinished: 1, withoutSheets: 1 });
    const last = rows[rows.length - 1]!;
    expect(last.kind === 'total' && last.text).toBe(
      'Tổng số: 4 hồ sơ; 36 tờ (1 hồ sơ chưa thống kê số tờ); 2 hộp (vĩnh viễn: 2; có thời hạn: 1; chưa xác định thời hạn: 1; công việc chưa kết thúc: 1).',
    );
  });
});

describe('Mục lục văn bản rows', () => {
  it('groups by file, joins type and subject, and marks secret documents', () => {
    const { rows, documents, secret } = documentListRows(
      [{ file: { code: '1', title: 'Kết luận' }, documents: [doc({}), doc({ id: 2, orderInFile: 2, securityLevel: 'mat', notes: 'bản sao' })] }],
      true,
    );
    expect(documents).toBe(2);
    expect(secret).toBe(1);
    expect(rows[0]).toEqual({ kind: 'section', text: 'Hồ sơ số 1: Kết luận' });
    expect(rows[1]).toEqual({ kind: 'item', cells: ['1', '1485-KL/TU', '14/05/2025', 'Kết luận hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 32', 'TỈNH ỦY ĐẮK LẮK', '1-4', ''] });
    expect(rows[2]!.kind === 'item' && rows[2]!.cells[6]).toBe('Độ mật: Mật; bản sao');
  });

  it('keeps a secret document’s row but withholds its content from a caller who may not see it', () => {
    const { rows } = documentListRows([{ file: null, documents: [doc({ securityLevel: 'tuyet_mat', notes: 'ghi chú mật' })] }], false);
    expect(rows[0]).toEqual({ kind: 'section', text: 'Văn bản chưa lập hồ sơ' });
    expect(rows[1]).toEqual({ kind: 'item', cells: ['1', '', '', HIDDEN_SECRET_TEXT, '', '1-4', 'Độ mật: Tuyệt mật'] });
  });

  it('writes the type word in sentence case', () => {
    expect(typeAndSubject('NGHỊ QUYẾT', 'về công tác cán bộ')).toBe('Nghị quyết về công tác cán bộ');
    expect(typeAndSubject(null, 'V/v bàn giao')).toBe('V/v bàn giao');
    expect(typeAndSubject('THÔNG BÁO', null)).toBe('Thông báo');
  });
});

describe('CSV for Excel', () => {
  it('starts with a byte-order mark, quotes what needs quoting and ends lines with CRLF', () => {
    expect(toCsv([['Số', 'Trích yếu'], [1, 'a, "b"\nc'], [null, ' x']])).toBe('\uFEFFSố,Trích yếu\r\n1,"a, ""b""\nc"\r\n," x"\r\n');
  });
});

describe('box labels', () => {
  it('makes one label per box with the first and last file and the span', () => {
    const labels = boxLabels(
      [formFile('3', { box: '2' }), formFile('1'), formFile('2', { startDate: '2023-01-01' }), formFile('4', { box: null })],
      new Map([['HU-KP', 'Phông Huyện ủy Krông Pắc']]),
    );
    expect(labels).toEqual([
      { fondsName: 'Phông Huyện ủy Krông Pắc', fondsCode: 'HU-KP', box: '1', firstFile: '1', lastFile: '2', fileCount: 2, dateSpan: '01/01/2023 – 30/12/2024', retention: 'Vĩnh viễn' },
      { fondsName: 'Phông Huyện ủy Krông Pắc', fondsCode: 'HU-KP', box: '2', firstFile: '3', lastFile: '3', fileCount: 1, dateSpan: '02/01/2024 – 30/12/2024', retention: 'Vĩnh viễn' },
    ]);
  });
});

describe('handover minutes', () => {
  const batch: HandoverBatch = {
    id: 1,
    uuid: '7d0f1b53-5f8c-4c8e-9d8e-0d1f5c1b2a3c',
    code: '01/BB-BG',
    direction: 'outgoing',
    status: 'packed',
    fromOrganizationId: 1,
    fromOrganizationName: 'Huyện ủy Krông Pắc',
    toOrganizationId: 2,
    toOrganizationName: 'Kho lưu trữ Tỉnh ủy Đắk Lắk',
    recipientKind: 'provincial_archive',
    legalBasis: 'Công văn số 64-CV/TW ngày 10/4/2025 của Ban Bí thư\nCăn cứ Công văn số 14514-CV/VPTW.',
    handoverDate: '2025-08-15',
    place: 'Buôn Ma Thuột',
    senderRepresentative: 'Nguyễn Văn A',
    senderPosition: 'Chánh Văn phòng',
    receiverRepresentative: null,
    receiverPosition: null,
    condition: 'Tài liệu còn tốt',
    shelfMetres: 1.5,
    notes: null,
    listedAt: null,
    packedAt: null,
    handedOverAt: null,
    receivedAt: null,
    package: { path: '/x.zip', digest: 'c'.repeat(64), payloadOxum: '10.2', builtAt: '' },
    verification: null,
    receipt: null,
    fileCount: 1,
    documentCount: 1,
    secretDocumentCount: 0,
    createdAt: '',
    updatedAt: '',
  };
  const inventory: InventoryReport = computeInventory({
    scope: { kind: 'batch', id: 1, label: '' },
    fonds: [{ id: 1, code: 'HU-KP', name: 'Phông Huyện ủy Krông Pắc' }],
    retentionPeriods: [VV],
    files: [],
    unfiled: emptyUnfiled(),
  });

  it('fills the State structure: number, date, place, parties, basis, contents, condition, signatures', () => {
    const m = buildMinutes({ batch, inventory, attachments: ['Mục lục hồ sơ'] });
    const text = minutesText(m).join('\n');
    expect(m.number).toBe('Số 01/BB-BG');
    expect(m.placeAndDate).toBe('Buôn Ma Thuột, ngày 15 tháng 8 năm 2025');
    expect(m.bases).toEqual(['Căn cứ Công văn số 64-CV/TW ngày 10/4/2025 của Ban Bí thư;', 'Căn cứ Công văn số 14514-CV/VPTW.']);
    expect(text).toContain('BÊN GIAO: Huyện ủy Krông Pắc');
    expect(text).toContain('Ông/Bà: Nguyễn Văn A — Chức vụ: Chánh Văn phòng');
    expect(text).toContain('BÊN NHẬN: Kho lưu trữ Tỉnh ủy Đắk Lắk');
    expect(text).toContain('Phông Huyện ủy Krông Pắc (mã phông HU-KP)');
    expect(text).toContain('- Quy ra mét giá: 1,5 mét giá.');
    expect(text).toContain('Tài liệu còn tốt');
    expect(text).toContain(`Mã kiểm tra SHA-256 của gói (tệp tagmanifest-sha256.txt): ${'c'.repeat(64)}`);
    expect(m.signatures.map((s) => s.role)).toEqual(['ĐẠI DIỆN BÊN GIAO', 'ĐẠI DIỆN BÊN NHẬN']);
  });

  it('leaves what the batch does not say as dots, never a guess', () => {
    const m = buildMinutes({ batch: { ...batch, handoverDate: null, place: null, shelfMetres: null }, inventory, attachments: [] });
    expect(m.placeAndDate).toBe('…………, ngày … tháng … năm …');
    expect(m.parties[1].representative).toMatch(/^…+$/);
    expect(minutesText(m).join('\n')).toContain('số tờ: chưa thống kê');
  });

  it('dates and spans read the Vietnamese way', () => {
    expect(viLongDate('2025-07-01')).toBe('ngày 01 tháng 7 năm 2025');
    expect(dateRange('2020-01-01', '2020-01-01')).toBe('01/01/2020');
    expect(dateRange(null, '2020-01-01')).toBe('… – 01/01/2020');
  });
});

describe('batch steps', () => {
  const facts: BatchFacts = {
    status: 'draft',
    direction: 'outgoing',
    fileCount: 2,
    problemCount: 0,
    filesWithoutBox: 0,
    unconfirmedSecrets: 0,
    secretDocuments: 0,
    secretsVisible: true,
    hasRecipient: true,
    hasPackage: false,
    changedSincePacked: 0,
    handoverDate: null,
    senderRepresentative: null,
    senderPosition: null,
    receiverRepresentative: null,
    receiverPosition: null,
  };
  const codes = (target: Parameters<typeof blockersFor>[0], f: Partial<BatchFacts>) => blockersFor(target, { ...facts, ...f }).map((b) => b.code);

  it('lists only a draft with files, no problems, confirmed secrets and a recipient', () => {
    expect(codes('listed', {})).toEqual([]);
    expect(codes('listed', { fileCount: 0, problemCount: 2, unconfirmedSecrets: 1, hasRecipient: false })).toEqual(['empty', 'file_problems', 'secrets_unconfirmed', 'no_recipient']);
    expect(codes('listed', { status: 'packed' })).toEqual(['wrong_step']);
  });

  it('packs only boxed files, and never secrets the caller cannot see', () => {
    expect(codes('packed', { status: 'listed' })).toEqual([]);
    expect(codes('packed', { status: 'listed', filesWithoutBox: 3, secretDocuments: 1, secretsVisible: false })).toEqual(['no_box', 'secrets_hidden']);
  });

  it('hands over a packed, unchanged batch with its date and both representatives', () => {
    const ready = { status: 'packed' as const, hasPackage: true, handoverDate: '2025-08-15', senderRepresentative: 'A', senderPosition: 'B', receiverRepresentative: 'C', receiverPosition: 'D' };
    expect(codes('handed_over', ready)).toEqual([]);
    expect(codes('handed_over', { ...ready, changedSincePacked: 1, receiverPosition: ' ' })).toEqual(['changed_since_packed', 'no_receiver']);
    expect(codes('handed_over', { ...ready, direction: 'incoming' })).toEqual(['incoming']);
  });
});
