/** Turns an audit row's before/after snapshots into the list of fields that changed. */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields that change with every edit and tell the reader nothing. */
const IGNORED = new Set(['updatedAt', 'createdAt', 'id', 'hash', 'documentCount', 'retention']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Changed fields, in the order of the `after` snapshot. A row with no `before` is a creation: the
 * fields set then are listed with an empty before.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const out: FieldChange[] = [];
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    if (!same(b[key], a[key])) out.push({ field: key, before: b[key] ?? null, after: a[key] ?? null });
  }
  return out;
}
