/** Drops the error of every field whose value the user has just changed. */
export function withoutChangedErrors<T extends object>(errors: Record<string, string>, before: T, after: T): Record<string, string> {
  let next = errors;
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (before[key] !== after[key] && key in next) {
      if (next === errors) next = { ...errors };
      delete next[key];
    }
  }
  return next;
}
