/**
 * Tên loại văn bản and their abbreviations in the number-symbol: the party's (Quy định 66-QĐ/TW
 * 2017, Hướng dẫn 36-HD/VPTW 2018) and the State's (Nghị định 30/2020/NĐ-CP, Phụ lục III, for
 * administrative documents; the law on legal documents for normative ones). See domain.md.
 *
 * The two tables share most abbreviations but not all: `TT` is THÔNG TRI in a party number
 * (`05-TT/TW`) and THÔNG TƯ in a State one (`05/2025/TT-BNV`). Which table applies is told by the
 * number's shape, never guessed.
 */
export interface DocTypeInfo {
  /** Abbreviation as it appears in a number-symbol, e.g. `KL`. */
  abbr: string;
  /** Type word in capitals as printed on the document, e.g. `KẾT LUẬN`. */
  name: string;
  /** English gloss, for the second locale. */
  en: string;
}

export const PARTY_DOC_TYPES: readonly DocTypeInfo[] = [
  { abbr: 'NQ', name: 'NGHỊ QUYẾT', en: 'Resolution' },
  { abbr: 'QĐ', name: 'QUYẾT ĐỊNH', en: 'Decision' },
  { abbr: 'CT', name: 'CHỈ THỊ', en: 'Directive' },
  { abbr: 'KL', name: 'KẾT LUẬN', en: 'Conclusion' },
  { abbr: 'QC', name: 'QUY CHẾ', en: 'Regulation (statute)' },
  { abbr: 'QĐi', name: 'QUY ĐỊNH', en: 'Regulation' },
  { abbr: 'QyĐ', name: 'QUY ĐỊNH', en: 'Regulation' },
  { abbr: 'TT', name: 'THÔNG TRI', en: 'Circular notice' },
  { abbr: 'HD', name: 'HƯỚNG DẪN', en: 'Guidance' },
  { abbr: 'TB', name: 'THÔNG BÁO', en: 'Notice' },
  { abbr: 'BC', name: 'BÁO CÁO', en: 'Report' },
  { abbr: 'KH', name: 'KẾ HOẠCH', en: 'Plan' },
  { abbr: 'QH', name: 'QUY HOẠCH', en: 'Master plan' },
  { abbr: 'CTr', name: 'CHƯƠNG TRÌNH', en: 'Programme' },
  { abbr: 'ĐA', name: 'ĐỀ ÁN', en: 'Scheme' },
  { abbr: 'PA', name: 'PHƯƠNG ÁN', en: 'Option plan' },
  { abbr: 'DA', name: 'DỰ ÁN', en: 'Project' },
  { abbr: 'TTr', name: 'TỜ TRÌNH', en: 'Submission' },
  { abbr: 'CV', name: 'CÔNG VĂN', en: 'Official letter' },
  { abbr: 'BB', name: 'BIÊN BẢN', en: 'Minutes' },
];

/**
 * State types: Nghị định 30/2020/NĐ-CP, Phụ lục III, mục I (administrative documents), then the
 * normative types of the law on legal documents (`178/2024/NĐ-CP`, `05/2025/TT-BNV`). A State
 * công văn has no type abbreviation: its symbol is the issuer's and the drafting unit's
 * (`187/VTLTNN-VP`), so it is not in this table.
 */
