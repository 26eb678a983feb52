/**
 * Records of the handover area (bàn giao): inventories and their statistics, handover
 * batches, and the reports of packaging, verifying and receiving a BagIt package.
 */
import type { ErrorMessage } from '../errors';
import type { ArchiveFile, CompletionStatus, HandoverStatus, RetentionClass, SecurityLevel } from '../types';

/** Where a batch stands. `receiving` only on the receiving side, while a package is being imported. */
export type BatchStatus = 'draft' | 'listed' | 'packed' | 'handed_over' | 'receiving' | 'received';
/** Sent from this catalogue, or received into it from a package. */
export type BatchDirection = 'outgoing' | 'incoming';
/** Records go to the successor body (unfinished work) or to the provincial party archive. */
export type RecipientKind = 'successor' | 'provincial_archive' | 'other';

/** Files, documents and sheets counted together in every breakdown of the statistics. */
export interface Tally {
  files: number;
  documents: number;
  sheets: number;
}

export interface RetentionTally extends Tally {
  /** Retention code (`VV`, `70`, …) or null for files with no period set. */
  code: string | null;
  retentionClass: RetentionClass | null;
  labelVi: string;
  labelEn: string;
}

export interface BoxTally extends Tally {
  /** Hộp số; null for files not yet boxed. */
  box: string | null;
}

/** A missing piece of required data that blocks listing a file for handover. */
export type FileProblemKind = 'no_retention' | 'no_title' | 'no_dates' | 'no_box';

export interface FileProblem {
  fileId: number;
  fondsCode: string;
  code: string;
  title: string;
  problems: FileProblemKind[];
}

/** Statistics of one fonds, one organization's fonds, or one batch (the "Thống kê" form). */
export interface InventoryReport {
  scope: { kind: 'fonds' | 'organization' | 'batch'; id: number; label: string };
  fonds: Array<{ id: number; code: string; name: string }>;
  totals: Tally & { pages: number; boxes: number; unfiledDocuments: number; documentsNeedingReview: number; filesWithoutSheetCount: number };
  byRetentionClass: Record<RetentionClass | 'none', Tally>;
  byRetention: RetentionTally[];
  byCompletion: Record<CompletionStatus | 'none', Tally>;
  byHandover: Record<HandoverStatus, Tally>;
  byBox: BoxTally[];
  /** Documents by security level (`none` = not secret). */
  bySecurity: Record<SecurityLevel | 'none', number>;
  dateSpan: { start: string | null; end: string | null };
  /** Files with blocking problems (the first 500; `problemCount` is the full number). */
  problems: FileProblem[];
  problemCount: number;
  /**
   * Documents dated outside their file's dates (a warning, not a blocker: the file's dates or the
   * document's date is likely wrong, and the Biên bản states the files' dates).
   */
  datesOutsideFile?: { count: number; items: DateOutsideFile[] };
  /** What became of the creating bodies in 2025 (dissolved, merged, succeeded), one sentence each. */
  lineage?: string[];
}

export interface DateOutsideFile {
  documentId: number;
  numberSymbol: string | null;
  issueDate: string;
  fileId: number;
  fileCode: string;
  start: string | null;
  end: string | null;
}

/** Who confirmed that a secret document may travel in a batch, when and why. */
export interface SecretConfirmation {
  /** Null when shown to a caller who may not see secret records (the secret-field rule). */
  documentId: number | null;
  numberSymbol: string | null;
  securityLevel: SecurityLevel;
  confirmedBy: string;
  confirmedAt: string;
  reason: string;
}

/** Where the last package of a batch was written and what it contained. */
export interface PackageInfo {
  path: string;
  /** SHA-256 of the bag's tagmanifest-sha256.txt: one digest for the whole bag. */
  digest: string;
  payloadOxum: string;
  builtAt: string;
}

export type VerificationProblemKind =
  | 'not_a_bag'
  | 'bad_tag_file'
  | 'unsafe_path'
  | 'symlink'
  | 'missing'
  | 'changed'
  | 'extra'
  | 'duplicate_entry'
  | 'oxum_mismatch'
  | 'tag_changed'
  | 'bad_catalogue'
  // A zip entry that cannot be unpacked safely: a "zip bomb" (unpacks hundreds of times
  // its packed size) or data that is damaged or unpacks past the size its header declares.
  | 'unreadable_entry'
  // The package is not the one whose digest was recorded at packaging (or printed on the
  // Biên bản): re-hashed consistently after it left, every checksum inside may still agree.
  | 'digest_mismatch';

export interface VerificationProblem {
  kind: VerificationProblemKind;
  /** Path inside the bag (as written in the manifest or found in the package). */
  path: string | null;
  /** Vietnamese explanation. */
  message: string;
  /** The explanation as a code and parameters, for the interface's language. */
  text?: ErrorMessage;
  expected?: string;
  actual?: string;
}

/** An original in the package whose bytes the receiving catalogue already holds. */
export interface HeldDuplicate {
  path: string;
  sha256: string;
  documentId: number;
}

