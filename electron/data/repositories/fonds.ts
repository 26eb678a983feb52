import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AccessRegime, Fonds, FondsStatus } from '../../../shared/contract/types';
import type { StructureRemoval } from '../../../shared/contract/types/structure';
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

  /** Fonds in use (a removed one is kept, with who, when and why, but not listed). */
  list(): Fonds[] {
    return (this.db.prepare(`${SELECT} WHERE f.removed_at IS NULL ORDER BY f.code`).all() as FondsRow[]).map(toFonds);
  }

  removed(): Array<Fonds & { removal: StructureRemoval }> {
    const rows = this.db.prepare(`${SELECT} WHERE f.removed_at IS NOT NULL ORDER BY f.removed_at DESC`).all() as Array<FondsRow & RemovalColumns>;
    return rows.map((r) => ({ ...toFonds(r), removal: { at: r.removed_at!, by: r.removed_by ?? '', reason: r.removal_reason ?? '' } }));
  }

  removal(id: number): StructureRemoval | null {
    const r = this.db.prepare('SELECT removed_at, removed_by, removal_reason FROM fonds WHERE id = ?').get(id) as RemovalColumns | undefined;
    return r?.removed_at ? { at: r.removed_at, by: r.removed_by ?? '', reason: r.removal_reason ?? '' } : null;
  }

  /** Marks the fonds removed, or (with null) restores it. */
  setRemoval(id: number, mark: StructureRemoval | null): void {
    this.db.prepare('UPDATE fonds SET removed_at = ?, removed_by = ?, removal_reason = ? WHERE id = ?').run(mark?.at ?? null, mark?.by ?? null, mark?.reason ?? null, id);
  }
}

export type { StructureRemoval };

export interface RemovalColumns {
  removed_at: string | null;
  removed_by: string | null;
  removal_reason: string | null;
}
