/**
 * Records of the safety area: integrity checks, backups and restore, removal and
 * destruction, access to secret records and encryption at rest.
 */
import type { ErrorMessage } from '../errors';

/** Who removed a record, when and why (gỡ bỏ có lý do, khôi phục được). */
export interface RemovalInfo {
  at: string;
  by: string;
  reason: string;
  /** Removed together with this file (hồ sơ); restoring the file brings it back. */
  withFileId: number | null;
  /** Covered by this executed destruction decision: it cannot be restored. */
  destructionDecisionId: number | null;
}

export interface RemovedRecord {
  kind: 'document' | 'file';
  id: number;
  fondsId: number;
  fondsCode: string;
  /** Number-symbol of a document; code of a file. */
  reference: string | null;
  /** Subject of a document; title of a file. */
  title: string | null;
  removal: RemovalInfo;
  /** For a file: its documents removed with it. */
  documentCount: number;
}

export interface RemovedPage {
  total: number;
  items: RemovedRecord[];
  /** Removed secret documents left out because secrets are hidden. */
  hiddenSecret: number;
}

export interface AuditVerification {
  ok: boolean;
  /** Rows whose link and hash were checked and held. */
  checked: number;
  /** The first row whose link or hash does not hold. */
  firstBrokenId: number | null;
  /** That row as stored (it may have been altered), to show where the chain breaks. */
  firstBroken: { id: number; at: string; actor: string; action: string; entityType: string; entityId: number | null } | null;
  total: number;
  /** The chain compared with its witnesses outside the catalogue file (see the README, “What check can and cannot detect”). */
  anchors?: AuditAnchorCheck;
}

/** The audit chain against the copies of its head kept elsewhere: the witness file, backups' manifests, handover packages. */
export interface AuditAnchorCheck {
  /** Witnesses compared with the chain. */
  compared: number;
  /** Witnesses taken before a restore the log records, of rows that restore took back. */
  superseded: number;
  /** Handover packages this catalogue made that are no longer where they were written (moved, on other media). */
  unreachablePackages: number;
  /** The witness file beside the catalogue: since when it exists (a file recreated after being deleted starts again). */
  witness: { since: string | null; lastId: number | null };
  problems: Array<{ source: 'witness' | 'backup' | 'package'; label: string; status: 'truncated' | 'rewritten'; lastId: number; message: string; text?: ErrorMessage }>;
}

/**
 * A document or an original's entry that no audited operation produced: `changed` — it differs from
 * the digest its last audit row holds; `unaudited` — no audit row speaks of it at all. Ids, labels
 * are null for a secret record shown to a caller who may not see it.
 */
export interface RecordProblem {
  entityType: 'document' | 'attachment';
  id: number | null;
  label: string | null;
  problem: 'changed' | 'unaudited';
}

export interface FixityProblem {
  /** Null (with the name, path and hashes emptied) for a secret record shown to a caller who may not see it. */
  attachmentId: number | null;
  documentId: number | null;
  fileName: string;
  storedPath: string;
  expectedSha256: string;
  /**
   * `missing`: no file; `mismatch`: the bytes changed (or, encrypted, no longer open); `unreadable`:
   * it could not be read; `unencrypted`: intact, but lying unencrypted in an encrypted catalogue.
   */
  problem: 'missing' | 'mismatch' | 'unreadable' | 'unencrypted';
  actualSha256: string | null;
}

export interface IntegrityReport {
  ok: boolean;
  checkedAt: string;
  /** `PRAGMA integrity_check`: ['ok'] when sound. */
  integrity: string[];
  /** `PRAGMA foreign_key_check`: rows pointing at nothing. */
  foreignKeys: Array<{ table: string; rowid: number | null; parent: string }>;
  audit: AuditVerification;
  /** Records whose content differs from what their last audited change left (see RecordProblem). */
  records?: {
    checked: number;
    /** Records whose last audit row has no digest (written by an older build): checked from their next change on. */
    notCovered: number;
    /** The first problems found (a few hundred at most)… */
    problems: RecordProblem[];
    /** …and how many more were found past them (absent or 0 when all are listed). */
    unlisted?: number;
  };
  originals: {
    checked: number;
    bytes: number;
    /** Originals moved to a quarantine folder after a destruction decision: not expected here. */
    movedOut: number;
    problems: FixityProblem[];
    /** False when the caller skipped the (slow) fixity check. */
    included: boolean;
  };
}

export type BackupReason =
  | 'manual'
  | 'scheduled'
  | 'pre-migration'
  | 'pre-restore'
  | 'pre-encrypt'
  | 'pre-import'
  | 'pre-receive'
  | 'pre-destruction';

/** What a catalogue holds, for a backup's description and a restore's preview. */
export interface CatalogueSummary {
  schemaVersion: number;
  counts: { fonds: number; files: number; documents: number; removedDocuments: number; attachments: number; auditRows: number };
  lastAudit: { id: number; at: string; actor: string; action: string; hash: string } | null;
}

