import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Builds `UPDATE <table> SET a = @a, b = @b, updated_at = @updated_at WHERE id = @id` for the keys
 * present in `patch`, mapping camelCase fields to columns through `columns` (anything not in the
 * map is refused, so a patch can never touch an unlisted column).
 */
export function updateById(
  db: Database,
  table: string,
  columns: Record<string, string>,
  id: number,
  patch: Record<string, unknown>,
  updatedAt: string,
): void {
  const sets: string[] = [];
  const params: Record<string, unknown> = { id, updated_at: updatedAt };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const column = columns[field];
    if (!column) throw new Error(`Field ${field} is not updatable on ${table}`);
    sets.push(`${column} = @${column}`);
    params[column] = value;
  }
  if (sets.length === 0) return;
  sets.push('updated_at = @updated_at');
  db.prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = @id`).run(params);
}

export function parseJsonArray(text: string | null): string[] {
  if (!text) return [];
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function parseJson<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
