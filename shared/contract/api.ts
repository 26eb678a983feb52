/**
 * The one contract between the UI and the services. Every operation is listed here with its input
 * schema and its result type; Electron IPC, the browser host and the command line all serve this
 * table, and the renderer's client is typed from it.
 */
import type { z } from 'zod';
import * as s from './schemas';
import type {
  AppInfo,
  ArchiveFile,
  AuditEntry,
  CodeLists,
  Counts,
  DocumentDetail,
  DocumentListPage,
  DocumentRecord,
  FileList,
  Fonds,
  JobStatus,
  Organization,
  SearchResult,
} from './types';
import * as si from './schemas/importing';
import type {
  CitationLink,
  DocumentCitations,
  ExportedFile,
  ImportRun,
  ImportRunItemsPage,
  ImportRunsPage,
  MissingCitationsPage,
  ReviewConfirmResult,
  ReviewConfirmation,
  ReviewPage,
  ReviewSummary,
} from './types/importing';
// Registers and reading details (formats)
import * as sr from './schemas/registers';
import type { DocumentReadingInfo, RegisterImportStarted, RegisterPreview } from './types/registers';
import type { DocumentPages } from './types/ocr';
import * as sq from './schemas/search';
import type { SavedSearch, SearchFacets, SearchHistoryEntry, SearchSuggestion } from './types/search';
import * as sh from './schemas/handover';
import type {
  BatchDetail,
  CandidateFile,
  ExportResult,
  HandoverBatch,
  HandoverJobResult,
  InventoryReport,
} from './types/handover';
import * as ss from './schemas/safety';
import type {
  AuditVerification,
  BackupInfo,
  BackupSettings,
  BackupVerification,
  DestructionCandidate,
  DestructionDecision,
  DestructionListExport,
  EncryptionResult,
  EncryptionStatus,
  IntegrityReport,
  LockState,
  QuarantineResult,
  RemovalInfo,
  RemovedPage,
  RestorePreview,
  RestoreResult,
  SecretsStatus,
} from './types/safety';
import * as sb from './schemas/bulk';
import type { BulkCount, BulkOperationSummary, BulkResult, BulkUndoResult } from './types/bulk';
import * as sst from './schemas/structure';
import type { RemovedStructure } from './types/structure';

// The original beside its record
import * as sv from './schemas/viewer';
import type { OriginalContent, OriginalPreview } from './types/viewer';

interface Operation<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the result type only. */
  output?: O;
  /** True when the call changes the catalogue (audited, refused on a read-only host). */
  mutates: boolean;
}

function query<O>() {
  return <I extends z.ZodType>(input: I): Operation<I, O> => ({ input, mutates: false });
}
function command<O>() {
  return <I extends z.ZodType>(input: I): Operation<I, O> => ({ input, mutates: true });
}

