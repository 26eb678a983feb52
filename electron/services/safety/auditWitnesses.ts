/**
 * Gathers every witness of the audit chain this catalogue can reach — its witness file, its
 * backups' manifests, the handover packages it made (bag-info `KhoLuu-Audit-Head`) — and compares
 * the chain with them (shared/safety/auditAnchors.ts). Used by `audit verify` and `check`.
 */
import fs from 'node:fs';
import { coded, sentence } from '../../../shared/contract/errors';
import type { AuditAnchorCheck } from '../../../shared/contract/types/safety';
import { AUDIT_HEAD_LABEL, BAG_INFO, parseBagInfo } from '../../../shared/handover/bagit';
import { type AuditAnchor, type RecordedRestore, anchorProblem, compareAnchors } from '../../../shared/safety/auditAnchors';
import { readWitness } from '../../data/auditWitness';
import { listBackups, readBackup } from '../../data/backups/backupFolder';
import type { ServiceContext } from '../context';

const MAX_BAG_INFO = 64 * 1024;

/** The head a package recorded, read from its bag-info (null when it has none or cannot be read). */
async function packageAnchor(location: string): Promise<AuditAnchor | null> {
  // Loaded when a package is met: its zip libraries stay out of every command's start-up.
  const { openBag } = await import('../handover/bag/bagSource');
  const source = await openBag(location);
  try {
    const text = await source.readText(BAG_INFO, MAX_BAG_INFO);
    if (text === null) return null;
    const value = parseBagInfo(text).info.find(([label]) => label === AUDIT_HEAD_LABEL)?.[1];
    const m = value ? /^(\d+) ([0-9a-f]{64})(?: (\S+))?$/.exec(value.trim()) : null;
    return m ? { source: 'package', label: location, lastId: Number(m[1]), headHash: m[2]!, at: m[3] ?? null } : null;
  } finally {
    await source.close();
  }
}

/** The restores the log records, each with the head of the chain it went back to. */
function recordedRestores(ctx: ServiceContext): RecordedRestore[] {
  const out: RecordedRestore[] = [];
  for (const row of ctx.catalogue.repos.audit.ofAction('catalogue.restore')) {
    const after = row.after as { backupId?: string; restoredLastAudit?: { id?: number } | null } | null;
    const toLastId = after?.restoredLastAudit?.id ?? (after?.backupId ? readBackup(ctx.catalogue.backupDir, after.backupId)?.summary.lastAudit?.id : undefined);
    if (typeof toLastId === 'number') out.push({ rowId: row.id, at: row.at, toLastId });
  }
  return out;
}

export async function checkAuditAnchors(ctx: ServiceContext): Promise<AuditAnchorCheck> {
  const { repos } = ctx.catalogue;
  const head = repos.audit.head();
  const anchors: AuditAnchor[] = [];
  const problems: AuditAnchorCheck['problems'] = [];

  const witness = readWitness(ctx.catalogue.path);
  if (witness) {
    anchors.push({ source: 'witness', label: 'witness', lastId: witness.lastId, headHash: witness.headHash ?? '', at: witness.at });
    const first = repos.audit.hashOf(1);
    if (witness.firstHash !== null && first !== witness.firstHash) {
      problems.push({
        source: 'witness',
        label: 'witness',
        status: 'rewritten',
        lastId: 1,
        ...coded('audit.firstRowReplaced'),
      });
    }
  }
  for (const b of listBackups(ctx.catalogue.backupDir)) {
    const last = b.summary.lastAudit;
    if (last) anchors.push({ source: 'backup', label: b.id, lastId: last.id, headHash: last.hash, at: b.createdAt });
  }
  let unreachablePackages = 0;
  for (const batch of repos.handoverBatches.list()) {
    if (batch.direction !== 'outgoing' || !batch.package) continue;
    if (!fs.existsSync(batch.package.path)) {
      unreachablePackages++;
      continue;
    }
    try {
      const anchor = await packageAnchor(batch.package.path);
      if (anchor) anchors.push(anchor);
    } catch {
      unreachablePackages++;
    }
  }

  const findings = compareAnchors(anchors, (id) => repos.audit.hashOf(id), head.lastId, recordedRestores(ctx));
  for (const f of findings) {
    const text = anchorProblem(f);
    if (text && (f.status === 'truncated' || f.status === 'rewritten')) problems.push({ source: f.anchor.source, label: f.anchor.label, status: f.status, lastId: f.anchor.lastId, message: sentence('vi', text), text });
  }
  return {
    compared: findings.filter((f) => f.status !== 'superseded').length,
    superseded: findings.filter((f) => f.status === 'superseded').length,
    unreachablePackages,
    witness: { since: witness?.since ?? null, lastId: witness?.lastId ?? null },
    problems,
  };
}