/** The result of checking a BagIt package (folder or zip). */
export interface VerificationReport {
  source: string;
  sourceKind: 'folder' | 'zip';
  valid: boolean;
  checkedAt: string;
  bagInfo: Array<[string, string]>;
  batchUuid: string | null;
  batchCode: string | null;
  /** SHA-256 of tagmanifest-sha256.txt (the digest recorded on the batch when it was packed). */
  digest: string | null;
  /** What the package's catalogue says it holds (null when it carries no readable catalogue). */
  contents: { fondsCodes: string[]; files: number; documents: number; attachments: number; from: string | null; to: string | null } | null;
  payloadFiles: number;
  payloadBytes: number;
  counts: { missing: number; changed: number; extra: number; unsafe: number; other: number };
  /** Problems found (the first 1,000; `problemCount` is the full number). */
  problems: VerificationProblem[];
  problemCount: number;
  /** Originals the receiving catalogue already holds (filled when checked against a catalogue). */
  alreadyHeld: HeldDuplicate[];
  /** Originals the receiving catalogue holds as secret records, counted, not listed, for a caller who may not see them. */
  alreadyHeldSecret?: number;
  /** Set when this catalogue already received the batch (receiving again is refused). */
  alreadyReceivedBatchId: number | null;
  /**
   * The digest the package was compared with, when one was known: recorded on this catalogue's
   * batch when it packed it (`batch`) or given from the Biên bản (`given`).
   */
  expectedDigest?: { digest: string; source: 'batch' | 'given'; matches: boolean } | null;
}

export interface ReceiptRecord {
  receivedAt: string;
  receivedBy: string;
  /** How the receipt reached this batch: from the receiver's receipt file, or confirmed by hand. */
  source: 'receipt_file' | 'manual';
  note: string | null;
  digest: string | null;
}

export interface HandoverBatch {
  id: number;
  /** Identity across catalogues (bag-info `KhoLuu-Batch-Id`). */
  uuid: string;
  /** Số biên bản / đợt, e.g. `01/BB-BG`. */
  code: string;
  direction: BatchDirection;
  status: BatchStatus;
  fromOrganizationId: number;
  fromOrganizationName: string;
  toOrganizationId: number | null;
  toOrganizationName: string | null;
  recipientKind: RecipientKind;
  legalBasis: string | null;
  handoverDate: string | null;
  place: string | null;
  senderRepresentative: string | null;
  senderPosition: string | null;
  receiverRepresentative: string | null;
  receiverPosition: string | null;
  /** Tình trạng tài liệu giao nộp. */
  condition: string | null;
  shelfMetres: number | null;
  notes: string | null;
  listedAt: string | null;
  packedAt: string | null;
  handedOverAt: string | null;
  receivedAt: string | null;
  package: PackageInfo | null;
  verification: VerificationReport | null;
  receipt: ReceiptRecord | null;
  fileCount: number;
  documentCount: number;
  secretDocumentCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Why the batch cannot take its next step yet: a short code, and its message for the catalogue to word. */
export interface BatchBlocker {
  code: string;
  message: ErrorMessage;
}

export interface BatchDetail extends HandoverBatch {
  files: ArchiveFile[];
  secretConfirmations: SecretConfirmation[];
  /** Secret documents in the batch's files not yet confirmed. */
  unconfirmedSecrets: Array<{ documentId: number | null; fileId: number | null; numberSymbol: string | null; securityLevel: SecurityLevel }>;
  inventory: InventoryReport;
  /** What stops the next step; empty when it may be taken. */
  blockers: BatchBlocker[];
  /** Files or documents changed after the batch was listed or packed. */
  changedSince: { listed: number; packed: number };
}

/** A file that may go into a batch: not yet in any batch. */
export interface CandidateFile extends ArchiveFile {
  secretDocuments: Array<{ documentId: number | null; numberSymbol: string | null; securityLevel: SecurityLevel }>;
}

/** `inventory`: the whole inventory in one file (XLSX: file list, document list and statistics sheets). */
export type ExportForm = 'fileList' | 'documentList' | 'minutes' | 'boxLabels' | 'statistics' | 'catalogue' | 'inventory';
export type ExportFormat = 'xlsx' | 'docx' | 'pdf' | 'csv' | 'json';

export interface ExportResult {
  /** Where the file was saved; null when it was only returned (a download from an encrypted catalogue). */
  path: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  /** The bytes, when the caller asked to download them (browser host). */
  contentBase64: string | null;
}

export interface PackageResult {
  path: string;
  digest: string;
  payloadOxum: string;
  files: number;
  bytes: number;
  /** The head of the catalogue's audit log when the package was made (also in its bag-info and on the Biên bản): a witness of the log. */
  auditHead?: { lastId: number; hash: string; at: string } | null;
}

export interface ReceiveResult {
  batchId: number;
  fondsCodes: string[];
  files: number;
  documents: number;
  attachments: number;
  /** Originals whose bytes the catalogue already held: catalogued, not stored twice. */
  duplicates: HeldDuplicate[];
  receiptPath: string | null;
}

/** What a handover job ends with (`handover.jobResult`). */
export type HandoverJobResult =
  | { kind: 'package'; package: PackageResult }
  | { kind: 'verify'; report: VerificationReport }
  | { kind: 'receive'; report: VerificationReport; result: ReceiveResult | null };
