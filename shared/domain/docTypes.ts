/**
 * Tên loại văn bản của Đảng and their abbreviations in the number-symbol
 * (Quy định 66-QĐ/TW 2017, Hướng dẫn 36-HD/VPTW 2018; see domain.md).
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

const BY_ABBR = new Map(PARTY_DOC_TYPES.map((t) => [t.abbr.toUpperCase(), t]));

/** The type for a number-symbol abbreviation (`KL` → `KẾT LUẬN`), case-insensitive. */
export function docTypeByAbbr(abbr: string): DocTypeInfo | undefined {
  return BY_ABBR.get(abbr.normalize('NFC').toUpperCase());
}

/** Distinct type words, for pick lists. */
export const DOC_TYPE_NAMES: readonly string[] = [...new Set(PARTY_DOC_TYPES.map((t) => t.name))];
