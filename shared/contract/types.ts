/**
 * The records that cross the boundary between the UI and the services. Plain JSON: dates are ISO
 * strings (`YYYY-MM-DD` for archival dates, full ISO timestamps for audit times).
 */
import type { IncomingStamp, SecurityLevel, Urgency } from '../parser/types';
import type { SnippetSegment } from '../text/snippet';
import type { RemovalInfo } from './types/safety';
import type { SearchFacets } from './types/search';
import type { ErrorMessage } from './errors';
import type { JobPhase } from './jobPhases';

export type { IncomingStamp, SecurityLevel, Urgency, SnippetSegment };

/** Phông mở / phông đóng. */
export type FondsStatus = 'open' | 'closed';
/** Công việc đã kết thúc / chưa kết thúc. */
export type CompletionStatus = 'completed' | 'unfinished';
/** Where a file stands in the handover (bàn giao). */
export type HandoverStatus = 'not_started' | 'listed' | 'packed' | 'handed_over' | 'received';
/** Chế độ sử dụng: Công khai, Có điều kiện, Mật. */
export type AccessRegime = 'public' | 'conditional' | 'secret';
/** Vĩnh viễn / có thời hạn. */
export type RetentionClass = 'permanent' | 'fixed';
/** Cấp của tổ chức đảng. */
export type OrganizationLevel = 'central' | 'province' | 'district' | 'commune' | 'grassroots' | 'agency' | 'other';

export interface RetentionPeriod {
  code: string;
  retentionClass: RetentionClass;
  years: number | null;
  labelVi: string;
  labelEn: string;
}

/**
 * How one body became another in the 2025 restructuring: its work taken over by a successor (kế
 * thừa), merged into another (hợp nhất, sáp nhập — bodies merged together share one successor), or
 * dissolved with its work passed on (giải thể).
 */
export type SuccessionKind = 'succeeded' | 'merged' | 'dissolved';

export interface OrganizationLink {
  organizationId: number;
  name: string;
  effectiveDate: string | null;
  basis: string | null;
  kind: SuccessionKind;
}

/** Đơn vị hình thành phông. */
export interface Organization {
  id: number;
  code: string | null;
  name: string;
  level: OrganizationLevel;
  parentId: number | null;
  startDate: string | null;
  /** The day it ended (2025 restructuring); null while it still works. */
  endDate: string | null;
  notes: string | null;
  successors: OrganizationLink[];
  predecessors: OrganizationLink[];
}

