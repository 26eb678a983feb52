import { ApiError } from '@shared/contract/errors';

/** The Vietnamese message of an ApiError, or a readable text for anything else. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * The server's per-field messages keyed by form field: `patch.endDate` → `endDate`,
 * `target.fondsId` → `fondsId`. Returns null when the error names no field.
 */
export function fieldErrors(err: unknown): Record<string, string> | null {
  if (!(err instanceof ApiError) || !err.fields) return null;
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(err.fields)) {
    const key = path.replace(/^(patch|target)\./, '');
    out[key] ??= message;
  }
  return Object.keys(out).length > 0 ? out : null;
}
