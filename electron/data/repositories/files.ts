import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AccessRegime, ArchiveFile, CompletionStatus, HandoverStatus } from '../../../shared/contract/types';
import { toRetentionPeriod } from './codes';
import { updateById } from './sql';

interface FileRow {
  id: number;
  fonds_id: number;
  file_list_id: number | null;
  code: string;
  title: string;
  start_date: string | null;
  end_date: string | null;
  retention_code: string | null;
  retention_class: 'permanent' | 'fixed' | null;
  years: number | null;
  label_vi: string | null;
  label_en: string | null;
  completion: CompletionStatus | null;
  box: string | null;
  sheet_count: number | null;
  page_count: number | null;
  access_regime: AccessRegime | null;
  language: string | null;
  keywords: string | null;
  physical_condition: string | null;
  notes: string | null;
  handover_status: HandoverStatus;
  document_count: number;
  created_at: string;
  updated_at: string;
}

export interface FileFields {
  fondsId: number;
  fileListId?: number | null;
  code: string;
  title: string;
  startDate?: string | null;
  endDate?: string | null;
  retentionCode?: string | null;
  completion?: CompletionStatus | null;
  box?: string | null;
  sheetCount?: number | null;
  pageCount?: number | null;
  accessRegime?: AccessRegime | null;
  language?: string | null;
  keywords?: string | null;
  physicalCondition?: string | null;
  notes?: string | null;
  handoverStatus?: HandoverStatus;
}

const COLUMNS: Record<string, string> = {
  fileListId: 'file_list_id',
  code: 'code',
  title: 'title',
  startDate: 'start_date',
  endDate: 'end_date',
  retentionCode: 'retention_code',
  completion: 'completion',
  box: 'box',
  sheetCount: 'sheet_count',
  pageCount: 'page_count',
  accessRegime: 'access_regime',
  language: 'language',
  keywords: 'keywords',
  physicalCondition: 'physical_condition',
  notes: 'notes',
  handoverStatus: 'handover_status',
};

const SELECT = `
  SELECT f.*, r.retention_class, r.years, r.label_vi, r.label_en,
    (SELECT COUNT(*) FROM documents d WHERE d.file_id = f.id AND d.removed_at IS NULL) AS document_count
  FROM files f LEFT JOIN retention_periods r ON r.code = f.retention_code`;

function toFile(r: FileRow): ArchiveFile {
  return {
    id: r.id,
    fondsId: r.fonds_id,
    fileListId: r.file_list_id,
    code: r.code,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    retentionCode: r.retention_code,
    retention:
      r.retention_code && r.retention_class
        ? toRetentionPeriod({ code: r.retention_code, retention_class: r.retention_class, years: r.years, label_vi: r.label_vi!, label_en: r.label_en! })
        : null,
    completion: r.completion,
    box: r.box,
    sheetCount: r.sheet_count,
    pageCount: r.page_count,
    accessRegime: r.access_regime,
    language: r.language,
    keywords: r.keywords,
    physicalCondition: r.physical_condition,
    notes: r.notes,
    handoverStatus: r.handover_status,
    documentCount: r.document_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

// File codes are often plain numbers: `2` sorts before `10`.
const byCode = new Intl.Collator('vi', { numeric: true });

/** Hồ sơ. */
export class FileRepository {
  constructor(private readonly db: Database) {}

  insert(fields: FileFields, now: string): number {
    const result = this.db
      .prepare(
        `INSERT INTO files (fonds_id, file_list_id, code, title, start_date, end_date, retention_code, completion, box,
           sheet_count, page_count, access_regime, language, keywords, physical_condition, notes, handover_status, created_at, updated_at)
         VALUES (@fondsId, @fileListId, @code, @title, @startDate, @endDate, @retentionCode, @completion, @box,
           @sheetCount, @pageCount, @accessRegime, @language, @keywords, @physicalCondition, @notes, @handoverStatus, @now, @now)`,
      )
      .run({
        fondsId: fields.fondsId,
        fileListId: fields.fileListId ?? null,
        code: fields.code,
        title: fields.title,
        startDate: fields.startDate ?? null,
        endDate: fields.endDate ?? null,
        retentionCode: fields.retentionCode ?? null,
        completion: fields.completion ?? null,
        box: fields.box ?? null,
        sheetCount: fields.sheetCount ?? null,
        pageCount: fields.pageCount ?? null,
        accessRegime: fields.accessRegime ?? null,
        language: fields.language ?? null,
        keywords: fields.keywords ?? null,
        physicalCondition: fields.physicalCondition ?? null,
        notes: fields.notes ?? null,
        handoverStatus: fields.handoverStatus ?? 'not_started',
        now,
      });
    return Number(result.lastInsertRowid);
  }

  update(id: number, patch: Partial<Omit<FileFields, 'fondsId'>>, now: string): void {
    updateById(this.db, 'files', COLUMNS, id, patch, now);
  }

  get(id: number): ArchiveFile | undefined {
    const row = this.db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FileRow | undefined;
    return row ? toFile(row) : undefined;
  }

  findByCode(fondsId: number, code: string): ArchiveFile | undefined {
    const row = this.db.prepare(`${SELECT} WHERE f.fonds_id = ? AND f.code = ?`).get(fondsId, code) as FileRow | undefined;
    return row ? toFile(row) : undefined;
  }

  /** Files in use (removed ones are kept but not listed: safety). */
  listByFonds(fondsId: number, fileListId?: number | null): ArchiveFile[] {
    const rows =
      fileListId == null
        ? (this.db.prepare(`${SELECT} WHERE f.fonds_id = ? AND f.removed_at IS NULL`).all(fondsId) as FileRow[])
        : (this.db.prepare(`${SELECT} WHERE f.fonds_id = ? AND f.file_list_id = ? AND f.removed_at IS NULL`).all(fondsId, fileListId) as FileRow[]);
    return rows.map(toFile).sort((a, b) => byCode.compare(a.code, b.code));
  }
}
