import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { DestructionDecision, DestructionItem, DestructionState } from '../../../shared/contract/types/safety';
import { parseJson } from './sql';

interface DecisionRow {
  id: number;
  decision_number: string;
  decision_date: string;
  approved_by: string;
  approver_title: string | null;
  basis: string | null;
  notes: string | null;
  state: DestructionState;
  recorded_at: string;
  recorded_by: string;
  list_exported_at: string | null;
  list_sha256: string | null;
  executed_at: string | null;
  executed_by: string | null;
  originals_moved_at: string | null;
  quarantine_path: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

export interface DecisionFields {
  decisionNumber: string;
  decisionDate: string;
  approvedBy: string;
  approverTitle: string | null;
  basis: string | null;
  notes: string | null;
  recordedAt: string;
  recordedBy: string;
}

/** A file that might be destroyed: fixed-term, with an end date, in use, not already in a decision. */
export interface CandidateRow {
  fileId: number;
  fondsId: number;
  fondsCode: string;
  code: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  retentionLabel: string | null;
  retentionClass: 'permanent' | 'fixed' | null;
  years: number | null;
  documentCount: number;
  originalCount: number;
}

/** An original to move to quarantine once a decision is executed. */
export interface DecisionOriginal {
  attachmentId: number;
  documentId: number;
  fileName: string;
  storedPath: string;
  sha256: string;
  size: number;
  movedOutTo: string | null;
}

const FILE_FACTS = `
  SELECT f.id AS fileId, f.fonds_id AS fondsId, fo.code AS fondsCode, f.code, f.title, f.start_date AS startDate, f.end_date AS endDate,
    r.label_vi AS retentionLabel, r.retention_class AS retentionClass, r.years,
    (SELECT COUNT(*) FROM documents d WHERE d.file_id = f.id) AS documentCount,
    (SELECT COUNT(*) FROM attachments a JOIN documents d ON d.id = a.document_id WHERE d.file_id = f.id) AS originalCount
  FROM files f JOIN fonds fo ON fo.id = f.fonds_id LEFT JOIN retention_periods r ON r.code = f.retention_code`;

/** Quyết định tiêu hủy and the files each lists. Rows are never deleted (the database refuses it). */
export class DestructionRepository {
  constructor(private readonly db: Database) {}

