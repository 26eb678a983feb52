import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SecurityLevel } from '../../../shared/contract/types';
import type {
  BatchDirection,
  BatchStatus,
  HandoverBatch,
  ReceiptRecord,
  RecipientKind,
  SecretConfirmation,
  VerificationReport,
} from '../../../shared/contract/types/handover';
import { parseJson, updateById } from './sql';

interface BatchRow {
  id: number;
  uuid: string;
  code: string;
  direction: BatchDirection;
  status: BatchStatus;
  from_organization_id: number;
  from_name: string;
  to_organization_id: number | null;
  to_name: string | null;
  recipient_kind: RecipientKind;
  legal_basis: string | null;
  handover_date: string | null;
  place: string | null;
  sender_representative: string | null;
  sender_position: string | null;
  receiver_representative: string | null;
  receiver_position: string | null;
  condition: string | null;
  shelf_metres: number | null;
  notes: string | null;
  listed_at: string | null;
  packed_at: string | null;
  handed_over_at: string | null;
  received_at: string | null;
  package_path: string | null;
  package_digest: string | null;
  package_oxum: string | null;
  package_fingerprint: string | null;
  verification_json: string | null;
  receipt_json: string | null;
  file_count: number;
  document_count: number;
  secret_count: number;
  created_at: string;
  updated_at: string;
}

/** What a batch's particulars may be set to (the parties, basis, date, place, condition). */
export interface BatchParticulars {
  code?: string;
  toOrganizationId?: number | null;
  recipientKind?: RecipientKind;
  legalBasis?: string | null;
  handoverDate?: string | null;
  place?: string | null;
  senderRepresentative?: string | null;
  senderPosition?: string | null;
  receiverRepresentative?: string | null;
  receiverPosition?: string | null;
  condition?: string | null;
  shelfMetres?: number | null;
  notes?: string | null;
}

export interface BatchFields extends BatchParticulars {
  uuid: string;
  code: string;
  direction: BatchDirection;
  status: BatchStatus;
  fromOrganizationId: number;
}

/** Progress columns set by the service as the batch moves on. */
export interface BatchProgress {
  status?: BatchStatus;
  listedAt?: string | null;
  packedAt?: string | null;
  handedOverAt?: string | null;
  receivedAt?: string | null;
  packagePath?: string | null;
  packageDigest?: string | null;
  packageOxum?: string | null;
  packageFingerprint?: string | null;
  verificationJson?: string | null;
  receiptJson?: string | null;
}

const COLUMNS: Record<string, string> = {
  code: 'code',
  toOrganizationId: 'to_organization_id',
  recipientKind: 'recipient_kind',
  legalBasis: 'legal_basis',
  handoverDate: 'handover_date',
  place: 'place',
  senderRepresentative: 'sender_representative',
  senderPosition: 'sender_position',
  receiverRepresentative: 'receiver_representative',
  receiverPosition: 'receiver_position',
  condition: 'condition',
  shelfMetres: 'shelf_metres',
  notes: 'notes',
  status: 'status',
  listedAt: 'listed_at',
  packedAt: 'packed_at',
  handedOverAt: 'handed_over_at',
  receivedAt: 'received_at',
  packagePath: 'package_path',
  packageDigest: 'package_digest',
  packageOxum: 'package_oxum',
  packageFingerprint: 'package_fingerprint',
  verificationJson: 'verification_json',
  receiptJson: 'receipt_json',
};

/**
 * Counts of a batch's files and documents: those listed for an outgoing batch, those it brought
 * for an incoming one. Joined through the batch's own rows (not `IN (subquery)` per document), so
 * a batch of 10,000 documents is counted from the index, not by scanning every document.
 */
const COUNT_FILES = `(SELECT COUNT(*) FROM handover_batch_files WHERE batch_id = b.id)
  + (SELECT COUNT(*) FROM handover_received_items WHERE batch_id = b.id AND entity_type = 'file' AND outcome = 'created')`;
