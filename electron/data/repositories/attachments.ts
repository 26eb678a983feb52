import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Attachment } from '../../../shared/contract/types';
import { digestOfWritten } from '../recordDigests';
import { cachedStatement } from '../statementCache';

interface AttachmentRow {
  id: number;
  document_id: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  stored_path: string;
  created_at: string;
}

export interface AttachmentFields {
  documentId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Relative to the catalogue's originals folder. */
  storedPath: string;
}

function toAttachment(r: AttachmentRow): Attachment {
  return { id: r.id, documentId: r.document_id, fileName: r.file_name, mediaType: r.media_type, size: r.size, sha256: r.sha256, createdAt: r.created_at };
}

/** Original files (bản gốc) kept beside the catalogue, identified by SHA-256. */
export class AttachmentRepository {
  constructor(private readonly db: Database) {}

  insert(f: AttachmentFields, now: string): number {
    const result = cachedStatement(
      this.db,
      `INSERT INTO attachments (document_id, file_name, media_type, size, sha256, stored_path, created_at)
       VALUES (@documentId, @fileName, @mediaType, @size, @sha256, @storedPath, @now)`,
    ).run({ documentId: f.documentId, fileName: f.fileName, mediaType: f.mediaType, size: f.size, sha256: f.sha256, storedPath: f.storedPath, now });
    return Number(result.lastInsertRowid);
  }

  /** The record digest (recordDigests.ts) of the row {@link insert} writes for `f`, without reading it back. */
  insertedDigest(f: AttachmentFields): string {
    return digestOfWritten('attachment', {
      document_id: f.documentId,
      file_name: f.fileName,
      media_type: f.mediaType,
      size: f.size,
      sha256: f.sha256,
      stored_path: f.storedPath,
    });
  }

  /**
   * The document holding the original with this SHA-256, if any: the importer's duplicate check,
   * twice per file, on a statement compiled once.
   */
  documentIdBySha256(sha256: string): number | undefined {
    return cachedStatement(this.db, 'SELECT document_id FROM attachments WHERE sha256 = ?').pluck().get(sha256) as number | undefined;
  }

  findBySha256(sha256: string): Attachment | undefined {
    const row = this.db.prepare('SELECT * FROM attachments WHERE sha256 = ?').get(sha256) as AttachmentRow | undefined;
    return row ? toAttachment(row) : undefined;
  }

  listByDocument(documentId: number): Attachment[] {
    return (this.db.prepare('SELECT * FROM attachments WHERE document_id = ? ORDER BY id').all(documentId) as AttachmentRow[]).map(toAttachment);
  }

  /** One original with where it is stored, and where it went if destruction moved it out. */
  get(id: number): (Attachment & { storedPath: string; movedOutTo: string | null }) | undefined {
    const row = this.db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as (AttachmentRow & { moved_out_to?: string | null }) | undefined;
    return row ? { ...toAttachment(row), storedPath: row.stored_path, movedOutTo: row.moved_out_to ?? null } : undefined;
  }

  storedPath(id: number): string | undefined {
    const row = this.db.prepare('SELECT stored_path FROM attachments WHERE id = ?').get(id) as { stored_path: string } | undefined;
    return row?.stored_path;
  }
}