/** Phông lưu trữ. */
export interface Fonds {
  id: number;
  code: string;
  name: string;
  organizationId: number;
  organizationName: string;
  status: FondsStatus;
  history: string | null;
  accessRegime: AccessRegime | null;
  language: string | null;
  notes: string | null;
  fileCount: number;
  documentCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Mục lục hồ sơ. */
export interface FileList {
  id: number;
  fondsId: number;
  number: string;
  year: number | null;
  title: string | null;
  notes: string | null;
}

/** Hồ sơ. Named ArchiveFile so it never shadows the DOM's File. */
export interface ArchiveFile {
  id: number;
  fondsId: number;
  fileListId: number | null;
  code: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  retentionCode: string | null;
  retention: RetentionPeriod | null;
  completion: CompletionStatus | null;
  box: string | null;
  sheetCount: number | null;
  pageCount: number | null;
  accessRegime: AccessRegime | null;
  language: string | null;
  keywords: string | null;
  physicalCondition: string | null;
  notes: string | null;
  handoverStatus: HandoverStatus;
  documentCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Văn bản: one item of a file, with the metadata of domain.md. */
export interface DocumentRecord {
  id: number;
  fondsId: number;
  fileId: number | null;
  orderInFile: number | null;
  sheetNumber: string | null;
  docType: string | null;
  numberSymbol: string | null;
  issueDate: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  place: string | null;
  subject: string | null;
  signerName: string | null;
  signerTitle: string | null;
  signingAuthority: string | null;
  addressees: string[];
  recipients: string[];
  securityLevel: SecurityLevel | null;
  urgency: Urgency | null;
  language: string | null;
  pageCount: number | null;
  reliability: string | null;
  incomingStamp: IncomingStamp | null;
  notes: string | null;
  /** Fields the parser left empty or doubted, waiting for an archivist. */
  reviewFields: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Attachment {
  id: number;
  documentId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface DocumentDetail extends DocumentRecord {
  fullText: string;
  attachments: Attachment[];
  fonds: { id: number; code: string; name: string };
  file: ArchiveFile | null;
  /** Set when the document was removed (kept, with who/when/why; restorable). */
  removal?: RemovalInfo | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
  hash: string;
  /** The row is about a secret document hidden from the caller: `before`/`after` are withheld. */
  redacted?: boolean;
}

export interface SearchHit {
  documentId: number;
  numberSymbol: string | null;
  docType: string | null;
  issueDate: string | null;
  issuer: string | null;
  subject: string | null;
  fondsId: number;
  fondsCode: string;
  fileId: number | null;
  fileTitle: string | null;
  score: number;
  snippet: SnippetSegment[];
  /** Why it matched: its number-symbol, the words together or apart in its number/subject/metadata, in its text, or no words typed. */
  matchedBy?: 'number' | 'metaPhrase' | 'metaAll' | 'phrase' | 'all' | 'browse';
  /** The words typed with diacritics occur in it with exactly those diacritics. */
  exact?: boolean;
  /** Found through a spelling one letter away from a typed word. */
  corrected?: boolean;
  parentIssuer?: string | null;
  signerName?: string | null;
  securityLevel?: SecurityLevel | null;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** False when `total` is an estimate (tens of thousands of hits); `search.facets` counts exactly. */
  totalExact?: boolean;
  sort?: 'relevance' | 'date_desc' | 'date_asc' | 'number';
  /** The document a complete number-symbol names, when exactly one visible document has it. */
  direct?: number | null;
  /** Typed words not found, and the spellings one letter away that were searched instead. */
  corrections?: Array<{ word: string; alternatives: string[] }>;
  /**
   * When the words typed found nothing: the query offered instead — one word changed by one letter,
   * the words then side by side in a document — as the documents spell it, and whether the hits are
   * its hits ("Có phải bạn muốn tìm …").
   */
  didYouMean?: { text: string; searched: boolean } | null;
  /** The folded words the snippets highlight. */
  terms?: string[];
  tookMs?: number;
  facets?: SearchFacets;
}

export interface DocumentListPage {
  total: number;
  items: DocumentRecord[];
  /** Secret documents left out because secrets are hidden from the caller. */
  hiddenSecret?: number;
}

export type ImportOutcome = 'imported' | 'duplicate' | 'failed';

export interface ImportFileResult {
  name: string;
  outcome: ImportOutcome;
  documentId: number | null;
  /** Vietnamese reason for a failure or a duplicate. */
  message: string | null;
  /** The same reason as a code and parameters, for the interface's language (absent where not coded). */
  text?: ErrorMessage | null;
}

export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface JobStatus {
  id: string;
  /** What runs in the background; package, verify and receive give their results through `handover.jobResult`. */
  kind: 'import' | 'package' | 'verify' | 'receive' | 'bulk' | 'encrypt';
  state: JobState;
  total: number;
  processed: number;
  imported: number;
  duplicates: number;
  failed: number;
  /** The most recent results only (bounded); the full list is the run's report. */
  results: ImportFileResult[];
  error: string | null;
  /** Why the job stopped, as a code and parameters (the interface words it); `error` is its Vietnamese. */
  errorMessage?: ErrorMessage | null;
  startedAt: string;
  finishedAt: string | null;
  /** The import run whose report holds every result (`importRuns.items`); null for other kinds. */
  runId: number | null;
  /** True while the files are still being counted (`total` grows until then). */
  counting: boolean;
  /** What the job is doing now, in Vietnamese (e.g. “Đang sao bản gốc”); null if not told. */
  phase?: string | null;
  /** The same as a code, for the interface's language (`JOB_PHASES`). */
  phaseCode?: JobPhase | null;
  /** Bytes done and to do, for jobs that stream large files. */
  bytesProcessed?: number;
  bytesTotal?: number;
  /** Scanned pages read by OCR so far, and known so far (grows as scans are opened); absent when the job reads no scan. */
  pagesDone?: number;
  pagesTotal?: number;
  /**
   * False once stopping would leave the work half done (an encryption past changing the catalogue's
   * key finishes sealing the originals): a cancel is then not taken, and the interface offers none.
   */
  cancellable?: boolean;
}

export interface Counts {
  organizations: number;
  fonds: number;
  files: number;
  documents: number;
  attachments: number;
  documentsNeedingReview: number;
  /** Secret documents left out of `documents` because secrets are hidden from the caller. */
  secretHidden?: number;
}

export type Locale = 'vi' | 'en';

export interface AppInfo {
  version: string;
  host: 'electron' | 'web' | 'cli' | 'test';
  cataloguePath: string;
  originalsPath: string;
  schemaVersion: number;
  actor: string;
  locale: Locale;
  samplesAvailable: boolean;
  /** OCR of scans during imports: on or off, and how many pages are read at once (worker threads). */
  ocr: { enabled: boolean; workers: number };
}

export interface CodeLists {
  retentionPeriods: RetentionPeriod[];
  docTypes: string[];
}