  insert(f: DecisionFields, items: Array<{ fileId: number; snapshot: DestructionItem }>): number {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO destruction_decisions (decision_number, decision_date, approved_by, approver_title, basis, notes, recorded_at, recorded_by)
           VALUES (@decisionNumber, @decisionDate, @approvedBy, @approverTitle, @basis, @notes, @recordedAt, @recordedBy)`,
        )
        .run(f).lastInsertRowid,
    );
    const add = this.db.prepare('INSERT INTO destruction_items (decision_id, file_id, snapshot_json) VALUES (?, ?, ?)');
    for (const item of items) add.run(id, item.fileId, JSON.stringify(item.snapshot));
    return id;
  }

  get(id: number): DestructionDecision | undefined {
    const row = this.db.prepare('SELECT * FROM destruction_decisions WHERE id = ?').get(id) as DecisionRow | undefined;
    return row ? this.toDecision(row) : undefined;
  }

  findByNumber(decisionNumber: string, decisionDate: string): DestructionDecision | undefined {
    const row = this.db.prepare('SELECT * FROM destruction_decisions WHERE decision_number = ? AND decision_date = ?').get(decisionNumber, decisionDate) as
      | DecisionRow
      | undefined;
    return row ? this.toDecision(row) : undefined;
  }

  list(): DestructionDecision[] {
    return (this.db.prepare('SELECT * FROM destruction_decisions ORDER BY decision_date DESC, id DESC').all() as DecisionRow[]).map((r) => this.toDecision(r));
  }

  private toDecision(r: DecisionRow): DestructionDecision {
    const items = (this.db.prepare('SELECT snapshot_json FROM destruction_items WHERE decision_id = ? ORDER BY rowid').all(r.id) as Array<{ snapshot_json: string }>)
      .map((i) => parseJson<DestructionItem>(i.snapshot_json))
      .filter((i): i is DestructionItem => i !== null);
    return {
      id: r.id,
      decisionNumber: r.decision_number,
      decisionDate: r.decision_date,
      approvedBy: r.approved_by,
      approverTitle: r.approver_title,
      basis: r.basis,
      notes: r.notes,
      state: r.state,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
      listExportedAt: r.list_exported_at,
      listSha256: r.list_sha256,
      executedAt: r.executed_at,
      executedBy: r.executed_by,
      originalsMovedAt: r.originals_moved_at,
      quarantinePath: r.quarantine_path,
      cancelledAt: r.cancelled_at,
      cancelReason: r.cancel_reason,
      items,
    };
  }

  fileIds(decisionId: number): number[] {
    return (this.db.prepare('SELECT file_id FROM destruction_items WHERE decision_id = ? ORDER BY rowid').all(decisionId) as Array<{ file_id: number }>).map((r) => r.file_id);
  }

  markListExported(id: number, at: string, sha256: string): void {
    this.db.prepare("UPDATE destruction_decisions SET state = 'list_exported', list_exported_at = ?, list_sha256 = ? WHERE id = ? AND state IN ('approved', 'list_exported')").run(at, sha256, id);
  }

  markExecuted(id: number, at: string, by: string): void {
    this.db.prepare("UPDATE destruction_decisions SET state = 'executed', executed_at = ?, executed_by = ? WHERE id = ? AND state = 'list_exported'").run(at, by, id);
  }

  markCancelled(id: number, at: string, reason: string): void {
    this.db.prepare("UPDATE destruction_decisions SET state = 'cancelled', cancelled_at = ?, cancel_reason = ? WHERE id = ? AND state IN ('approved', 'list_exported')").run(at, reason, id);
  }

  markOriginalsMoved(id: number, at: string, quarantinePath: string): void {
    this.db.prepare('UPDATE destruction_decisions SET originals_moved_at = ?, quarantine_path = ? WHERE id = ?').run(at, quarantinePath, id);
  }

  /** The decision (not cancelled) that already lists this file, if any. */
  openDecisionOfFile(fileId: number): { id: number; decisionNumber: string } | undefined {
    return this.db
      .prepare(
        `SELECT d.id, d.decision_number AS decisionNumber FROM destruction_items i JOIN destruction_decisions d ON d.id = i.decision_id
         WHERE i.file_id = ? AND d.state <> 'cancelled' LIMIT 1`,
      )
      .get(fileId) as { id: number; decisionNumber: string } | undefined;
  }

  /** Facts about one file, for a decision's list. */
  fileFacts(fileId: number): CandidateRow | undefined {
    return this.db.prepare(`${FILE_FACTS} WHERE f.id = ?`).get(fileId) as CandidateRow | undefined;
  }

  /** Fixed-term files in use with an end date, not in a live decision; the service decides which have expired. */
  fixedTermFiles(): CandidateRow[] {
    return this.db
      .prepare(
        `${FILE_FACTS}
         WHERE f.removed_at IS NULL AND r.retention_class = 'fixed' AND f.end_date IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM destruction_items i JOIN destruction_decisions d ON d.id = i.decision_id
                           WHERE i.file_id = f.id AND d.state <> 'cancelled')
         ORDER BY fo.code, f.end_date, f.id`,
      )
      .all() as CandidateRow[];
  }

  /** Marks every document of the listed files with the decision (the removal marks are set by the caller). */
  tagDocumentsOfFile(fileId: number, decisionId: number): void {
    this.db.prepare('UPDATE documents SET destruction_decision_id = ? WHERE file_id = ?').run(decisionId, fileId);
  }

  /** Originals of the documents of a decision's files. */
  originals(decisionId: number): DecisionOriginal[] {
    return this.db
      .prepare(
        `SELECT a.id AS attachmentId, a.document_id AS documentId, a.file_name AS fileName, a.stored_path AS storedPath, a.sha256, a.size,
           a.moved_out_to AS movedOutTo
         FROM attachments a JOIN documents d ON d.id = a.document_id
         WHERE d.file_id IN (SELECT file_id FROM destruction_items WHERE decision_id = ?)
         ORDER BY a.id`,
      )
      .all(decisionId) as DecisionOriginal[];
  }

  /**
   * The quarantine folder of a decision moved elsewhere as a whole (by the user's choice): the
   * decision and each of its moved originals name the new place.
   */
  relocateQuarantine(decisionId: number, from: string, to: string): void {
    this.db.prepare('UPDATE destruction_decisions SET quarantine_path = ? WHERE id = ?').run(to, decisionId);
    const moved = this.db.prepare('UPDATE attachments SET moved_out_to = ? WHERE id = ?');
    for (const o of this.originals(decisionId)) {
      if (o.movedOutTo !== null && (o.movedOutTo === from || o.movedOutTo.startsWith(`${from}/`) || o.movedOutTo.startsWith(`${from}\\`))) {
        moved.run(to + o.movedOutTo.slice(from.length), o.attachmentId);
      }
    }
  }

  markOriginalMoved(attachmentId: number, at: string, to: string): void {
    this.db.prepare('UPDATE attachments SET moved_out_at = ?, moved_out_to = ? WHERE id = ? AND moved_out_at IS NULL').run(at, to, attachmentId);
  }
}
