import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FileList } from '../../../shared/contract/types';

interface FileListRow {
  id: number;
  fonds_id: number;
  number: string;
  year: number | null;
  title: string | null;
  notes: string | null;
}

export interface FileListFields {
  fondsId: number;
  number: string;
  year?: number | null;
  title?: string | null;
  notes?: string | null;
}

function toFileList(r: FileListRow): FileList {
  return { id: r.id, fondsId: r.fonds_id, number: r.number, year: r.year, title: r.title, notes: r.notes };
}

/** Mục lục hồ sơ: numbered lists of files inside a fonds. */
export class FileListRepository {
  constructor(private readonly db: Database) {}

  insert(fields: FileListFields, now: string): number {
    const result = this.db
      .prepare(
        `INSERT INTO file_lists (fonds_id, number, year, title, notes, created_at, updated_at)
         VALUES (@fondsId, @number, @year, @title, @notes, @now, @now)`,
      )
      .run({ fondsId: fields.fondsId, number: fields.number, year: fields.year ?? null, title: fields.title ?? null, notes: fields.notes ?? null, now });
    return Number(result.lastInsertRowid);
  }

  get(id: number): FileList | undefined {
    const row = this.db.prepare('SELECT * FROM file_lists WHERE id = ?').get(id) as FileListRow | undefined;
    return row ? toFileList(row) : undefined;
  }

  listByFonds(fondsId: number): FileList[] {
    return (this.db.prepare('SELECT * FROM file_lists WHERE fonds_id = ? ORDER BY number').all(fondsId) as FileListRow[]).map(toFileList);
  }
}
