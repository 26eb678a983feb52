/**
 * Which backups to keep (the others are pruned): the newest `keepLast`, the newest of each of the
 * last `keepDaily` days that have one, the newest of each of the last `keepWeekly` ISO weeks that
 * have one, and always the newest backup of each reason (the copy taken before a migration, a
 * restore or an encryption is the way back from it).
 */
export interface RotationPolicy {
  keepLast: number;
  keepDaily: number;
  keepWeekly: number;
}

export interface RotatedBackup {
  id: string;
  createdAt: string;
  reason: string;
}

/** Monday-based week key of a UTC day: the date of that week's Monday. */
function weekKey(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day);
  return d.toISOString().slice(0, 10);
}

export function backupsToKeep(backups: readonly RotatedBackup[], policy: RotationPolicy): Set<string> {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const keep = new Set<string>();
  newestFirst.slice(0, Math.max(1, policy.keepLast)).forEach((b) => keep.add(b.id));
  const bucket = (key: (b: RotatedBackup) => string, n: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const k = key(b);
      if (seen.has(k)) continue;
      if (seen.size >= n) break;
      seen.add(k);
      keep.add(b.id);
    }
  };
  bucket((b) => b.createdAt.slice(0, 10), policy.keepDaily);
  bucket((b) => weekKey(b.createdAt), policy.keepWeekly);
  const reasons = new Set<string>();
  for (const b of newestFirst) {
    if (reasons.has(b.reason)) continue;
    reasons.add(b.reason);
    keep.add(b.id);
  }
  return keep;
}
