import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Organization, OrganizationLevel, OrganizationLink, SuccessionKind } from '../../../shared/contract/types';
import type { RemovalColumns, StructureRemoval } from './fonds';
import { updateById } from './sql';

interface OrganizationRow {
  id: number;
  code: string | null;
  name: string;
  level: OrganizationLevel;
  parent_id: number | null;
  start_date: string | null;
  end_date: string | null;
  notes: string | null;
}

export interface OrganizationFields {
  code?: string | null;
  name: string;
  level: OrganizationLevel;
  parentId?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  notes?: string | null;
}

const COLUMNS: Record<string, string> = {
  code: 'code',
  name: 'name',
  level: 'level',
  parentId: 'parent_id',
  startDate: 'start_date',
  endDate: 'end_date',
  notes: 'notes',
};

/** Tổ chức đảng: the bodies that form fonds, with who succeeded whom in the 2025 mergers. */
export class OrganizationRepository {
  constructor(private readonly db: Database) {}

  insert(fields: OrganizationFields, now: string): number {
    const result = this.db
      .prepare(
        `INSERT INTO organizations (code, name, level, parent_id, start_date, end_date, notes, created_at, updated_at)
         VALUES (@code, @name, @level, @parentId, @startDate, @endDate, @notes, @now, @now)`,
      )
      .run({
        code: fields.code ?? null,
        name: fields.name,
        level: fields.level,
        parentId: fields.parentId ?? null,
        startDate: fields.startDate ?? null,
        endDate: fields.endDate ?? null,
        notes: fields.notes ?? null,
        now,
      });
    return Number(result.lastInsertRowid);
  }

  update(id: number, patch: Partial<OrganizationFields>, now: string): void {
    updateById(this.db, 'organizations', COLUMNS, id, patch, now);
  }

  findByName(name: string): Organization | undefined {
    const row = this.db.prepare('SELECT * FROM organizations WHERE name = ? ORDER BY id LIMIT 1').get(name) as OrganizationRow | undefined;
    return row ? this.toOrganization(row) : undefined;
  }

  get(id: number): Organization | undefined {
    const row = this.db.prepare('SELECT * FROM organizations WHERE id = ?').get(id) as OrganizationRow | undefined;
    return row ? this.toOrganization(row) : undefined;
  }

  /** Organizations in use (a removed one is kept, with who, when and why, but not listed). */
  list(): Organization[] {
    const rows = this.db.prepare('SELECT * FROM organizations WHERE removed_at IS NULL ORDER BY name').all() as OrganizationRow[];
    return rows.map((r) => this.toOrganization(r));
  }

  removed(): Array<Organization & { removal: StructureRemoval }> {
    const rows = this.db.prepare('SELECT * FROM organizations WHERE removed_at IS NOT NULL ORDER BY removed_at DESC').all() as Array<OrganizationRow & RemovalColumns>;
    return rows.map((r) => ({ ...this.toOrganization(r), removal: { at: r.removed_at!, by: r.removed_by ?? '', reason: r.removal_reason ?? '' } }));
  }

  removal(id: number): StructureRemoval | null {
    const r = this.db.prepare('SELECT removed_at, removed_by, removal_reason FROM organizations WHERE id = ?').get(id) as RemovalColumns | undefined;
    return r?.removed_at ? { at: r.removed_at, by: r.removed_by ?? '', reason: r.removal_reason ?? '' } : null;
  }

  /** Marks the organization removed, or (with null) restores it. */
  setRemoval(id: number, mark: StructureRemoval | null): void {
    this.db.prepare('UPDATE organizations SET removed_at = ?, removed_by = ?, removal_reason = ? WHERE id = ?').run(mark?.at ?? null, mark?.by ?? null, mark?.reason ?? null, id);
  }

  /** What still rests on an organization: fonds in use, bodies under it, handover batches not removed. */
  dependants(id: number): { fonds: number; children: number; batches: number } {
    const n = (sql: string) => this.db.prepare(sql).pluck().get({ id }) as number;
    return {
      fonds: n('SELECT COUNT(*) FROM fonds WHERE organization_id = @id AND removed_at IS NULL'),
      children: n('SELECT COUNT(*) FROM organizations WHERE parent_id = @id AND removed_at IS NULL'),
      batches: n('SELECT COUNT(*) FROM handover_batches WHERE (from_organization_id = @id OR to_organization_id = @id) AND removed_at IS NULL'),
    };
  }

  addSuccession(predecessorId: number, successorId: number, effectiveDate: string | null, basis: string | null, kind: SuccessionKind = 'succeeded'): void {
    this.db
      .prepare(
        `INSERT INTO organization_successions (predecessor_id, successor_id, effective_date, basis, kind) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (predecessor_id, successor_id) DO UPDATE SET effective_date = excluded.effective_date, basis = excluded.basis, kind = excluded.kind`,
      )
      .run(predecessorId, successorId, effectiveDate, basis, kind);
  }

  /** The link, if any (to audit it before it goes). */
  succession(predecessorId: number, successorId: number): { effectiveDate: string | null; basis: string | null; kind: SuccessionKind } | undefined {
    const r = this.db.prepare('SELECT effective_date, basis, kind FROM organization_successions WHERE predecessor_id = ? AND successor_id = ?').get(predecessorId, successorId) as
      | { effective_date: string | null; basis: string | null; kind: SuccessionKind }
      | undefined;
    return r ? { effectiveDate: r.effective_date, basis: r.basis, kind: r.kind } : undefined;
  }

  /** A succession is a link between two records, not a record: taking back a wrong one deletes it (audited). */
  removeSuccession(predecessorId: number, successorId: number): void {
    this.db.prepare('DELETE FROM organization_successions WHERE predecessor_id = ? AND successor_id = ?').run(predecessorId, successorId);
  }

  /** True when `candidate` is `id` itself or already one of its successors, transitively. */
  isSuccessorOf(id: number, candidate: number): boolean {
    const row = this.db
      .prepare(
        `WITH RECURSIVE chain(id) AS (
           SELECT ? UNION SELECT s.successor_id FROM organization_successions s JOIN chain c ON s.predecessor_id = c.id)
         SELECT 1 FROM chain WHERE id = ?`,
      )
      .get(id, candidate);
    return row !== undefined;
  }

  private links(sql: string, id: number): OrganizationLink[] {
    const rows = this.db.prepare(sql).all(id) as Array<{ id: number; name: string; effective_date: string | null; basis: string | null; kind: SuccessionKind }>;
    return rows.map((r) => ({ organizationId: r.id, name: r.name, effectiveDate: r.effective_date, basis: r.basis, kind: r.kind }));
  }

  private toOrganization(row: OrganizationRow): Organization {
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      level: row.level,
      parentId: row.parent_id,
      startDate: row.start_date,
      endDate: row.end_date,
      notes: row.notes,
      successors: this.links(
        `SELECT o.id, o.name, s.effective_date, s.basis, s.kind FROM organization_successions s
         JOIN organizations o ON o.id = s.successor_id WHERE s.predecessor_id = ? ORDER BY o.name`,
        row.id,
      ),
      predecessors: this.links(
        `SELECT o.id, o.name, s.effective_date, s.basis, s.kind FROM organization_successions s
         JOIN organizations o ON o.id = s.predecessor_id WHERE s.successor_id = ? ORDER BY o.name`,
        row.id,
      ),
    };
  }
}
