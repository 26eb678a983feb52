/**
 * What a bulk action will do, decided record by record before anything is written: the changes
 * (each record's fields before and after), what is already as asked, and what is refused with a
 * code and parameters. Planning reads; writing (`apply.ts`) happens in one transaction after.
 */
import type { BulkVerb } from '../../../shared/contract/auditActions';
import type { BulkEntity, BulkRefusal, RefusalCode } from '../../../shared/contract/types/bulk';
import type { FileFields } from '../../data/repositories/files';

export type ChangeKind = 'fields' | 'remove' | 'create' | 'batch';

/** The id a planned move uses for a file the action is about to create in a fonds (one per fonds). */
export function newFilePlaceholder(fondsId: number): number {
  return -fondsId;
}

export interface PlannedChange {
  entity: BulkEntity;
  /** The record; a {@link newFilePlaceholder} for a file to create. */
  id: number;
  kind: ChangeKind;
  /** The audit verb (`bulk.<entity>.<verb>`). */
  verb: BulkVerb;
  /** Only the fields that change (camelCase, as the repositories take them). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** `updated_at` when planned: a record changed since is refused (`changed_meanwhile`). */
  stamp: string | null;
  label: string | null;
  /** Review confirmations to record (confirmReview). */
  confirmations?: Array<{ field: string; value: unknown }>;
  /** If this record changed while planning, the whole action is refused rather than this record. */
  critical?: boolean;
  /** Secret documents confirmed for the batch (addToBatch). */
  secrets?: Array<{ documentId: number; securityLevel: string }>;
}

/** How many refusals are listed one by one; the rest are counted by code. */
export const MAX_REFUSALS_LISTED = 500;

export class Plan {
  readonly changes: PlannedChange[] = [];
  readonly refusals: BulkRefusal[] = [];
  readonly refusedByCode: Partial<Record<RefusalCode, number>> = {};
  refusedCount = 0;
  unchanged = 0;
  /** Files to create before the changes are written (move into new files), by placeholder id. */
  readonly createFiles = new Map<number, FileFields>();
  /** Reason written on removals. */
  reason: string | null = null;
  /** Batch that `batch` changes put files into. */
  batchId: number | null = null;

  refuse(entityType: BulkEntity, id: number, label: string | null, code: RefusalCode, params?: Record<string, string | number | null>): void {
    this.refusedCount++;
    this.refusedByCode[code] = (this.refusedByCode[code] ?? 0) + 1;
    if (this.refusals.length < MAX_REFUSALS_LISTED) this.refusals.push({ entityType, id, label, code, ...(params ? { params } : {}) });
  }

  add(change: PlannedChange): void {
    this.changes.push(change);
  }

  /** Drops planned changes of records that changed while planning (found when writing). */
  withdraw(keep: (c: PlannedChange) => boolean): void {
    const kept = this.changes.filter(keep);
    this.changes.length = 0;
    this.changes.push(...kept);
  }
}

/** The fields of `after` whose value differs from `current` (JSON equality), as before/after pairs. */
export function diffFields(current: Record<string, unknown>, wanted: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    if (JSON.stringify(current[key] ?? null) === JSON.stringify(value ?? null)) continue;
    before[key] = current[key] ?? null;
    after[key] = value;
  }
  return Object.keys(after).length > 0 ? { before, after } : null;
}