const countDocuments = (extra: string) => `(SELECT COUNT(*) FROM handover_batch_files bf JOIN documents d ON d.file_id = bf.file_id
    WHERE bf.batch_id = b.id AND d.removed_at IS NULL ${extra})
  + (SELECT COUNT(*) FROM handover_received_items ri JOIN documents d ON d.file_id = ri.entity_id
    WHERE ri.batch_id = b.id AND ri.entity_type = 'file' AND ri.outcome = 'created' AND d.removed_at IS NULL ${extra})`;

const SELECT = `
  SELECT b.*, fo.name AS from_name, t.name AS to_name,
    ${COUNT_FILES} AS file_count,
    ${countDocuments('')} AS document_count,
    ${countDocuments('AND d.security_level IS NOT NULL')} AS secret_count
  FROM handover_batches b
  JOIN organizations fo ON fo.id = b.from_organization_id
  LEFT JOIN organizations t ON t.id = b.to_organization_id`;

function toBatch(r: BatchRow): HandoverBatch {
  return {
    id: r.id,
    uuid: r.uuid,
    code: r.code,
    direction: r.direction,
    status: r.status,
    fromOrganizationId: r.from_organization_id,
    fromOrganizationName: r.from_name,
    toOrganizationId: r.to_organization_id,
    toOrganizationName: r.to_name,
    recipientKind: r.recipient_kind,
    legalBasis: r.legal_basis,
    handoverDate: r.handover_date,
    place: r.place,
    senderRepresentative: r.sender_representative,
    senderPosition: r.sender_position,
    receiverRepresentative: r.receiver_representative,
    receiverPosition: r.receiver_position,
    condition: r.condition,
    shelfMetres: r.shelf_metres,
    notes: r.notes,
    listedAt: r.listed_at,
    packedAt: r.packed_at,
    handedOverAt: r.handed_over_at,
    receivedAt: r.received_at,
    package:
      r.package_path && r.package_digest && r.package_oxum && r.packed_at
        ? { path: r.package_path, digest: r.package_digest, payloadOxum: r.package_oxum, builtAt: r.packed_at }
        : null,
    verification: parseJson<VerificationReport>(r.verification_json),
    receipt: parseJson<ReceiptRecord>(r.receipt_json),
    fileCount: r.file_count,
    documentCount: r.document_count,
    secretDocumentCount: r.secret_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Đợt bàn giao: the batches, the files each carries, and the confirmations for secret documents. */
export class HandoverBatchRepository {
  constructor(private readonly db: Database) {}

  insert(f: BatchFields, now: string): number {
    const result = this.db
      .prepare(
        `INSERT INTO handover_batches (uuid, code, direction, status, from_organization_id, to_organization_id, recipient_kind,
           legal_basis, handover_date, place, sender_representative, sender_position, receiver_representative, receiver_position,
           condition, shelf_metres, notes, created_at, updated_at)
         VALUES (@uuid, @code, @direction, @status, @fromOrganizationId, @toOrganizationId, @recipientKind,
           @legalBasis, @handoverDate, @place, @senderRepresentative, @senderPosition, @receiverRepresentative, @receiverPosition,
           @condition, @shelfMetres, @notes, @now, @now)`,
      )
      .run({
        uuid: f.uuid,
        code: f.code,
        direction: f.direction,
        status: f.status,
        fromOrganizationId: f.fromOrganizationId,
        toOrganizationId: f.toOrganizationId ?? null,
        recipientKind: f.recipientKind ?? 'successor',
        legalBasis: f.legalBasis ?? null,
        handoverDate: f.handoverDate ?? null,
        place: f.place ?? null,
        senderRepresentative: f.senderRepresentative ?? null,
        senderPosition: f.senderPosition ?? null,
        receiverRepresentative: f.receiverRepresentative ?? null,
        receiverPosition: f.receiverPosition ?? null,
        condition: f.condition ?? null,
        shelfMetres: f.shelfMetres ?? null,
        notes: f.notes ?? null,
        now,
      });
    return Number(result.lastInsertRowid);
  }

  update(id: number, patch: BatchParticulars & BatchProgress, now: string): void {
    updateById(this.db, 'handover_batches', COLUMNS, id, patch as Record<string, unknown>, now);
  }

  get(id: number): HandoverBatch | undefined {
    const row = this.db.prepare(`${SELECT} WHERE b.id = ?`).get(id) as BatchRow | undefined;
    return row ? toBatch(row) : undefined;
  }

  getByUuid(uuid: string): HandoverBatch | undefined {
    const row = this.db.prepare(`${SELECT} WHERE b.uuid = ?`).get(uuid) as BatchRow | undefined;
    return row ? toBatch(row) : undefined;
  }

  findOutgoingByCode(code: string): HandoverBatch | undefined {
    const row = this.db.prepare(`${SELECT} WHERE b.code = ? AND b.direction = 'outgoing'`).get(code) as BatchRow | undefined;
    return row ? toBatch(row) : undefined;
  }

  /** Batches in use (a removed draft is kept, with who, when and why, but not listed). */
  list(): HandoverBatch[] {
    return (this.db.prepare(`${SELECT} WHERE b.removed_at IS NULL ORDER BY b.created_at DESC, b.id DESC`).all() as BatchRow[]).map(toBatch);
  }

  /** Marks a draft removed and lets its files go (they may join another batch). */
  markRemoved(id: number, mark: { at: string; by: string; reason: string }): number[] {
    const fileIds = this.fileIds(id);
    this.db.prepare('DELETE FROM handover_batch_files WHERE batch_id = ?').run(id);
    this.db.prepare('UPDATE handover_batches SET removed_at = ?, removed_by = ?, removal_reason = ? WHERE id = ?').run(mark.at, mark.by, mark.reason, id);
    return fileIds;
  }

  fingerprint(id: number): string | null {
    const row = this.db.prepare('SELECT package_fingerprint FROM handover_batches WHERE id = ?').get(id) as { package_fingerprint: string | null } | undefined;
    return row?.package_fingerprint ?? null;
  }

  // ---- files of an outgoing batch ----

  addFile(batchId: number, fileId: number, now: string): void {
    this.db.prepare('INSERT INTO handover_batch_files (batch_id, file_id, added_at) VALUES (?, ?, ?)').run(batchId, fileId, now);
  }

  removeFile(batchId: number, fileId: number): void {
    this.db.prepare('DELETE FROM handover_batch_files WHERE batch_id = ? AND file_id = ?').run(batchId, fileId);
  }

  /** Ids of the files a batch carries (outgoing) or brought (incoming), in file-code order. */
  fileIds(batchId: number): number[] {
    const rows = this.db
      .prepare(
        `SELECT f.id FROM files f WHERE f.id IN (
           SELECT file_id FROM handover_batch_files WHERE batch_id = @b
           UNION ALL SELECT entity_id FROM handover_received_items WHERE batch_id = @b AND entity_type = 'file' AND outcome = 'created')`,
      )
      .all({ b: batchId }) as Array<{ id: number }>;
    return rows.map((r) => r.id);
  }

  /** The outgoing batch a file is in, if any. */
  batchOfFile(fileId: number): number | null {
    const row = this.db.prepare('SELECT batch_id FROM handover_batch_files WHERE file_id = ?').get(fileId) as { batch_id: number } | undefined;
    return row?.batch_id ?? null;
  }

  /** Of the given files, those already in some outgoing batch. */
  filesInAnyBatch(fileIds: number[]): Array<{ fileId: number; batchId: number }> {
    const rows = this.db
      .prepare('SELECT file_id, batch_id FROM handover_batch_files WHERE file_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(fileIds)) as Array<{ file_id: number; batch_id: number }>;
    return rows.map((r) => ({ fileId: r.file_id, batchId: r.batch_id }));
  }

  /** Ids of a fonds' files that are in no outgoing batch. */
  fileIdsNotInBatch(fondsId: number): number[] {
    const rows = this.db
      .prepare('SELECT id FROM files WHERE fonds_id = ? AND removed_at IS NULL AND id NOT IN (SELECT file_id FROM handover_batch_files)')
      .all(fondsId) as Array<{ id: number }>;
    return rows.map((r) => r.id);
  }

  /** The handover status of each of the given files that is not removed, by id. */
  handoverStatuses(fileIds: number[]): Array<{ id: number; handoverStatus: string }> {
    return this.db
      .prepare('SELECT id, handover_status AS handoverStatus FROM files WHERE id IN (SELECT value FROM json_each(?)) AND removed_at IS NULL ORDER BY id')
      .all(JSON.stringify(fileIds)) as Array<{ id: number; handoverStatus: string }>;
  }

  /** Moves every file of the batch to a handover status (the batch's step). */
  setFilesStatus(batchId: number, status: string, now: string): number {
    return this.db
      .prepare(
        `UPDATE files SET handover_status = ?, updated_at = ? WHERE id IN (
           SELECT file_id FROM handover_batch_files WHERE batch_id = ?) AND handover_status <> ?`,
      )
      .run(status, now, batchId, status).changes;
  }

  // ---- secret documents ----

  /** Secret documents inside the given files. */
  secretDocumentsOfFiles(fileIds: number[]): Array<{ documentId: number; fileId: number; numberSymbol: string | null; securityLevel: SecurityLevel }> {
    const rows = this.db
      .prepare(
        `SELECT id, file_id, number_symbol, security_level FROM documents
         WHERE security_level IS NOT NULL AND removed_at IS NULL AND file_id IN (SELECT value FROM json_each(?)) ORDER BY file_id, order_in_file, id`,
      )
      .all(JSON.stringify(fileIds)) as Array<{ id: number; file_id: number; number_symbol: string | null; security_level: SecurityLevel }>;
    return rows.map((r) => ({ documentId: r.id, fileId: r.file_id, numberSymbol: r.number_symbol, securityLevel: r.security_level }));
  }

  confirmSecret(batchId: number, documentId: number, securityLevel: SecurityLevel, by: string, at: string, reason: string): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO handover_secret_confirmations (batch_id, document_id, security_level, confirmed_by, confirmed_at, reason)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(batchId, documentId, securityLevel, by, at, reason);
    return result.changes > 0;
  }

  secretConfirmations(batchId: number): SecretConfirmation[] {
    const rows = this.db
      .prepare(
        `SELECT c.document_id, d.number_symbol, c.security_level, c.confirmed_by, c.confirmed_at, c.reason
         FROM handover_secret_confirmations c JOIN documents d ON d.id = c.document_id
         WHERE c.batch_id = ? ORDER BY c.id`,
      )
      .all(batchId) as Array<{ document_id: number; number_symbol: string | null; security_level: SecurityLevel; confirmed_by: string; confirmed_at: string; reason: string }>;
    return rows.map((r) => ({
      documentId: r.document_id,
      numberSymbol: r.number_symbol,
      securityLevel: r.security_level,
      confirmedBy: r.confirmed_by,
      confirmedAt: r.confirmed_at,
      reason: r.reason,
    }));
  }

  // ---- received items (the receipt record) ----

  addReceivedItem(batchId: number, itemKey: string, entityType: string, entityId: number, outcome: 'created' | 'matched' | 'duplicate'): void {
    this.db
      .prepare('INSERT INTO handover_received_items (batch_id, item_key, entity_type, entity_id, outcome) VALUES (?, ?, ?, ?, ?)')
      .run(batchId, itemKey, entityType, entityId, outcome);
  }

  /** What each package key became here, for resuming an interrupted receipt. */
  receivedItems(batchId: number): Map<string, { entityType: string; entityId: number; outcome: string }> {
    const rows = this.db
      .prepare('SELECT item_key, entity_type, entity_id, outcome FROM handover_received_items WHERE batch_id = ?')
      .all(batchId) as Array<{ item_key: string; entity_type: string; entity_id: number; outcome: string }>;
    return new Map(rows.map((r) => [r.item_key, { entityType: r.entity_type, entityId: r.entity_id, outcome: r.outcome }]));
  }
}