export const STATE_DOC_TYPES: readonly DocTypeInfo[] = [
  { abbr: 'NQ', name: 'NGHỊ QUYẾT', en: 'Resolution' },
  { abbr: 'QĐ', name: 'QUYẾT ĐỊNH', en: 'Decision' },
  { abbr: 'CT', name: 'CHỈ THỊ', en: 'Directive' },
  { abbr: 'QC', name: 'QUY CHẾ', en: 'Regulation (statute)' },
  { abbr: 'QyĐ', name: 'QUY ĐỊNH', en: 'Regulation' },
  { abbr: 'TC', name: 'THÔNG CÁO', en: 'Communiqué' },
  { abbr: 'TB', name: 'THÔNG BÁO', en: 'Notice' },
  { abbr: 'HD', name: 'HƯỚNG DẪN', en: 'Guidance' },
  { abbr: 'CTr', name: 'CHƯƠNG TRÌNH', en: 'Programme' },
  { abbr: 'KH', name: 'KẾ HOẠCH', en: 'Plan' },
  { abbr: 'PA', name: 'PHƯƠNG ÁN', en: 'Option plan' },
  { abbr: 'ĐA', name: 'ĐỀ ÁN', en: 'Scheme' },
  { abbr: 'DA', name: 'DỰ ÁN', en: 'Project' },
  { abbr: 'BC', name: 'BÁO CÁO', en: 'Report' },
  { abbr: 'BB', name: 'BIÊN BẢN', en: 'Minutes' },
  { abbr: 'TTr', name: 'TỜ TRÌNH', en: 'Submission' },
  { abbr: 'HĐ', name: 'HỢP ĐỒNG', en: 'Contract' },
  { abbr: 'CĐ', name: 'CÔNG ĐIỆN', en: 'Official dispatch (telegram)' },
  { abbr: 'BGN', name: 'BẢN GHI NHỚ', en: 'Memorandum' },
  { abbr: 'BTT', name: 'BẢN THỎA THUẬN', en: 'Agreement' },
  { abbr: 'GUQ', name: 'GIẤY ỦY QUYỀN', en: 'Power of attorney' },
  { abbr: 'GM', name: 'GIẤY MỜI', en: 'Invitation' },
  { abbr: 'GGT', name: 'GIẤY GIỚI THIỆU', en: 'Letter of introduction' },
  { abbr: 'GNP', name: 'GIẤY NGHỈ PHÉP', en: 'Leave permit' },
  { abbr: 'PG', name: 'PHIẾU GỬI', en: 'Dispatch slip' },
  { abbr: 'PC', name: 'PHIẾU CHUYỂN', en: 'Transfer slip' },
  { abbr: 'PB', name: 'PHIẾU BÁO', en: 'Notification slip' },
  // Normative documents (văn bản quy phạm pháp luật).
  { abbr: 'NĐ', name: 'NGHỊ ĐỊNH', en: 'Decree' },
  { abbr: 'TT', name: 'THÔNG TƯ', en: 'Circular' },
  { abbr: 'TTLT', name: 'THÔNG TƯ LIÊN TỊCH', en: 'Joint circular' },
  { abbr: 'NQLT', name: 'NGHỊ QUYẾT LIÊN TỊCH', en: 'Joint resolution' },
  { abbr: 'PL', name: 'PHÁP LỆNH', en: 'Ordinance' },
];

/** Which table a number-symbol's abbreviation belongs to: told by the number's shape. */
export type NumberForm = 'party' | 'state';

const key = (abbr: string): string => abbr.normalize('NFC').toUpperCase();
const PARTY_BY_ABBR = new Map(PARTY_DOC_TYPES.map((t) => [key(t.abbr), t]));
const STATE_BY_ABBR = new Map(STATE_DOC_TYPES.map((t) => [key(t.abbr), t]));

/**
 * The type for a number-symbol abbreviation (`KL` → `KẾT LUẬN`), case-insensitive, in the party
 * table (`1485-KL/TU`) or the State one (`05/2025/TT-BNV`).
 */
export function docTypeByAbbr(abbr: string, form: NumberForm = 'party'): DocTypeInfo | undefined {
  return (form === 'state' ? STATE_BY_ABBR : PARTY_BY_ABBR).get(key(abbr));
}

/** Every type the parser knows by its printed name: party types, then the State-only ones. */
export const ALL_DOC_TYPES: readonly DocTypeInfo[] = [
  ...PARTY_DOC_TYPES,
  ...STATE_DOC_TYPES.filter((t) => !PARTY_DOC_TYPES.some((p) => p.name === t.name)),
];

/** Distinct type words, for pick lists. */
export const DOC_TYPE_NAMES: readonly string[] = [...new Set(ALL_DOC_TYPES.map((t) => t.name))];
