import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditAction } from '../../../shared/contract/auditActions';
import type { EntityType } from '../../../shared/contract/entities';
import type { AuditEntry } from '../../../shared/contract/types';
import { canonicalJson } from '../../../shared/domain/canonicalJson';
import { parseJson } from './sql';
import { type DigestedEntity, isDigested, recordDigestsOf } from '../recordDigests';

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: number | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
  /** The digest of the record the row is about, as the change left it (documents and originals; absent on rows of older builds). */
  record_digest?: string | null;
}

export interface AuditInput {
  at: string;
  actor: string;
  action: AuditAction;
  entityType: EntityType;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
  /**
   * The record's digest as the change left it, when the writer computed it from what it wrote (an
   * insert); otherwise it is read from the record.
   */
  recordDigest?: string;
}

/** The chain starts from this value, so the first row is chained too. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * hash(row) = SHA-256 over the previous row's hash and this row's canonical content, the record's
 * digest included when the row has one (rows without, as older builds wrote them, hash as before).
 */
export function auditRowHash(
  prevHash: string,
  row: { at: string; actor: string; action: string; entityType: string; entityId: number | null; before: string | null; after: string | null; recordDigest?: string | null },
): string {
  const content = [row.at, row.actor, row.action, row.entityType, row.entityId, row.before, row.after];
  if (row.recordDigest) content.push(row.recordDigest);
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: parseJson(r.before_json),
    after: parseJson(r.after_json),
    hash: r.hash,
  };
}

/** Nhật ký: append-only (the database refuses UPDATE and DELETE on it), hash-chained. */
export class AuditRepository {
  private appended = false;

  constructor(private readonly db: Database) {}

  /** Whether rows were appended since the last call (the catalogue then rewrites its witness). */
  takeAppended(): boolean {
    const was = this.appended;
    this.appended = false;
    return was;
  }

  append(input: AuditInput): number {
    return this.appendMany([input])[0]!;
  }

  /**
   * Appends many rows in order, chained as {@link append} would one by one, reading the chain's
   * head once (a bulk action writes one row per record: thousands).
   */
  appendMany(inputs: readonly AuditInput[]): number[] {
    if (inputs.length === 0) return [];
    const ids: number[] = [];
    const last = this.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
    let prevHash = last?.hash ?? GENESIS_HASH;
    // Bound by position: named parameters are looked up on the object one by one, for every row.
    const insert = this.db.prepare(
      `INSERT INTO audit_log (at, actor, action, entity_type, entity_id, before_json, after_json, prev_hash, hash, record_digest)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Each record as the change left it (the rows are written after the changes, in their
    // transaction), read for all rows at once.
    const wanted = new Map<DigestedEntity, number[]>();
    for (const input of inputs) {
      if (input.entityId === null || input.recordDigest !== undefined || !isDigested(input.entityType)) continue;
      const list = wanted.get(input.entityType);
      if (list) list.push(input.entityId);
      else wanted.set(input.entityType, [input.entityId]);
    }
    const digests = new Map([...wanted].map(([entity, ids]) => [entity, recordDigestsOf(this.db, entity, [...new Set(ids)])]));
    for (const input of inputs) {
      const before = input.before === undefined ? null : canonicalJson(input.before);
      const after = input.after === undefined ? null : canonicalJson(input.after);
      // The digest the writer computed from what it wrote (an insert), else the record as read.
      const recordDigest =
        input.entityId !== null && isDigested(input.entityType) ? (input.recordDigest ?? digests.get(input.entityType)?.get(input.entityId) ?? null) : null;
      const row = { at: input.at, actor: input.actor, action: input.action, entityType: input.entityType, entityId: input.entityId, before, after, recordDigest };
      const hash = auditRowHash(prevHash, row);
      ids.push(Number(insert.run(row.at, row.actor, row.action, row.entityType, row.entityId, before, after, prevHash, hash, recordDigest).lastInsertRowid));
      prevHash = hash;
    }
    this.appended = true;
    return ids;
  }

  /** Newest first. `documentId` gives the document's rows and those of the file it is in. */
  list(q: { entityType?: string; entityId?: number; documentId?: number; limit: number }): AuditEntry[] {
    if (q.documentId !== undefined) {
      const rows = this.db
        .prepare(
          `SELECT * FROM audit_log
           WHERE (entity_type = 'document' AND entity_id = @doc)
              OR (entity_type = 'file' AND entity_id = (SELECT file_id FROM documents WHERE id = @doc))
              OR (entity_type = 'attachment' AND entity_id IN (SELECT id FROM attachments WHERE document_id = @doc))
           ORDER BY id DESC LIMIT @limit`,
        )
        .all({ doc: q.documentId, limit: q.limit }) as AuditRow[];
      return rows.map(toEntry);
    }
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: q.limit };
    if (q.entityType !== undefined) {
      where.push('entity_type = @entityType');
      params.entityType = q.entityType;
    }
    if (q.entityId !== undefined) {
      where.push('entity_id = @entityId');
      params.entityId = q.entityId;
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    return (this.db.prepare(`SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT @limit`).all(params) as AuditRow[]).map(toEntry);
  }

  /** The head of the chain now: the last row's id and hash (0 and null when empty). */
  head(): { lastId: number; hash: string | null } {
    const row = this.db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
    return { lastId: row?.id ?? 0, hash: row?.hash ?? null };
  }

  /** The newest row of an action about one record, as stored (e.g. a batch's last packing). */
  latest(action: string, entityType: string, entityId: number): AuditEntry | null {
    const row = this.db
      .prepare('SELECT * FROM audit_log WHERE action = ? AND entity_type = ? AND entity_id = ? ORDER BY id DESC LIMIT 1')
      .get(action, entityType, entityId) as AuditRow | undefined;
    return row ? toEntry(row) : null;
  }

  /** Every row of one action, oldest first (e.g. the restores the log records). */
  ofAction(action: string): AuditEntry[] {
    return (this.db.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY id').all(action) as AuditRow[]).map(toEntry);
  }

  /** The stored hash of row `id`, or null when there is no such row. */
  hashOf(id: number): string | null {
    const row = this.db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(id) as { hash: string } | undefined;
    return row?.hash ?? null;
  }

  /** Walks the chain from the start; returns the first row whose link or hash does not hold. */
  verify(): { ok: boolean; checked: number; firstBrokenId: number | null } {
    let prev = GENESIS_HASH;
    let checked = 0;
    for (const r of this.db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
      const expected = auditRowHash(prev, {
        at: r.at,
        actor: r.actor,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before_json,
        after: r.after_json,
        recordDigest: r.record_digest ?? null,
      });
      if (r.prev_hash !== prev || r.hash !== expected) return { ok: false, checked, firstBrokenId: r.id };
      prev = r.hash;
      checked++;
    }
    return { ok: true, checked, firstBrokenId: null };
  }
}
