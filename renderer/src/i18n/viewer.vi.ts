/**
 * Vietnamese messages of the viewer area: the original beside its record, the review mode, intake
 * by dropping files and folders, keyboard shortcuts, and the field names of the audit history.
 * Spread into vi.ts under the [viewer] marker.
 */
export const viewerVi = {
  // Field names the audit history shows (AuditHistory: audit.field.<entity>.<field>, doc.<field>, field.<field>).
  'field.docType': 'Tên loại',
  'field.reviewFields': 'Trường cần rà soát',
  'field.language': 'Ngôn ngữ',
  'field.reliability': 'Mức độ tin cậy',
  'field.fondsId': 'Phông',
  'field.fileListId': 'Mục lục hồ sơ',
  'field.orderInFile': 'Số thứ tự trong hồ sơ',
  'field.sheetNumber': 'Tờ số',
  'field.history': 'Lịch sử đơn vị hình thành phông',
  'field.level': 'Cấp',
  'field.parentId': 'Đơn vị cấp trên',
  'field.keywords': 'Từ khóa',
  'field.physicalCondition': 'Tình trạng vật lý',
  'field.number': 'Số',
  'field.year': 'Năm',
  'field.removedAt': 'Thời điểm gỡ bỏ',
  'field.removedBy': 'Người gỡ bỏ',
  'field.removalReason': 'Lý do gỡ bỏ',
  'field.fullText': 'Toàn văn',
  'field.confirmed': 'Đã xác nhận',
  'audit.field.organization.name': 'Tên đơn vị',
  'audit.field.organization.code': 'Mã đơn vị',
  'audit.field.fonds.name': 'Tên phông',
  'audit.field.fonds.code': 'Mã phông',
  'audit.field.file.code': 'Số, ký hiệu hồ sơ',
} as const satisfies Record<string, string>;
