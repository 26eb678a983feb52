/**
 * The kinds of records the catalogue keeps, as the audit log names them (`audit.entity_type`) and
 * as errors name what was not found. Their words in both languages live here so that an error's
 * sentence and the audit history name a record alike.
 */
export const ENTITY_NAMES = {
  document: { vi: 'văn bản', en: 'document' },
  file: { vi: 'hồ sơ', en: 'file' },
  fonds: { vi: 'phông', en: 'fonds' },
  file_list: { vi: 'mục lục hồ sơ', en: 'file list' },
  organization: { vi: 'đơn vị', en: 'organization' },
  attachment: { vi: 'tệp gốc', en: 'original' },
  citation: { vi: 'trích dẫn', en: 'citation' },
  handover_batch: { vi: 'đợt bàn giao', en: 'handover batch' },
  import_run: { vi: 'lần nhập', en: 'import run' },
  job: { vi: 'tác vụ', en: 'task' },
  bulk_operation: { vi: 'thao tác hàng loạt', en: 'bulk operation' },
  saved_search: { vi: 'tìm kiếm đã lưu', en: 'saved search' },
  search_history: { vi: 'lịch sử tìm kiếm', en: 'search history' },
  backup: { vi: 'bản sao lưu', en: 'backup' },
  destruction_decision: { vi: 'quyết định tiêu hủy', en: 'destruction decision' },
  setting: { vi: 'cài đặt', en: 'setting' },
  access: { vi: 'quyền xem tài liệu mật', en: 'access to secret documents' },
  catalogue: { vi: 'danh mục', en: 'catalogue' },
} as const satisfies Record<string, { vi: string; en: string }>;

/** A kind of record (Vietnamese and English words in `ENTITY_NAMES`). */
export type EntityType = keyof typeof ENTITY_NAMES;