/** One backup (bản sao lưu): a folder with the catalogue copy, the originals and a manifest. */
export interface BackupInfo {
  id: string;
  createdAt: string;
  reason: BackupReason;
  actor: string;
  note: string | null;
  /** Bytes and SHA-256 of the catalogue copy, as written. */
  catalogueBytes: number;
  catalogueSha256: string;
  encrypted: boolean;
  summary: CatalogueSummary;
  originals: {
    included: boolean;
    count: number;
    bytes: number;
    copied: number;
    linked: number;
    problems: string[];
    /** The same problems as codes with parameters (same order); absent from manifests written before they were coded. */
    problemTexts?: ErrorMessage[];
    /** Originals found damaged in the previous backup when this one was made: copied afresh from the managed folder instead of shared (`backup verify` on that backup names every backup the damage touches). */
    previousDamaged?: string[];
  };
  /** Absolute folder of this backup. */
  path: string;
}

export interface BackupVerification {
  id: string;
  ok: boolean;
  checkedAt: string;
  problems: string[];
  /** The same problems as codes with parameters (same order), for the interface's language. */
  problemTexts?: ErrorMessage[];
  originalsChecked: number;
  /** Damaged originals this backup shares (one hard-linked file) with other backups: each of those is damaged too. */
  sharedDamage?: Array<{ storedPath: string; backups: string[] }>;
}

export interface BackupSettings {
  /** Hours between automatic backups; 0 turns them off. */
  intervalHours: number;
  keepLast: number;
  keepDaily: number;
  keepWeekly: number;
  /** Absolute folder of the backups. */
  dir: string;
  lastBackupAt: string | null;
}

export interface RestoreDifference {
  kind: 'document';
  id: number;
  numberSymbol: string | null;
  subject: string | null;
  /** `lost`: exists now, not in the backup; `back`: in the backup, not now; `changed`: differs. */
  change: 'lost' | 'back' | 'changed';
}

export interface RestorePreview {
  backup: BackupInfo;
  current: CatalogueSummary;
  /** Audit rows recorded after the backup was made: the changes a restore takes back. */
  changesUndone: number;
  differences: RestoreDifference[];
  /** More differences than listed. */
  differencesTotal: number;
  /** Differences about secret records, counted but not listed, for a caller who may not see them. */
  differencesHidden?: number;
  /** Pass back to `backups.restore`: refused if the catalogue changed since this preview. */
  confirmToken: string;
  warnings: string[];
  /** The same warnings as codes with parameters (same order), for the interface's language. */
  warningTexts?: ErrorMessage[];
}

export interface RestoreResult {
  restoredFrom: string;
  /** The backup of the state just before the restore (nothing is lost by restoring). */
  safetyBackupId: string;
  summary: CatalogueSummary;
  originalsRestored: number;
  originalsProblems: string[];
  /** The same problems as codes with parameters (same order), for the interface's language. */
  originalsProblemTexts?: ErrorMessage[];
}

export type DestructionState = 'approved' | 'list_exported' | 'executed' | 'cancelled';

/** What a file was when a destruction decision listed it. */
export interface DestructionItem {
  fileId: number;
  fondsCode: string;
  code: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  retentionLabel: string | null;
  /** When its retention period ran out. */
  expiredOn: string | null;
  documentCount: number;
  originalCount: number;
}

/** Quyết định tiêu hủy tài liệu hết giá trị (Hướng dẫn 29-HD/VPTW): the software records it, it never destroys. */
export interface DestructionDecision {
  id: number;
  decisionNumber: string;
  decisionDate: string;
  approvedBy: string;
  approverTitle: string | null;
  basis: string | null;
  notes: string | null;
  state: DestructionState;
  recordedAt: string;
  recordedBy: string;
  listExportedAt: string | null;
  listSha256: string | null;
  executedAt: string | null;
  executedBy: string | null;
  originalsMovedAt: string | null;
  quarantinePath: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  items: DestructionItem[];
}

export interface DestructionCandidate extends DestructionItem {
  fondsId: number;
}

export interface DestructionListExport {
  fileName: string;
  mediaType: string;
  /** UTF-8 CSV (with BOM, so spreadsheet programs read Vietnamese correctly). */
  content: string;
  sha256: string;
}

export interface QuarantineResult {
  decisionId: number;
  quarantinePath: string;
  moved: number;
  bytes: number;
  problems: string[];
  /** The same problems as codes with parameters (same order), for the interface's language. */
  problemTexts?: ErrorMessage[];
}

export type AccessPurpose = 'view' | 'export';

export interface SecretsStatus {
  /** Secret documents are shown in lists, search and detail now. */
  visible: boolean;
  /** Secret documents may go into exports and packages now. */
  exportable: boolean;
  /** The current unlock, if any. */
  grant: { purpose: AccessPurpose; reason: string; by: string; at: string; until: string } | null;
  /** Secret documents in the catalogue (a number reveals nothing of their content). */
  secretDocuments: number;
}

export interface EncryptionStatus {
  encrypted: boolean;
  cipher: string | null;
}

export interface EncryptionResult {
  encrypted: true;
  backupsRekeyed: number;
  backupProblems: string[];
  safetyBackupId: string;
  /** Originals encrypted now (managed folder and backups; 0 when only the passphrase changed). */
  originalsSealed: number;
  /** Where each export, package or form found readable in the exports folder was moved. */
  exportsMoved: string[];
  /** The exports the caller had removed instead (names in the exports folder). */
  exportsRemoved: string[];
}

export interface LockState {
  locked: boolean;
  cataloguePath: string;
}
