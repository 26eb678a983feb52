import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Organization, OrganizationLevel, OrganizationLink } from '../../../shared/contract/types';
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

  list(): Organization[] {
    const rows = this.db.prepare('SELECT * FROM organizations ORDER BY name').all() as OrganizationRow[];
    return rows.map((r) => this.toOrganization(r));
  }

  addSuccession(predecessorId: number, successorId: number, effectiveDate: string | null, basis: string | null): void {
    this.db
      .prepare(
        `INSERT INTO organization_successions (predecessor_id, successor_id, effective_date, basis) VALUES (?, ?, ?, ?)
         ON CONFLICT (predecessor_id, successor_id) DO UPDATE SET effective_date = excluded.effective_date, basis = excluded.basis`,
      )
      .run(predecessorId, successorId, effectiveDate, basis);
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
    const rows = this.db.prepare(sql).all(id) as Array<{ id: number; name: string; effective_date: string | null; basis: string | null }>;
    return rows.map((r) => ({ organizationId: r.id, name: r.name, effectiveDate: r.effective_date, basis: r.basis }));
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
        `SELECT o.id, o.name, s.effective_date, s.basis FROM organization_successions s
         JOIN organizations o ON o.id = s.successor_id WHERE s.predecessor_id = ? ORDER BY o.name`,
        row.id,
      ),
      predecessors: this.links(
        `SELECT o.id, o.name, s.effective_date, s.basis FROM organization_successions s
         JOIN organizations o ON o.id = s.predecessor_id WHERE s.successor_id = ? ORDER BY o.name`,
        row.id,
      ),
    };
  }
}