export const operations = {
  'app.info': query<AppInfo>()(s.empty),
  'app.counts': query<Counts>()(s.empty),
  'app.codeLists': query<CodeLists>()(s.empty),
  'settings.update': command<AppInfo>()(s.settingsUpdate),
  'samples.load': command<{ fondsId: number; imported: number; duplicates: number }>()(s.empty),

  'organizations.list': query<Organization[]>()(s.empty),
  'organizations.create': command<Organization>()(s.organizationInput),
  'organizations.update': command<Organization>()(s.organizationUpdate),
  'organizations.addSuccessor': command<Organization>()(s.succession),

  'fonds.list': query<Fonds[]>()(s.empty),
  'fonds.get': query<Fonds>()(s.byId),
  'fonds.create': command<Fonds>()(s.fondsInput),
  'fonds.update': command<Fonds>()(s.fondsUpdate),

  'fileLists.list': query<FileList[]>()(s.fileListQuery.pick({ fondsId: true })),
  'fileLists.create': command<FileList>()(s.fileListInput),

  'files.list': query<ArchiveFile[]>()(s.fileListQuery),
  'files.get': query<ArchiveFile>()(s.byId),
  'files.create': command<ArchiveFile>()(s.fileInput),
  'files.update': command<ArchiveFile>()(s.fileUpdate),

  'documents.list': query<DocumentListPage>()(s.documentListQuery),
  'documents.get': query<DocumentDetail>()(s.byId),
  'documents.update': command<DocumentRecord>()(s.documentUpdate),

  'import.start': command<{ jobId: string }>()(s.importStart),
  'jobs.get': query<JobStatus>()(s.jobRef),
  'jobs.cancel': command<JobStatus>()(s.jobRef),

  'search.query': query<SearchResult>()(s.searchQuery),

  'audit.list': query<AuditEntry[]>()(s.auditQuery),

  // Reading documents, formats, bulk import, review
  'import.resume': command<{ jobId: string; runId: number }>()(si.importResume),
  'importRuns.list': query<ImportRunsPage>()(si.importRunsList),
  'importRuns.get': query<ImportRun>()(si.importRunRef),
  'importRuns.items': query<ImportRunItemsPage>()(si.importRunItems),
  'importRuns.export': query<ExportedFile>()(si.importRunExport),
  'documents.citations': query<DocumentCitations>()(s.byId),
  'citations.missing': query<MissingCitationsPage>()(si.citationsMissing),
  'citations.link': command<CitationLink>()(si.citationLink),
  'review.list': query<ReviewPage>()(si.reviewList),
  'review.summary': query<ReviewSummary>()(si.reviewSummary),
  'review.confirm': command<ReviewConfirmResult>()(si.reviewConfirm),
  'review.history': query<ReviewConfirmation[]>()(si.reviewHistory),
  'registers.preview': query<RegisterPreview>()(sr.registerPreview),
  'registers.import': command<RegisterImportStarted>()(sr.registerImport),
  'documents.readingInfo': query<DocumentReadingInfo>()(s.byId),
  // OCR pages and word boxes
  'documents.pages': query<DocumentPages>()(s.byId),
  // Search
  'search.facets': query<SearchFacets>()(sq.searchFacetsQuery),
  'search.suggest': query<SearchSuggestion[]>()(sq.searchSuggest),
  'search.saved.list': query<SavedSearch[]>()(s.empty),
  'search.saved.save': command<SavedSearch>()(sq.savedSearchSave),
  'search.saved.delete': command<{ deleted: boolean }>()(s.byId),
  'search.history.list': query<SearchHistoryEntry[]>()(sq.searchHistoryList),
  'search.history.record': command<SearchHistoryEntry>()(sq.searchHistoryRecord),
  'search.history.clear': command<{ cleared: number }>()(s.empty),
  // Handover
  'handover.inventory': query<InventoryReport>()(sh.inventoryQuery),
  'handover.batches.list': query<HandoverBatch[]>()(s.empty),
  'handover.batches.get': query<BatchDetail>()(s.byId),
  'handover.batches.create': command<BatchDetail>()(sh.batchCreate),
  'handover.batches.update': command<BatchDetail>()(sh.batchUpdate),
  'handover.batches.candidates': query<CandidateFile[]>()(sh.batchCandidates),
  'handover.batches.addFiles': command<BatchDetail>()(sh.batchFiles),
  'handover.batches.removeFiles': command<BatchDetail>()(sh.batchRemoveFiles),
  'handover.batches.assignBoxes': command<BatchDetail>()(sh.assignBoxes),
  'handover.batches.advance': command<BatchDetail>()(sh.batchAdvance),
  'handover.batches.reopen': command<BatchDetail>()(sh.batchReopen),
  'handover.batches.recordReceipt': command<BatchDetail>()(sh.recordReceipt),
  'handover.export': query<ExportResult>()(sh.exportRequest),
  'handover.package.start': command<{ jobId: string }>()(sh.packageStart),
  'handover.verify.start': query<{ jobId: string }>()(sh.packagePath),
  'handover.receive.start': command<{ jobId: string }>()(sh.packagePath),
  'handover.jobResult': query<{ result: HandoverJobResult | null }>()(s.jobRef),
  // The original beside its record
  'originals.content': query<OriginalContent>()(sv.originalRef),
  'originals.preview': query<OriginalPreview>()(sv.originalPreview),
  'import.upload': command<{ received: number }>()(sv.importUpload),
  // Integrity, backups, access
  'audit.verify': query<AuditVerification>()(s.empty),
  'integrity.check': query<IntegrityReport>()(ss.integrityCheck),
  'backups.list': query<BackupInfo[]>()(s.empty),
  'backups.settings': query<BackupSettings>()(s.empty),
  'backups.configure': command<BackupSettings>()(ss.backupConfigure),
  'backups.create': command<BackupInfo>()(ss.backupCreate),
  'backups.verify': query<BackupVerification>()(ss.backupRef),
  'backups.previewRestore': query<RestorePreview>()(ss.backupPreview),
  'backups.restore': command<RestoreResult>()(ss.backupRestore),
  'documents.remove': command<RemovalInfo>()(ss.removeRecord),
  'documents.restore': command<DocumentRecord>()(ss.restoreRecord),
  'files.remove': command<{ removal: RemovalInfo; documentIds: number[] }>()(ss.removeRecord),
  'files.restore': command<{ documentIds: number[] }>()(ss.restoreRecord),
  'removed.list': query<RemovedPage>()(ss.removedList),
  'destruction.candidates': query<DestructionCandidate[]>()(s.empty),
  'destruction.list': query<DestructionDecision[]>()(s.empty),
  'destruction.get': query<DestructionDecision>()(ss.destructionRef),
  'destruction.record': command<DestructionDecision>()(ss.destructionRecord),
  'destruction.exportList': command<DestructionListExport>()(ss.destructionRef),
  'destruction.confirm': command<DestructionDecision>()(ss.destructionConfirm),
  'destruction.cancel': command<DestructionDecision>()(ss.destructionCancel),
  'destruction.moveOriginals': command<QuarantineResult>()(ss.destructionMoveOriginals),
  'access.status': query<SecretsStatus>()(s.empty),
  'access.unlockSecrets': command<SecretsStatus>()(ss.secretsUnlock),
  'access.lockSecrets': command<SecretsStatus>()(s.empty),
  'catalogue.lockState': query<LockState>()(s.empty),
  'catalogue.unlock': query<LockState>()(ss.catalogueUnlock),
  'catalogue.encryption': query<EncryptionStatus>()(s.empty),
  /** Starts encrypting (or re-keying) the catalogue as a job; refusals (wrong passphrase, readable exports) come at once. */
  'catalogue.setPassphrase': command<{ jobId: string }>()(ss.passphraseChange),
  /** What an encryption job did, once it has ended (null while it runs, or when it failed before the change). */
  'catalogue.passphraseResult': query<{ result: EncryptionResult | null }>()(s.jobRef),
  // Selection and bulk actions, lineage, fonds and organizations
  'bulk.count': query<BulkCount>()(sb.bulkCount),
  'bulk.start': command<{ jobId: string | null; result: BulkResult | null }>()(sb.bulkAction),
  'bulk.jobResult': query<{ result: BulkResult | null }>()(s.jobRef),
  'bulk.undo': command<BulkUndoResult>()(sb.bulkUndo),
  'bulk.operations': query<BulkOperationSummary[]>()(sb.bulkOperations),
  'fonds.remove': command<Fonds>()(sst.structureRemove),
  'fonds.restore': command<Fonds>()(s.byId),
  'organizations.remove': command<Organization>()(sst.structureRemove),
  'organizations.restore': command<Organization>()(s.byId),
  'organizations.removeSuccessor': command<Organization>()(sst.successionRemove),
  'structure.removed': query<RemovedStructure>()(s.empty),
  'handover.batches.remove': command<{ id: number; fileIds: number[] }>()(sst.structureRemove),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller may send (defaults not yet applied). */
export type InputOf<N extends OperationName> = z.input<Operations[N]['input']>;
/** What a service receives (validated, defaults applied). */
export type ParsedInputOf<N extends OperationName> = z.output<Operations[N]['input']>;
export type OutputOf<N extends OperationName> = NonNullable<Operations[N]['output']>;

/** The client side: one async function per operation. */
export type KhoLuuApi = { [N in OperationName]: (input: InputOf<N>) => Promise<OutputOf<N>> };

/** The service side: handlers receive validated input. */
export type ApiHandlers = { [N in OperationName]: (input: ParsedInputOf<N>) => OutputOf<N> | Promise<OutputOf<N>> };
