/**
 * What the document parser reads from a party document's text.
 *
 * The keys of {@link ParsedMetadata} are exactly those of `../shared/seeds/truth.json`, so the
 * command line (`parse --json`) and the truth comparison use one shape. A field the parser could
 * not read is `null` (or `[]`): it never guesses (domain.md).
 */

/** A half-open range of UTF-16 offsets into the text the parser was given. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Dấu "ĐẾN": the incoming-document stamp of the body that received the copy. */
export interface IncomingStamp {
  receiver: string | null;
  number: string | null;
  /** As written on the stamp, e.g. `23/7` (stamps often omit the year). */
  date: string | null;
}

export interface ParsedMetadata {
  /** Số và ký hiệu, e.g. `1485-KL/TU`. */
  numberSymbol: string | null;
  /** Tên loại in capitals as printed, e.g. `KẾT LUẬN`; `CÔNG VĂN` when derived from `CV`. */
  docType: string | null;
  /** Cơ quan ban hành, e.g. `TỈNH ỦY ĐẮK LẮK`. */
  issuer: string | null;
  /** Cơ quan cấp trên (superior body line above the issuer), e.g. `ĐẢNG BỘ TỈNH …`. */
  parentIssuer: string | null;
  /** ISO date `YYYY-MM-DD`. */
  issueDate: string | null;
  /** Địa danh as written (typos kept). */
  place: string | null;
  /** Trích yếu. */
  subject: string | null;
  /** Kính gửi. */
  addressees: string[];
  /** Nơi nhận. */
  recipients: string[];
  /** Thẩm quyền ký, e.g. `T/M BAN THƯỜNG VỤ`. */
  signingAuthority: string | null;
  signerTitle: string | null;
  signerName: string | null;
  incomingStamp: IncomingStamp | null;
  /** Number-symbols of the documents cited in the text, first occurrence order, no duplicates. */
  citations: string[];
}

export type MetadataField = keyof ParsedMetadata;

/** Độ mật. */
export type SecurityLevel = 'mat' | 'toi_mat' | 'tuyet_mat';
/** Độ khẩn. */
export type Urgency = 'khan' | 'thuong_khan' | 'hoa_toc';

/** One reference to another document, e.g. `Kết luận số 44-KL/TU ngày 05/8/2025`. */
export interface Citation {
  /** Normalised number-symbol, e.g. `44-KL/TU`, `178/2024/NĐ-CP`. */
  numberSymbol: string;
  /** `party` (`44-KL/TU`) or `state` (`178/2024/NĐ-CP`). */
  form: 'party' | 'state';
  /** Type word written before it, e.g. `Kết luận`, when present. */
  docType: string | null;
  /** ISO date when the citation gives one. */
  date: string | null;
  span: TextSpan;
}

export interface ParseResult {
  metadata: ParsedMetadata;
  securityLevel: SecurityLevel | null;
  urgency: Urgency | null;
  citationDetails: Citation[];
  /** Where each extracted field was found in the text. */
  spans: Partial<Record<MetadataField, TextSpan[]>>;
  /** Fields that are empty or doubtful and need an archivist's confirmation. */
  review: MetadataField[];
  /** Where the security and urgency marks were found (they are not metadata fields). */
  markSpans?: { securityLevel?: TextSpan; urgency?: TextSpan };
}
