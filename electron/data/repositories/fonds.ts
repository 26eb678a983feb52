import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AccessRegime, Fonds, FondsStatus } from '../../../shared/contract/types';
import { updateById } from './sql';

interface FondsRow {
  id: number;
  code: string;
  name: string;
  organization_id: number;
  organization_name: string;
  status: FondsStatus;
  history: string | null;
  access_regime: AccessRegime | null;
  language: string | null;
  notes: string | null;
  file_count: number;
  document_count: number;
  created_at: string;
  updated_at: string;
}

export interface FondsFields {
  code: string;
  name: string;
  organizationId: number;
  status: FondsStatus;
  history?: string | null;
  accessRegime?: AccessRegime | null;
  language?: string | null;
  notes?: string | null;
}

const COLUMNS: Record<string, string> = {
  code: 'code',
  name: 'name',
  organizationId: 'organization_id',
  status: 'status',
  history: 'history',
  accessRegime: 'access_regime',
  language: 'language',
  notes: 'notes',
};

const SELECT = `
  SELECT f.*, o.name AS organization_name,
    (SELECT COUNT(*) FROM files WHERE fonds_id = f.id AND removed_at IS NULL) AS file_count,
    (SELECT COUNT(*) FROM documents WHERE fonds_id = f.id AND removed_at IS NULL) AS document_count
  FROM fonds f JOIN organizations o ON o.id = f.organization_id`;

function toFonds(r: FondsRow): Fonds {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    status: r.status,
    history: r.history,
    accessRegime: r.access_regime,
    language: r.language,
    notes: r.notes,
    fileCount: r.file_count,
    documentCount: r.document_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Phông lưu trữ. */
export class FondsRepository {
  constructor(private readonly db: Database) {}

  insert(fields: FondsFields, now: string): number {
    const result = this.db
      .prepare(
        `INSERT INTO fonds (code, name, organization_id, status, history, access_regime, language, notes, created_at, updated_at)
         VALUES (@code, @name, @organizationId, @status, @history, @accessRegime, @language, @notes, @now, @now)`,
      )
      .run({
        code: fields.code,
        name: fields.name,
        organizationId: fields.organizationId,
        status: fields.status,
        history: fields.history ?? null,
        accessRegime: fields.accessRegime ?? null,
        language: fields.language ?? null,
        notes: fields.notes ?? null,
        now,
      });
    return Number(result.lastInsertRowid);
  }

  update(id: number, patch: Partial<FondsFields>, now: string): void {
    updateById(this.db, 'fonds', COLUMNS, id, patch, now);
  }

  get(id: number): Fonds | undefined {
    const row = this.db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FondsRow | undefined;
    return row ? toFonds(row) : undefined;
  }

  getByCode(code: string): Fonds | undefined {
    const row = this.db.prepare(`${SELECT} WHERE f.code = ?`).get(code) as FondsRow | undefined;
    return row ? toFonds(row) : undefined;
  }

  /** Fonds codes by id, without the per-fonds counts (cheap enough for every search). */
  codesById(): Map<number, string> {
    const rows = this.db.prepare('SELECT id, code FROM fonds').all() as Array<{ id: number; code: string }>;
    return new Map(rows.map((r) => [r.id, r.code]));
  }

  list(): Fonds[] {
    return (this.db.prepare(`${SELECT} ORDER BY f.code`).all() as FondsRow[]).map(toFonds);
  }
}
