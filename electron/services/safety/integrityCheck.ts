import fs from 'node:fs';
import path from 'node:path';
import type { AuditVerification, FixityProblem, IntegrityReport } from '../../../shared/contract/types/safety';
import { SealedFileError } from '../../data/originals/sealedFormat';
import { type ServiceContext, nowOf } from '../context';
import { checkAuditAnchors } from './auditWitnesses';
import { checkRecords } from './recordCheck';

/**
 * Walks the hash chain of the audit log and names the first row where it breaks, then compares
 * the chain with its witnesses outside the catalogue file (a chain cut short, or edited and
 * recomputed, still holds together on its own).
 */
export async function verifyAuditChain(ctx: ServiceContext): Promise<AuditVerification> {
  const { repos } = ctx.catalogue;
  const result = repos.audit.verify();
  const broken = result.firstBrokenId !== null ? (repos.integrity.auditRowFacts(result.firstBrokenId) ?? null) : null;
  const anchors = await checkAuditAnchors(ctx);
  return {
    ok: result.ok && anchors.problems.length === 0,
    checked: result.checked,
    firstBrokenId: result.firstBrokenId,
    firstBroken: broken,
    total: repos.integrity.auditRowCount(),
    anchors,
  };
}

/**
 * Fixity: re-reads every original in the managed folder (streamed, so a large scan never sits in
 * memory) and compares its SHA-256 with the one recorded when it was catalogued (the plaintext's:
 * an encrypted original is opened, and one that no longer opens was changed). In an encrypted
 * catalogue an intact original lying unencrypted is reported too. Originals moved
 * to quarantine after an executed destruction decision are counted, not expected here.
 */
export async function checkOriginals(ctx: ServiceContext): Promise<IntegrityReport['originals']> {
  const { catalogue } = ctx;
  const problems: FixityProblem[] = [];
  let checked = 0;
  let bytes = 0;
  let movedOut = 0;
  const all = catalogue.repos.integrity.originals();
  const checkOne = async (o: (typeof all)[number]) => {
    if (o.movedOutTo !== null) {
      movedOut++;
      return;
    }
    const file = path.join(catalogue.originalsDir, o.storedPath);
    const base = { attachmentId: o.attachmentId, documentId: o.documentId, fileName: o.fileName, storedPath: o.storedPath, expectedSha256: o.sha256 };
    checked++;
    if (!fs.existsSync(file)) {
      problems.push({ ...base, problem: 'missing', actualSha256: null });
      return;
    }
    try {
      // The plaintext's SHA-256: a sealed original is opened, and one changed on disk fails to open.
      const actual = await catalogue.originals.sha256(file);
      bytes += o.size;
      if (actual !== o.sha256) problems.push({ ...base, problem: 'mismatch', actualSha256: actual });
      // Intact, but readable by anyone with the disk: sealing not finished, or a plain copy put back by hand.
      else if (catalogue.originals.sealing && catalogue.originals.stateOf(file) === 'plain') problems.push({ ...base, problem: 'unencrypted', actualSha256: null });
    } catch (err) {
      if (err instanceof SealedFileError) problems.push({ ...base, problem: 'mismatch', actualSha256: null });
      else problems.push({ ...base, problem: 'unreadable', actualSha256: null });
    }
  };
  // A few reads in flight: each waits on the disk, and the event loop stays free for other calls.
  let next = 0;
  const worker = async () => {
    while (next < all.length) await checkOne(all[next++]!);
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  problems.sort((a, b) => (a.attachmentId ?? 0) - (b.attachmentId ?? 0));
  return { checked, bytes, movedOut, problems, included: true };
}

/**
 * `check`: the database file (PRAGMA integrity_check), its references (PRAGMA foreign_key_check),
 * the audit log's hash chain and its witnesses, every record against the digest of its last
 * audited change and, unless skipped, the fixity of every original.
 */
export async function runIntegrityCheck(ctx: ServiceContext, options: { originals: boolean }): Promise<IntegrityReport> {
  const { repos } = ctx.catalogue;
  const integrity = repos.integrity.integrityCheck();
  const foreignKeys = repos.integrity.foreignKeyCheck();
  const audit = await verifyAuditChain(ctx);
  const records = checkRecords(ctx);
  const originals = options.originals ? await checkOriginals(ctx) : { checked: 0, bytes: 0, movedOut: 0, problems: [], included: false };
  const ok = integrity.length === 1 && integrity[0] === 'ok' && foreignKeys.length === 0 && audit.ok && records.problems.length === 0 && originals.problems.length === 0;
  return { ok, checkedAt: nowOf(ctx), integrity, foreignKeys, audit, records, originals };
}
