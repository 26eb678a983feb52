import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { RetentionPeriod } from '../../../shared/contract/types';

interface RetentionRow {
  code: string;
  retention_class: 'permanent' | 'fixed';
  years: number | null;
  label_vi: string;
  label_en: string;
}

export function toRetentionPeriod(row: RetentionRow): RetentionPeriod {
  return { code: row.code, retentionClass: row.retention_class, years: row.years, labelVi: row.label_vi, labelEn: row.label_en };
}

/** Code lists kept as data in the catalogue (the retention schedule). */
export class CodeListRepository {
  constructor(private readonly db: Database) {}

  retentionPeriods(): RetentionPeriod[] {
    const rows = this.db.prepare('SELECT * FROM retention_periods ORDER BY sort_order, code').all() as RetentionRow[];
    return rows.map(toRetentionPeriod);
  }

  retentionExists(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM retention_periods WHERE code = ?').get(code) !== undefined;
  }
}
